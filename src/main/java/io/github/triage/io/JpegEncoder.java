package io.github.triage.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

import io.github.triage.Listener;
import io.github.triage.ops.Workers;

/**
 * Baseline JPEG (JFIF, YCbCr 4:4:4, the standard quantisation and Huffman tables of the JPEG specification's
 * Annex K, as {@code javax.imageio.plugins.jpeg} publishes them) of an RGB image, for the contact sheets. Written
 * here rather than through ImageIO's JPEG writer because that writer's first use scans every jar of the class path
 * for plug-ins and loads its native library: 0.08 s of a 0.5 s {@code cavg reject} run (docs/performance.md).
 * <p>
 * Bands of {@link #BAND_ROWS} block rows are coded on their own (restart markers between them), so they can be
 * coded on several threads: the bytes are the same with any number of threads. 4:4:4 keeps the coloured frames
 * and labels of the sheets sharp (4:2:0 would halve their colour resolution).
 */
public final class JpegEncoder {
	/** Block rows (of 8 pixels) per independently coded band (fewer where a band would pass 65535 blocks). */
	static final int BAND_ROWS = 4;

	private static final int[] ZIGZAG = { 0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40,
			48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58,
			59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63 };
	/** AAN's scale factors of the 1-D DCT outputs: cos(k·π/16)·√2 for k > 0, 1 for k = 0. */
	private static final double[] AAN = { 1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.541196100,
			0.275899379 };

	private JpegEncoder() {
	}

	/**
	 * The JPEG of {@code w × h} pixels {@code 0xRRGGBB} (row-major) at {@code quality} in (0, 1] (IJG's scaling of the
	 * standard tables, as ImageIO's writer: 0.9 → 20 % of them), coded on up to {@code threads} threads.
	 */
	public static byte[] encode(final int[] rgb, final int w, final int h, final float quality, final int threads) {
		if (w < 1 || h < 1 || w > 65535 || h > 65535 || rgb.length < (long) w * h)
			throw new IllegalArgumentException("JPEG of " + w + " x " + h + " pixels from " + rgb.length);
		final Tables t = new Tables(quality);
		final int bw = (w + 7) / 8, bh = (h + 7) / 8;
		// a restart interval counts blocks in 16 bits: fewer rows per band on a very wide image (same for any threads)
		final int rows = Math.max(1, Math.min(BAND_ROWS, 65535 / bw)), bands = (bh + rows - 1) / rows;
		final List<byte[]> coded;
		try {
			coded = Workers.map(bands, threads, Listener.NONE, (b, state, log) -> band(rgb, w, h, bw, bh, b * rows, (b + 1) * rows, t));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + coded.stream().mapToInt(c -> c.length + 2).sum());
		header(out, w, h, bw * rows, t);
		for (int b = 0; b < bands; b++) {
			out.writeBytes(coded.get(b));
			if (b < bands - 1) {
				out.write(0xFF);
				out.write(0xD0 + (b & 7)); // RSTn
			}
		}
		out.write(0xFF);
		out.write(0xD9); // EOI
		return out.toByteArray();
	}

	/** Writes the JPEG to a stream. */
	public static void write(final OutputStream out, final int[] rgb, final int w, final int h, final float quality,
			final int threads) throws IOException {
		out.write(encode(rgb, w, h, quality, threads));
	}

	// ---- tables and headers ----------------------------------------------------------------------------------

	/** Quantisation (natural order, and as AAN divisors) and Huffman code tables. */
	private static final class Tables {
		final int[][] q = new int[2][64]; // natural order
		final float[][] div = new float[2][64];
		final HuffCode dcLum = new HuffCode(JPEGHuffmanTable.StdDCLuminance),
				acLum = new HuffCode(JPEGHuffmanTable.StdACLuminance),
				dcChr = new HuffCode(JPEGHuffmanTable.StdDCChrominance),
				acChr = new HuffCode(JPEGHuffmanTable.StdACChrominance);

		Tables(final float quality) {
			final float qf = Math.max(0.01f, Math.min(1f, quality));
			// IJG: quality 0.5 = the tables as printed; above, scaled down linearly to 0 at quality 1
			final float scale = qf < 0.5f ? 0.5f / qf : 2f - 2f * qf;
			final JPEGQTable[] std = { JPEGQTable.K1Luminance.getScaledInstance(scale, true),
					JPEGQTable.K2Chrominance.getScaledInstance(scale, true) };
			for (int c = 0; c < 2; c++) {
				final int[] zz = std[c].getTable(); // JPEGQTable holds natural order
				for (int i = 0; i < 64; i++) {
					q[c][i] = zz[i];
					div[c][i] = (float) (1.0 / (zz[i] * AAN[i / 8] * AAN[i % 8] * 8.0));
				}
			}
		}
	}

