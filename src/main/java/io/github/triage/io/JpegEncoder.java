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
 * Baseline JPEG (JFIF, YCbCr 4:2:0 as ImageIO's writer makes it, the standard quantisation and Huffman tables of the JPEG specification's
 * Annex K, as {@code javax.imageio.plugins.jpeg} publishes them) of an RGB image, for the contact sheets. Written
 * here rather than through ImageIO's JPEG writer because that writer's first use scans every jar of the class path
 * for plug-ins and loads its native library: 0.08 s of a 0.5 s {@code cavg reject} run (docs/performance.md).
 * <p>
 * Bands of {@link #BAND_ROWS} rows of 16 × 16 pixel units are coded on their own (restart markers between them), so
 * they can be coded on several threads: the bytes are the same with any number of threads. Colour at half the
 * resolution (4:2:0), as before: 4:4:4 doubled the work for colour edges no one looks at closely.
 */
public final class JpegEncoder {
	/** Rows of 16-pixel units per independently coded band (fewer where a band would pass 65535 units). */
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
		final int bw = (w + 15) / 16, bh = (h + 15) / 16; // units of 16 × 16 pixels: 4 Y blocks, one Cb, one Cr
		// a restart interval counts units in 16 bits: fewer rows per band on a very wide image (same for any threads)
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
		final float[][] div = new float[2][64]; // AAN divisors in zig-zag order
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
					div[c][i] = (float) (1.0 / (zz[ZIGZAG[i]] * AAN[ZIGZAG[i] / 8] * AAN[ZIGZAG[i] % 8] * 8.0));
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
			out.write(c == 1 ? 0x22 : 0x11); // Y 2 × 2, colour 1 × 1: 4:2:0
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

	/** The entropy-coded data of unit rows {@code from..to-1}, DC predictions starting at 0 (after a restart). */
	private static byte[] band(final int[] rgb, final int w, final int h, final int bw, final int bh, final int from,
			final int to, final Tables t) {
		final BitWriter bits = new BitWriter(bw * (to - from) * 6 * 24);
		final float[][] y = new float[4][64];
		final float[] cb = new float[64], cr = new float[64];
		final float[] sr = new float[64], sg = new float[64], sb = new float[64];
		final int[] coef = new int[64];
		final int[] pred = new int[3];
		for (int uy = from; uy < Math.min(bh, to); uy++)
			for (int ux = 0; ux < bw; ux++) {
				final int x0 = ux * 16, x1 = Math.min(w, x0 + 16), y0 = uy * 16, y1 = Math.min(h, y0 + 16);
				if (grey(rgb, w, x0, x1, y0, y1)) greyUnit(rgb, w, h, x0, y0, y, cb, cr);
				else colourUnit(rgb, w, h, x0, y0, y, cb, cr, sr, sg, sb);
				for (int k = 0; k < 4; k++)
					block(bits, y[k], coef, t.div[0], pred, 0, t.dcLum, t.acLum);
				block(bits, cb, coef, t.div[1], pred, 1, t.dcChr, t.acChr);
				block(bits, cr, coef, t.div[1], pred, 2, t.dcChr, t.acChr);
			}
		return bits.finish();
	}

	/** Whether every pixel of the unit (within the image) is grey: R = G = B. */
	private static boolean grey(final int[] rgb, final int w, final int x0, final int x1, final int y0, final int y1) {
		int colour = 0;
		for (int yy = y0; yy < y1; yy++)
			for (int i = yy * w + x0, e = yy * w + x1; i < e; i++)
				colour |= (rgb[i] ^ (rgb[i] >>> 8)) & 0xFFFF;
		return colour == 0;
	}

	/** A grey unit (most of a sheet: the class averages): luminance is the grey value itself, no colour. */
	private static void greyUnit(final int[] rgb, final int w, final int h, final int x0, final int y0,
			final float[][] y, final float[] cb, final float[] cr) {
		for (int r = 0; r < 16; r++) {
			final int row = Math.min(h - 1, y0 + r) * w; // edges repeat the last row and column
			final int yr = (r & 7) << 3;
			for (int half = 0; half < 2; half++) {
				final float[] yb = y[((r >> 3) << 1) + half];
				for (int c = 0; c < 8; c++)
					yb[yr + c] = (rgb[row + Math.min(w - 1, x0 + half * 8 + c)] & 0xFF) - 128f;
			}
		}
		java.util.Arrays.fill(cb, 0f);
		java.util.Arrays.fill(cr, 0f);
	}

	/** A unit with colour: luminance per pixel, colour as the mean of each 2 × 2 pixels. */
	private static void colourUnit(final int[] rgb, final int w, final int h, final int x0, final int y0,
			final float[][] y, final float[] cb, final float[] cr, final float[] sr, final float[] sg,
			final float[] sb) {
		java.util.Arrays.fill(sr, 0f);
		java.util.Arrays.fill(sg, 0f);
		java.util.Arrays.fill(sb, 0f);
		for (int r = 0; r < 16; r++) {
			final int row = Math.min(h - 1, y0 + r) * w;
			final int yr = (r & 7) << 3, cRow = (r >> 1) << 3;
			for (int half = 0; half < 2; half++) {
				final float[] yb = y[((r >> 3) << 1) + half];
				for (int c = 0; c < 8; c++) {
					final int p = rgb[row + Math.min(w - 1, x0 + half * 8 + c)];
					final float red = (p >> 16) & 0xFF, green = (p >> 8) & 0xFF, blue = p & 0xFF;
					yb[yr + c] = 0.299f * red + 0.587f * green + 0.114f * blue - 128f;
					final int ci = cRow + ((half * 8 + c) >> 1);
					sr[ci] += red;
					sg[ci] += green;
					sb[ci] += blue;
				}
			}
		}
		for (int i = 0; i < 64; i++) {
			final float red = sr[i] / 4, green = sg[i] / 4, blue = sb[i] / 4;
			cb[i] = -0.168736f * red - 0.331264f * green + 0.5f * blue;
			cr[i] = 0.5f * red - 0.418688f * green - 0.081312f * blue;
		}
	}

	private static void block(final BitWriter bits, final float[] data, final int[] coef, final float[] div,
			final int[] pred, final int comp, final HuffCode dc, final HuffCode ac) {
		if (uniform(data)) { // bands, gaps, frames: the DCT of a flat block is its sum, exactly as fdct sums it
			final float sum = 64 * data[0];
			java.util.Arrays.fill(data, 0f);
			data[0] = sum;
		}
		else fdct(data);
		long nonZero = 0; // bit i: AC coefficient i (zig-zag order) is not 0
		for (int i = 0; i < 64; i++) { // rounded half up, as IJG's float path does (|v| stays far below 16384)
			final int v = (int) (data[ZIGZAG[i]] * div[i] + 16384.5f) - 16384;
			coef[i] = v;
			nonZero |= (long) ((v | -v) >>> 31) << i;
		}
		nonZero &= ~1L;
		final int diff = coef[0] - pred[comp];
		pred[comp] = coef[0];
		final int dcSize = magnitude(diff);
		bits.put((dc.code[dcSize] << dcSize) | ((diff < 0 ? diff - 1 : diff) & ((1 << dcSize) - 1)),
				dc.size[dcSize] + dcSize);
		int last = 0; // the zig-zag index of the last coefficient written (0: the DC)
		while (nonZero != 0) { // from one non-zero coefficient to the next: runs of zeros are not walked
			final int i = Long.numberOfTrailingZeros(nonZero), v = coef[i];
			nonZero &= nonZero - 1;
			int run = i - last - 1;
			while (run > 15) {
				bits.put(ac.code[0xF0], ac.size[0xF0]); // ZRL
				run -= 16;
			}
			final int s = magnitude(v), sym = (run << 4) | s;
			bits.put((ac.code[sym] << s) | ((v < 0 ? v - 1 : v) & ((1 << s) - 1)), ac.size[sym] + s);
			last = i;
		}
		if (last != 63) bits.put(ac.code[0x00], ac.size[0x00]); // EOB
	}

	private static boolean uniform(final float[] d) {
		final float v = d[0];
		for (int i = 1; i < 64; i++)
			if (d[i] != v) return false;
		return true;
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
		private int count; // bits in acc not yet written: under 32 between calls

		BitWriter(final int capacity) {
			buf = new byte[Math.max(64, capacity)];
		}

		/** The low {@code length} (at most 32) bits of {@code value}. */
		void put(final int value, final int length) {
			acc = (acc << length) | (value & ((1L << length) - 1));
			count += length;
			if (count >= 32) {
				count -= 32;
				word((int) (acc >>> count));
			}
		}

		/** Four bytes at once, unless one of them is 0xFF (then byte by byte, stuffed). */
		private void word(final int v) {
			if (n + 8 > buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
			final int x = ~v; // a 0xFF byte of v is a zero byte of x
			if (((x - 0x01010101) & ~x & 0x80808080) == 0) {
				buf[n] = (byte) (v >>> 24);
				buf[n + 1] = (byte) (v >>> 16);
				buf[n + 2] = (byte) (v >>> 8);
				buf[n + 3] = (byte) v;
				n += 4;
			}
			else for (int sh = 24; sh >= 0; sh -= 8)
				emit((v >>> sh) & 0xFF);
		}

		private void emit(final int b) {
			if (n + 2 > buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
			buf[n++] = (byte) b;
			if (b == 0xFF) buf[n++] = 0;
		}

		byte[] finish() {
			if ((count & 7) != 0) { // pad to a whole byte with 1 bits
				final int pad = 8 - (count & 7);
				acc = (acc << pad) | ((1L << pad) - 1);
				count += pad;
			}
			while (count >= 8) {
				count -= 8;
				emit((int) (acc >>> count) & 0xFF);
			}
			return java.util.Arrays.copyOf(buf, n);
		}
	}
}
