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
}
