package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sheets: what each cell shows, the same with any number of threads, and the same for ImageJ and the files. */
class ContactSheetsImageTest {
	@TempDir
	Path dir;

	@Test
	void theImageJSheetIsTheDrawnOneAndWritesTheSameJpeg() throws Exception {
		final List<ContactSheets.Tile> tiles = tiles(3, 40);
		final ContactSheets.Sheet s = ContactSheets.draw(tiles, 40, 12.5, 1);
		final var cp = ContactSheets.render(tiles, 40, 12.5);
		assertArrayEquals((int[]) cp.getPixels(), s.pixels());
		ContactSheets.writeJpeg(dir.resolve("a.jpg"), s, 1);
		ContactSheets.writeJpeg(dir.resolve("b.jpg"), cp);
		assertArrayEquals(Files.readAllBytes(dir.resolve("b.jpg")), Files.readAllBytes(dir.resolve("a.jpg")));
		final java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(dir.resolve("a.jpg").toFile());
		assertEquals(s.width(), back.getWidth());
		assertEquals(s.height(), back.getHeight());
	}

	/** Cells drawn on several threads: the sheet of one thread, pixel for pixel. */
	@Test
	void severalThreadsDrawTheSheetOfOneThread() {
		final List<ContactSheets.Tile> tiles = tiles(37, 48);
		for (final double radius : new double[] { 17.5, Double.NaN }) {
			final int[] one = ContactSheets.draw(tiles, 48, radius, 1).pixels();
			for (final int t : new int[] { 2, 3, 8 })
				assertArrayEquals(one, ContactSheets.draw(tiles, 48, radius, t).pixels(), t + " threads, radius " + radius);
		}
	}

	@Test
	void framesBandsLabelsAndTheMaskCircleAreWhereTheLayoutSays() {
		final List<ContactSheets.Tile> tiles = tiles(3, 64); // 1 kept, 2 rejected, 3 kept by hand
		final ContactSheets.Sheet s = ContactSheets.draw(tiles, 64, 20, 1);
		final ContactSheets.Layout l = ContactSheets.layout(3, 64);
		assertEquals(l.width(), s.width());
		assertEquals(l.height(), s.height());
		// frames: green for kept, red for rejected, down the whole cell
		for (final int y : new int[] { 1, l.header() + 10, l.cellHeight() - 2 }) {
			assertEquals(0x28C846, at(s, l.x(0) + 1, l.y(0) + y));
			assertEquals(0xE62828, at(s, l.x(1) + 1, l.y(1) + y));
			assertEquals(0xE62828, at(s, l.x(1) + l.tile() - 2, l.y(1) + y));
		}
		// the class number in yellow in the band above the image; the rejected cell's reason below it
		assertTrue(count(s, l.x(0), l.y(0), l.tile() / 2, l.header(), 0xFFFF00) > 10, "class number drawn");
		assertTrue(count(s, l.x(1), l.y(1) + l.header() + l.tile(), l.tile(), l.caption(), 0xFFAAAA) > 30,
				"reason drawn");
		assertEquals(0, count(s, l.x(0), l.y(0) + l.header() + l.tile(), l.tile(), l.caption(), 0xFFAAAA),
				"no reason under a kept class");
		assertTrue(count(s, l.x(2), l.y(2) + l.header() + l.tile(), l.tile(), l.caption(), 0xAAFFB4) > 30,
				"'kept by hand' drawn");
		// the mask circle: pure cyan on it (dashed: most of the ring), never at the centre
		final int cx = l.x(0) + l.tile() / 2, cy = l.y(0) + l.header() + l.tile() / 2, r = 20 * l.scale();
		int cyan = 0;
		for (int a = 0; a < 360; a += 5) {
			final int x = (int) Math.floor(cx + r * Math.cos(Math.toRadians(a))),
					y = (int) Math.floor(cy + r * Math.sin(Math.toRadians(a)));
			if (isCyanish(at(s, x, y))) cyan++;
		}
		assertTrue(cyan > 72 * 0.4 && cyan < 72 * 0.9, cyan + " of 72 points of the dashed ring are cyan");
		assertTrue(!isCyanish(at(s, cx, cy)));
	}

	@Test
	void aKeptTileShowsItsPixelsFullRangeAndARejectedOneDimmed() {
		final float[] ramp = new float[64 * 64];
		for (int i = 0; i < ramp.length; i++)
			ramp[i] = i % 64;
		final ContactSheets.Sheet s = ContactSheets.draw(List.of(new ContactSheets.Tile(ramp, "1", null),
				new ContactSheets.Tile(ramp, "2", "pop 3<40")), 64, Double.NaN, 1);
		final ContactSheets.Layout l = ContactSheets.layout(2, 64);
		final int y = l.y(0) + l.header() + l.tile() / 2;
		// tile pixel 64 of the 2× enlarged image is column 32 of 0..63: 32/63 of the range
		final int full = Math.round(32f / 63 * 255), dim = Math.round(32f / 63 * 150);
		assertEquals(full * 0x010101, at(s, l.x(0) + 64, y));
		assertEquals(full * 0x010101, at(s, l.x(0) + 65, y));
		assertEquals(Math.round(1f / 63 * 255) * 0x010101, at(s, l.x(0) + 3, y)); // column 1 (0 is under the frame)
		assertEquals(dim * 0x010101, at(s, l.x(1) + 64, y)); // rejected: dimmed to at most 150
	}

	private static List<ContactSheets.Tile> tiles(final int n, final int box) {
		final List<ContactSheets.Tile> tiles = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			final float[] px = new float[box * box];
			for (int i = 0; i < px.length; i++)
				px[i] = (float) Math.sin(i * 0.01 * (k + 1)) + (i % box) * 0.01f * k;
			final String reason = k % 3 == 1 ? "population 12 < 40; mask geometry: off-centre component; locvar" : null;
			tiles.add(new ContactSheets.Tile(px, Integer.toString(k + 1), reason, k % 3 == 2));
		}
		return tiles;
	}

	private static int at(final ContactSheets.Sheet s, final int x, final int y) {
		return s.pixels()[y * s.width() + x] & 0xFFFFFF;
	}

	private static boolean isCyanish(final int rgb) {
		return ((rgb >> 16) & 0xFF) < 0x60 && ((rgb >> 8) & 0xFF) > 0x90 && (rgb & 0xFF) > 0xB0;
	}

	private static int count(final ContactSheets.Sheet s, final int x0, final int y0, final int w, final int h,
			final int rgb) {
		int n = 0;
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++)
				if (at(s, x, y) == rgb) n++;
		return n;
	}
}
