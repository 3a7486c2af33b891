package io.github.triage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.triage.BadInputException;

/**
 * MRC / MRCS image stacks (MRC2014): reads modes 0 (int8), 1 (int16), 2 (float32), 6 (uint16) and 12 (float16),
 * writes mode 2. One image per section (nz = number of images). The pixel size is {@code cella.x / mx}; the
 * extended header ({@code nsymbt} bytes after the 1024-byte header) is skipped; the byte order comes from the
 * machine stamp (byte 212: 0x44 little-endian, 0x11 big-endian). No MRC library exists on Maven Central, and the
 * format is small enough to read directly, with every size checked against the file before any pixel is used.
 */
public final class MrcFiles {
	public static final int HEADER_BYTES = 1024;
	private static final int STAMP_OFFSET = 212;

	private MrcFiles() {
	}

	/**
	 * Reads a whole stack. Sections are converted to float. Throws {@link BadInputException} naming the file for a
	 * truncated file, an unsupported mode, negative or zero sizes, or a NaN or infinite pixel.
	 */
	public static MrcStack read(final Path file) {
		InputFiles.requireFile(file);
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			if (size < HEADER_BYTES)
				throw new BadInputException(file + ": truncated MRC file: " + size
						+ " bytes, shorter than the 1024-byte MRC header");
			final ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
			readFully(ch, h, 0, file);
			h.order(byteOrder(h));
			final int nx = h.getInt(0), ny = h.getInt(4), nz = h.getInt(8), mode = h.getInt(12);
			if (nx < 0 || ny < 0 || nz < 0)
				throw new BadInputException(file + ": negative size in the MRC header (nx " + nx + ", ny " + ny
						+ ", nz " + nz + ")");
			if (nx == 0 || ny == 0)
				throw new BadInputException(file + ": empty image size in the MRC header (nx " + nx + ", ny " + ny + ")");
			final int bytesPerPixel = bytesPerPixel(mode);
			if (bytesPerPixel < 0)
				throw new BadInputException(file + ": unsupported MRC mode " + mode
						+ " (Triage reads modes 0, 1, 2, 6 and 12)");
			final int nsymbt = h.getInt(92);
			if (nsymbt < 0)
				throw new BadInputException(file + ": negative extended header size " + nsymbt + " (nsymbt)");
			final long plane = (long) nx * ny;
			final long dataStart = HEADER_BYTES + (long) nsymbt;
			final long needed = dataStart + plane * nz * bytesPerPixel;
			if (size < needed)
				throw new BadInputException(file + ": truncated MRC file: the header announces " + nz + " sections of "
						+ nx + " × " + ny + " (mode " + mode + "), " + needed + " bytes, but the file has " + size);
			// one section is read through one buffer and held in one float array: both are Java arrays
			if (plane * Math.max(bytesPerPixel, Float.BYTES) > Integer.MAX_VALUE - 8)
				throw new BadInputException(file + ": image of " + nx + " × " + ny + " pixels is too large (at most "
						+ (Integer.MAX_VALUE - 8) / Float.BYTES + " pixels per section)");
			requireMemory(file, plane * nz * Float.BYTES + plane * bytesPerPixel, nx, ny, nz);
			final double pixelSize = pixelSize(h.getFloat(40), h.getInt(28));
			final boolean unsignedBytes = mode == 0 && unsignedMode0(h);
			final float[][] sections = new float[nz][];
			final ByteBuffer buf = ByteBuffer.allocate((int) (plane * bytesPerPixel)).order(h.order());
			for (int z = 0; z < nz; z++) {
				buf.clear();
				readFully(ch, buf, dataStart + z * plane * bytesPerPixel, file);
				sections[z] = decode(buf, unsignedBytes ? -1 : mode, (int) plane);
				requireFinite(sections[z], nx, file + ": section " + (z + 1));
			}
			return new MrcStack(sections, nx, ny, pixelSize);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
		}
	}

	/**
	 * Refuses a stack that cannot fit in the memory Java may still use (a sparse file or a header claiming 32768²
	 * would otherwise end in an OutOfMemoryError), before anything is allocated.
	 */
	private static void requireMemory(final Path file, final long bytes, final int nx, final int ny, final int nz) {
		final Runtime rt = Runtime.getRuntime();
		final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (bytes > free)
			throw new BadInputException(file + ": " + nz + " sections of " + nx + " × " + ny + " pixels need "
					+ gib(bytes) + " of memory, but Java has " + gib(free) + " free (maximum heap " + gib(rt.maxMemory())
					+ "; raise it with -Xmx)");
	}

	private static String gib(final long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
	}

	/** Throws naming {@code where} and the pixel when the image holds a NaN or an infinity. */
	public static void requireFinite(final float[] px, final int width, final String where) {
		for (int i = 0; i < px.length; i++)
			// v - v is 0 for a finite v, NaN for NaN and ±∞: no call, fast before the JIT has compiled the loop
			if (px[i] - px[i] != 0f)
				throw new BadInputException(where + ": pixel (" + i % width + ", " + i / width + ") is " + px[i]
						+ " (NaN or infinite pixels cannot be scored)");
	}

	/**
	 * Writes a mode-2 (float32, little-endian) stack atomically, as an image stack (mz = 1, ispg 0):
	 * cella = (nx, ny, 1) × pixel size, so {@code cella.x / mx} gives the pixel size back. An unknown (NaN) pixel
	 * size leaves cella 0 rather than inventing 1 Å/px.
	 */
	public static void write(final Path file, final MrcStack stack) throws IOException {
		final int nx = stack.width(), ny = stack.height(), nz = stack.size();
		final ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		h.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, 2);
		h.putInt(28, nx).putInt(32, ny).putInt(36, 1);
		final double ps = stack.pixelSize();
		final boolean known = Double.isFinite(ps) && ps > 0;
		h.putFloat(40, known ? (float) (nx * ps) : 0f).putFloat(44, known ? (float) (ny * ps) : 0f)
				.putFloat(48, known ? (float) ps : 0f);
		h.putFloat(52, 90f).putFloat(56, 90f).putFloat(60, 90f);
		h.putInt(64, 1).putInt(68, 2).putInt(72, 3);
		// min, max, sum, sum of squares, in pixel order
		final double[] acc = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0 };
		for (final float[] s : stack.sections())
			accumulate(s, acc);
		final double min = acc[0], max = acc[1], sum = acc[2], sum2 = acc[3];
		final double n = (double) nx * ny * nz;
		final double mean = n > 0 ? sum / n : 0;
		// MRC2014: dmax < dmin means "not computed", the convention for an empty stack.
		h.putFloat(76, n > 0 ? (float) min : 0f).putFloat(80, n > 0 ? (float) max : -1f).putFloat(84, (float) mean);
		h.putInt(88, 0).putInt(92, 0);
		h.put(104, "MRCO".getBytes(StandardCharsets.US_ASCII)).putInt(108, 20140);
		h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII));
		h.put(STAMP_OFFSET, (byte) 0x44).put(STAMP_OFFSET + 1, (byte) 0x44);
		h.putFloat(216, n > 0 ? (float) Math.sqrt(Math.max(0, sum2 / n - mean * mean)) : -1f);
		h.putInt(220, 1);
		final byte[] label = "Triage class averages".getBytes(StandardCharsets.US_ASCII);
		h.put(224, label);
		for (int i = 224 + label.length; i < 304; i++)
			h.put(i, (byte) ' ');
		AtomicFiles.write(file, out -> {
			out.write(h.array());
			final ByteBuffer b = ByteBuffer.allocate(nx * ny * 4).order(ByteOrder.LITTLE_ENDIAN);
			for (final float[] s : stack.sections()) {
				b.clear();
				b.asFloatBuffer().put(s);
				out.write(b.array());
			}
		});
	}

	/**
	 * Adds one section to the header statistics. A method per section, not one loop over the stack: the JIT
	 * compiles a small method called per section early, where one long loop runs slow code until replaced.
	 */
	private static void accumulate(final float[] s, final double[] acc) {
		double min = acc[0], max = acc[1], sum = acc[2], sum2 = acc[3];
		for (final float v : s) {
			min = Math.min(min, v);
			max = Math.max(max, v);
			sum += v;
			sum2 += (double) v * v;
		}
		acc[0] = min;
		acc[1] = max;
		acc[2] = sum;
		acc[3] = sum2;
	}

	/** Bytes per pixel of a readable mode, -1 for the others. */
	static int bytesPerPixel(final int mode) {
		return switch (mode) {
			case 0 -> 1;
			case 1, 6, 12 -> 2;
			case 2 -> 4;
			default -> -1;
		};
	}

	/**
	 * Byte order from the machine stamp. Old files without a stamp: little-endian when that gives a sensible
	 * mode and sizes, else big-endian when that does.
	 */
	private static ByteOrder byteOrder(final ByteBuffer h) {
		final byte s = h.get(STAMP_OFFSET);
		if (s == 0x44 || s == 0x41) return ByteOrder.LITTLE_ENDIAN;
		if (s == 0x11) return ByteOrder.BIG_ENDIAN;
		if (plausible(h.order(ByteOrder.LITTLE_ENDIAN))) return ByteOrder.LITTLE_ENDIAN;
		if (plausible(h.order(ByteOrder.BIG_ENDIAN))) return ByteOrder.BIG_ENDIAN;
		return ByteOrder.LITTLE_ENDIAN;
	}

	private static boolean plausible(final ByteBuffer h) {
		final int mode = h.getInt(12);
		return mode >= 0 && mode <= 16 && h.getInt(0) >= 0 && h.getInt(0) < 1 << 20 && h.getInt(4) >= 0
				&& h.getInt(4) < 1 << 20;
	}

	/** cella.x / mx, shown as the float the header holds (2.2, not 2.2000000477); NaN when not given. */
	private static double pixelSize(final float cellaX, final int mx) {
		if (mx <= 0 || !(cellaX > 0) || !Float.isFinite(cellaX)) return Double.NaN;
		return Double.parseDouble(Float.toString(cellaX / mx));
	}

	private static float[] decode(final ByteBuffer b, final int mode, final int n) {
		b.flip();
		final float[] out = new float[n];
		switch (mode) {
			case -1 -> {
				for (int i = 0; i < n; i++)
					out[i] = b.get(i) & 0xff;
			}
			case 0 -> {
				for (int i = 0; i < n; i++)
					out[i] = b.get(i); // MRC2014: mode 0 is signed
			}
			case 1 -> {
				for (int i = 0; i < n; i++)
					out[i] = b.getShort(2 * i);
			}
			case 6 -> {
				for (int i = 0; i < n; i++)
					out[i] = b.getShort(2 * i) & 0xffff;
			}
			case 12 -> {
				for (int i = 0; i < n; i++)
					out[i] = halfToFloat(b.getShort(2 * i));
			}
			default -> b.asFloatBuffer().get(out);
		}
		return out;
	}

	/**
	 * Mode 0 is signed in MRC2014, but IMOD writes unsigned bytes unless its flags say otherwise: a file with
	 * IMOD's stamp (1146047817 at byte 152) and bit 0 of imodFlags (byte 156) clear holds unsigned bytes.
	 */
	private static boolean unsignedMode0(final ByteBuffer h) {
		return h.getInt(152) == 1146047817 && (h.getInt(156) & 1) == 0;
	}

	/** IEEE 754 binary16 → float (Float.float16ToFloat arrived after Java 17). */
	static float halfToFloat(final short half) {
		final int h = half & 0xffff;
		final int sign = (h & 0x8000) << 16;
		final int exp = (h >>> 10) & 0x1f;
		final int mant = h & 0x3ff;
		if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // Inf / NaN
		if (exp != 0) return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
		if (mant == 0) return Float.intBitsToFloat(sign);
		final float v = mant * 0x1p-24f; // subnormal
		return sign != 0 ? -v : v;
	}

	private static void readFully(final FileChannel ch, final ByteBuffer buf, final long pos, final Path file)
			throws IOException {
		long p = pos;
		while (buf.hasRemaining()) {
			final int r = ch.read(buf, p);
			if (r < 0) throw new BadInputException(file + ": truncated MRC file (end of file at byte " + p + ")");
			p += r;
		}
	}
}