	/** Code and length of each symbol of a Huffman table (Annex C). */
	private static final class HuffCode {
		final short[] lengths;
		final short[] values;
		final int[] code = new int[256], size = new int[256];

		HuffCode(final JPEGHuffmanTable t) {
			lengths = t.getLengths();
			values = t.getValues();
			int k = 0, c = 0;
			for (int len = 1; len <= 16; len++) {
				for (int i = 0; i < lengths[len - 1]; i++, k++) {
					code[values[k]] = c++;
					size[values[k]] = len;
				}
				c <<= 1;
			}
		}
	}

	private static void header(final ByteArrayOutputStream out, final int w, final int h, final int restart,
			final Tables t) {
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD8 }); // SOI
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 });
		for (int c = 0; c < 2; c++) { // DQT
			marker(out, 0xDB, 2 + 65);
			out.write(c);
			for (int i = 0; i < 64; i++)
				out.write(t.q[c][ZIGZAG[i]]);
		}
		marker(out, 0xC0, 2 + 6 + 3 * 3); // SOF0
		out.write(8);
		u16(out, h);
		u16(out, w);
		out.write(3);
		for (int c = 1; c <= 3; c++) {
			out.write(c);
			out.write(0x11); // 1 × 1 sampling: 4:4:4
			out.write(c == 1 ? 0 : 1);
		}
		huffman(out, 0x00, t.dcLum);
		huffman(out, 0x10, t.acLum);
		huffman(out, 0x01, t.dcChr);
		huffman(out, 0x11, t.acChr);
		marker(out, 0xDD, 4); // DRI: a restart after each band
		u16(out, restart);
		marker(out, 0xDA, 2 + 1 + 3 * 2 + 3); // SOS
		out.write(3);
		for (int c = 1; c <= 3; c++) {
			out.write(c);
			out.write(c == 1 ? 0x00 : 0x11);
		}
		out.writeBytes(new byte[] { 0, 63, 0 });
	}

	private static void huffman(final ByteArrayOutputStream out, final int classAndId, final HuffCode t) {
		marker(out, 0xC4, 2 + 1 + 16 + t.values.length);
		out.write(classAndId);
		for (final short l : t.lengths)
			out.write(l);
		for (final short v : t.values)
			out.write(v);
	}

	private static void marker(final ByteArrayOutputStream out, final int m, final int length) {
		out.write(0xFF);
		out.write(m);
		u16(out, length);
	}

	private static void u16(final ByteArrayOutputStream out, final int v) {
		out.write(v >> 8);
		out.write(v & 0xFF);
	}

	// ---- entropy-coded data ----------------------------------------------------------------------------------

	/** The entropy-coded data of block rows {@code from..to-1}, DC predictions starting at 0 (after a restart). */
	private static byte[] band(final int[] rgb, final int w, final int h, final int bw, final int bh, final int from,
			final int to, final Tables t) {
		final BitWriter bits = new BitWriter(bw * (to - from) * 3 * 24);
		final float[] y = new float[64], cb = new float[64], cr = new float[64];
		final int[] coef = new int[64];
		final int[] pred = new int[3];
		for (int by = from; by < Math.min(bh, to); by++)
			for (int bx = 0; bx < bw; bx++) {
				for (int r = 0; r < 8; r++) {
					final int py = Math.min(h - 1, by * 8 + r); // edges repeat the last row and column
					for (int c = 0; c < 8; c++) {
						final int p = rgb[py * w + Math.min(w - 1, bx * 8 + c)];
						final float red = (p >> 16) & 0xFF, green = (p >> 8) & 0xFF, blue = p & 0xFF;
						final int i = r * 8 + c;
						y[i] = 0.299f * red + 0.587f * green + 0.114f * blue - 128f;
						cb[i] = -0.168736f * red - 0.331264f * green + 0.5f * blue;
						cr[i] = 0.5f * red - 0.418688f * green - 0.081312f * blue;
					}
				}
				block(bits, y, coef, t.div[0], pred, 0, t.dcLum, t.acLum);
				block(bits, cb, coef, t.div[1], pred, 1, t.dcChr, t.acChr);
				block(bits, cr, coef, t.div[1], pred, 2, t.dcChr, t.acChr);
			}
		return bits.finish();
	}

	private static void block(final BitWriter bits, final float[] data, final int[] coef, final float[] div,
			final int[] pred, final int comp, final HuffCode dc, final HuffCode ac) {
		fdct(data);
		for (int i = 0; i < 64; i++) // rounded half up, as IJG's float path does (|v| stays far below 16384)
			coef[i] = (int) (data[ZIGZAG[i]] * div[ZIGZAG[i]] + 16384.5f) - 16384;
		final int diff = coef[0] - pred[comp];
		pred[comp] = coef[0];
		final int dcSize = magnitude(diff);
		bits.put(dc.code[dcSize], dc.size[dcSize]);
		if (dcSize > 0) bits.put(diff < 0 ? diff - 1 : diff, dcSize);
		int run = 0;
		for (int i = 1; i < 64; i++) {
			final int v = coef[i];
			if (v == 0) {
				run++;
				continue;
			}
			while (run > 15) {
				bits.put(ac.code[0xF0], ac.size[0xF0]); // ZRL
				run -= 16;
			}
			final int s = magnitude(v), sym = (run << 4) | s;
			bits.put(ac.code[sym], ac.size[sym]);
			bits.put(v < 0 ? v - 1 : v, s);
			run = 0;
		}
		if (run > 0) bits.put(ac.code[0x00], ac.size[0x00]); // EOB
	}

	private static int magnitude(final int v) {
		return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
	}

	/** AAN's forward DCT (the IJG float version) in place, rows then columns; outputs scaled as {@link #AAN} says. */
	private static void fdct(final float[] d) {
		for (int o = 0; o < 64; o += 8)
			dct8(d, o, 1);
		for (int o = 0; o < 8; o++)
			dct8(d, o, 8);
	}

	private static void dct8(final float[] d, final int o, final int s) {
		final float t0 = d[o] + d[o + 7 * s], t7 = d[o] - d[o + 7 * s];
		final float t1 = d[o + s] + d[o + 6 * s], t6 = d[o + s] - d[o + 6 * s];
		final float t2 = d[o + 2 * s] + d[o + 5 * s], t5 = d[o + 2 * s] - d[o + 5 * s];
		final float t3 = d[o + 3 * s] + d[o + 4 * s], t4 = d[o + 3 * s] - d[o + 4 * s];
		// even part
		final float t10 = t0 + t3, t13 = t0 - t3, t11 = t1 + t2, t12 = t1 - t2;
		d[o] = t10 + t11;
		d[o + 4 * s] = t10 - t11;
		final float z1 = (t12 + t13) * 0.707106781f;
		d[o + 2 * s] = t13 + z1;
		d[o + 6 * s] = t13 - z1;
		// odd part
		final float u10 = t4 + t5, u11 = t5 + t6, u12 = t6 + t7;
		final float z5 = (u10 - u12) * 0.382683433f;
		final float z2 = 0.541196100f * u10 + z5, z4 = 1.306562965f * u12 + z5, z3 = u11 * 0.707106781f;
		final float z11 = t7 + z3, z13 = t7 - z3;
		d[o + 5 * s] = z13 + z2;
		d[o + 3 * s] = z13 - z2;
		d[o + s] = z11 + z4;
		d[o + 7 * s] = z11 - z4;
	}

	/** Bits, most significant first, with a 0 byte stuffed after each 0xFF; padded with 1 bits at the end. */
	private static final class BitWriter {
		private byte[] buf;
		private int n;
		private long acc;
		private int count;

		BitWriter(final int capacity) {
			buf = new byte[Math.max(64, capacity)];
		}

		void put(final int value, final int length) {
			acc = (acc << length) | (value & ((1L << length) - 1));
			count += length;
			while (count >= 8) {
				count -= 8;
				emit((int) (acc >>> count) & 0xFF);
			}
		}

		private void emit(final int b) {
			if (n + 2 > buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
			buf[n++] = (byte) b;
			if (b == 0xFF) buf[n++] = 0;
		}

		byte[] finish() {
			if (count > 0) put(0x7F, 8 - count);
			return java.util.Arrays.copyOf(buf, n);
		}
	}
}
