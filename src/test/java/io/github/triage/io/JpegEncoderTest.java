package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Our JPEGs, read back by ImageIO's decoder: the same picture, at the fidelity of quality 0.9. */
class JpegEncoderTest {

	@Test
	void aSmoothPictureWithSharpColouredEdgesReadsBackClose() throws Exception {
		// sizes that are not multiples of 8 (edge blocks), one wide enough for several bands
		for (final int[] size : new int[][] { { 37, 21 }, { 8, 8 }, { 1, 1 }, { 203, 75 } }) {
			final int w = size[0], h = size[1];
			final int[] rgb = picture(w, h);
			final BufferedImage back = ImageIO.read(new ByteArrayInputStream(JpegEncoder.encode(rgb, w, h, 0.9f, 1)));
			assertEquals(w, back.getWidth());
			assertEquals(h, back.getHeight());
			final double psnr = psnr(rgb, back);
			assertTrue(psnr > 30, w + "x" + h + ": PSNR " + psnr);
		}
	}

	@Test
	void colourIsKept() throws Exception {
		// frames of the sheets: pure red, green and a dark band, in blocks of their own
		final int w = 24, h = 8;
		final int[] rgb = new int[w * h];
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = (i % w) < 8 ? 0xE62828 : (i % w) < 16 ? 0x28C846 : 0x0A4619;
		final BufferedImage back = ImageIO.read(new ByteArrayInputStream(JpegEncoder.encode(rgb, w, h, 0.9f, 1)));
		for (final int x : new int[] { 3, 11, 19 })
			for (int c = 0; c < 3; c++) {
				final int want = (rgb[4 * w + x] >> (8 * c)) & 0xFF, got = (back.getRGB(x, 4) >> (8 * c)) & 0xFF;
				assertTrue(Math.abs(want - got) <= 4, "x " + x + " channel " + c + ": " + want + " vs " + got);
			}
	}

	@Test
	void higherQualityIsCloserAndLarger() throws Exception {
		final int w = 64, h = 64;
		final int[] rgb = picture(w, h);
		final byte[] lo = JpegEncoder.encode(rgb, w, h, 0.3f, 1), hi = JpegEncoder.encode(rgb, w, h, 0.95f, 1);
		assertTrue(hi.length > lo.length, lo.length + " vs " + hi.length);
		assertTrue(psnr(rgb, ImageIO.read(new ByteArrayInputStream(hi))) > psnr(rgb,
				ImageIO.read(new ByteArrayInputStream(lo))) + 3);
	}

	@Test
	void anyNumberOfThreadsWritesTheSameBytes() {
		final int w = 300, h = 157; // 20 block rows: 5 bands
		final int[] rgb = picture(w, h);
		final byte[] one = JpegEncoder.encode(rgb, w, h, 0.9f, 1);
		for (final int t : new int[] { 2, 3, 8 })
			assertArrayEquals(one, JpegEncoder.encode(rgb, w, h, 0.9f, t), t + " threads");
	}

	@Test
	void noiseWithManyLargeCoefficientsReadsBack() throws Exception {
		// every AC magnitude and long zero runs: a wrong code or stuffing breaks the decoder or the picture
		final int w = 64, h = 40;
		final int[] rgb = new int[w * h];
		final Random r = new Random(3);
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = i % 5 == 0 ? r.nextInt(1 << 24) : (i / w % 2 == 0 ? 0xFFFFFF : 0);
		final BufferedImage back = ImageIO.read(new ByteArrayInputStream(JpegEncoder.encode(rgb, w, h, 1f, 2)));
		assertTrue(psnr(rgb, back) > 25, "PSNR " + psnr(rgb, back));
	}

	@Test
	void badSizesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> JpegEncoder.encode(new int[4], 3, 2, 0.9f, 1));
		assertThrows(IllegalArgumentException.class, () -> JpegEncoder.encode(new int[0], 0, 0, 0.9f, 1));
	}

	/** A smooth gradient with a sharp red square and a dark bar. */
	private static int[] picture(final int w, final int h) {
		final int[] rgb = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int red = 255 * x / Math.max(1, w - 1), green = 255 * y / Math.max(1, h - 1), blue = 128;
				if (x > w / 4 && x < w / 2 && y > h / 4 && y < h / 2) {
					red = 230;
					green = 40;
					blue = 40;
				}
				if (y == h / 2) red = green = blue = 20;
				rgb[y * w + x] = (red << 16) | (green << 8) | blue;
			}
		return rgb;
	}

	private static double psnr(final int[] rgb, final BufferedImage back) {
		final int w = back.getWidth();
		double se = 0;
		for (int i = 0; i < rgb.length; i++) {
			final int b = back.getRGB(i % w, i / w);
			for (int c = 0; c < 24; c += 8) {
				final int d = ((rgb[i] >> c) & 0xFF) - ((b >> c) & 0xFF);
				se += d * d;
			}
		}
		final double mse = se / (3.0 * rgb.length);
		return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
	}
}
