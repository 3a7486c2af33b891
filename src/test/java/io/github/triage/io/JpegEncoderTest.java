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

/**
 * Our JPEGs, read back by ImageIO's decoder: the same picture, as close to it as ImageIO's own writer gets at the
 * same quality (both 4:2:0).
 */
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
			final double psnr = psnr(rgb, back), theirs = psnr(rgb, imageIo(rgb, w, h, 0.9f));
			assertTrue(psnr > 20 && psnr > theirs - 1, w + "x" + h + ": PSNR " + psnr + " vs ImageIO's " + theirs);
		}
	}

	@Test
	void colourIsKept() throws Exception {
		// frames of the sheets: pure red, green and a dark band, in units of their own
		final int w = 48, h = 16;
		final int[] rgb = new int[w * h];
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = (i % w) < 16 ? 0xE62828 : (i % w) < 32 ? 0x28C846 : 0x0A4619;
		final BufferedImage back = ImageIO.read(new ByteArrayInputStream(JpegEncoder.encode(rgb, w, h, 0.9f, 1)));
		for (final int x : new int[] { 7, 23, 39 })
			for (int c = 0; c < 3; c++) {
				final int want = (rgb[4 * w + x] >> (8 * c)) & 0xFF, got = (back.getRGB(x, 4) >> (8 * c)) & 0xFF;
				assertTrue(Math.abs(want - got) <= 4, "x " + x + " channel " + c + ": " + want + " vs " + got);
			}
	}

	@Test
	void higherQualityIsCloserAndLarger() throws Exception {
		final int w = 64, h = 64; // grey: the error is the quantisation's, not the colour's halved resolution
		final int[] rgb = picture(w, h);
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = ((rgb[i] >> 8) & 0xFF) * 0x010101;
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
		final double psnr = psnr(rgb, back), theirs = psnr(rgb, imageIo(rgb, w, h, 1f));
		assertTrue(psnr > theirs - 1, "PSNR " + psnr + " vs ImageIO's " + theirs);
	}

	@Test
	void badSizesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> JpegEncoder.encode(new int[4], 3, 2, 0.9f, 1));
		assertThrows(IllegalArgumentException.class, () -> JpegEncoder.encode(new int[0], 0, 0, 0.9f, 1));
	}

	/** The picture through ImageIO's JPEG writer and back. */
	private static BufferedImage imageIo(final int[] rgb, final int w, final int h, final float quality)
			throws java.io.IOException {
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		bi.setRGB(0, 0, w, h, rgb, 0, w);
		final javax.imageio.ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
			wr.setOutput(ios);
			final javax.imageio.ImageWriteParam p = wr.getDefaultWriteParam();
			p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			p.setCompressionQuality(quality);
			wr.write(null, new javax.imageio.IIOImage(bi, null, null), p);
		}
		wr.dispose();
		return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
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
