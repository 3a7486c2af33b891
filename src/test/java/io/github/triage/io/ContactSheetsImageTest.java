package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.DataBufferInt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sheet without ImageJ (the command line's) is the ImageJ one: same pixels, same JPEG bytes. */
class ContactSheetsImageTest {
	@TempDir
	Path dir;

	@Test
	void bufferedImageAndColorProcessorGiveTheSameSheet() throws Exception {
		final float[] a = new float[40 * 40], b = new float[40 * 40];
		for (int i = 0; i < a.length; i++) {
			a[i] = (float) Math.sin(i * 0.1);
			b[i] = i % 40;
		}
		final List<ContactSheets.Tile> tiles = List.of(new ContactSheets.Tile(a, "1", null),
				new ContactSheets.Tile(b, "2", "low resolution; mask geometry"), new ContactSheets.Tile(a, "3", null, true));
		final var bi = ContactSheets.renderImage(tiles, 40, 12.5);
		final var cp = ContactSheets.render(tiles, 40, 12.5);
		assertArrayEquals((int[]) cp.getPixels(), ((DataBufferInt) bi.getRaster().getDataBuffer()).getData());
		ContactSheets.writeJpeg(dir.resolve("a.jpg"), bi);
		ContactSheets.writeJpeg(dir.resolve("b.jpg"), cp);
		assertArrayEquals(Files.readAllBytes(dir.resolve("b.jpg")), Files.readAllBytes(dir.resolve("a.jpg")));
	}

	/** Cells drawn on several threads, each with its own Graphics: the sheet of one thread, pixel for pixel. */
	@Test
	void severalThreadsDrawTheSheetOfOneThread() {
		final java.util.List<ContactSheets.Tile> tiles = new java.util.ArrayList<>();
		for (int k = 0; k < 37; k++) {
			final float[] px = new float[48 * 48];
			for (int i = 0; i < px.length; i++)
				px[i] = (float) Math.sin(i * 0.01 * (k + 1)) + (i % 48) * 0.01f * k;
			final String reason = k % 3 == 0 ? null
					: k % 3 == 1 ? "population 12 < 40" : "low resolution; mask geometry: off-centre component; local variance";
			tiles.add(new ContactSheets.Tile(px, Integer.toString(k + 1), reason, k % 7 == 0));
		}
		for (final double radius : new double[] { 17.5, Double.NaN }) {
			final int[] one = pixels(ContactSheets.renderImage(tiles, 48, radius, 1));
			for (final int t : new int[] { 2, 3, 8 })
				assertArrayEquals(one, pixels(ContactSheets.renderImage(tiles, 48, radius, t)), t + " threads, radius " + radius);
			assertArrayEquals(one, pixels(ContactSheets.renderImage(tiles, 48, radius)));
		}
	}

	private static int[] pixels(final java.awt.image.BufferedImage bi) {
		return ((DataBufferInt) bi.getRaster().getDataBuffer()).getData();
	}
}
