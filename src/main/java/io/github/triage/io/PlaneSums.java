package io.github.triage.io;

import java.nio.ByteBuffer;

import ij.io.FileInfo;

/**
 * Sums planes of raw pixels (8-bit, unsigned 16-bit or 32-bit float, in the buffer's byte order) into doubles,
 * straight from the buffer they were read into. Each pixel gets its planes added in plane order, as one plane after
 * the other would: {@code ((s + p0) + p1) + ...} in double, so the sums are the same bits. The work is done a few
 * thousand pixels at a time, four planes per pass, so each sum is loaded and stored once per four planes (the
 * planes are read from cache, the sums stay in it).
 */
final class PlaneSums {
	/** Planes added per pass. */
	static final int GROUP = 4;
	/** Pixels per pass: the sums' part (16 KiB) stays in the first-level cache. */
	private static final int CHUNK = 2048;

	private PlaneSums() {
	}

	/**
	 * Adds pixels 0..count-1 of {@code planes} planes of type {@code fileType} held in {@code b} (plane k from byte
	 * k·q) to {@code sums[from..from+count-1]}.
	 */
	static void add(final double[] sums, final int from, final ByteBuffer b, final int planes, final int count,
			final int q, final int fileType) {
		for (int c = 0; c < count; c += CHUNK) {
			final int e = Math.min(count, c + CHUNK);
			switch (fileType) {
				case FileInfo.GRAY32_FLOAT -> floats(sums, from, b, planes, q, c, e);
				case FileInfo.GRAY16_UNSIGNED -> shorts(sums, from, b, planes, q, c, e);
				case FileInfo.GRAY8 -> bytes(sums, from, b, planes, q, c, e);
				default -> throw new IllegalArgumentException("file type " + fileType);
			}
		}
	}

	/** Pixels c..e-1 of each plane; {@code q}: bytes per plane. Float to double, one addition per plane. */
	private static void floats(final double[] s, final int from, final ByteBuffer b, final int planes, final int q, final int c,
			final int e) {
		int p = 0;
		for (; p + 4 <= planes; p += 4)
			for (int i = from + c, end = from + e, j = p * q + 4 * c; i < end; i++, j += 4)
				s[i] = s[i] + b.getFloat(j) + b.getFloat(j + q) + b.getFloat(j + 2 * q) + b.getFloat(j + 3 * q);
		for (; p < planes; p++)
			for (int i = from + c, end = from + e, j = p * q + 4 * c; i < end; i++, j += 4)
				s[i] += b.getFloat(j);
	}

	/** Integers: four planes summed exactly in int, then once into the sum (exact too: the same double). */
	private static void shorts(final double[] s, final int from, final ByteBuffer b, final int planes, final int q, final int c,
			final int e) {
		int p = 0;
		for (; p + 4 <= planes; p += 4)
			for (int i = from + c, end = from + e, j = p * q + 2 * c; i < end; i++, j += 2)
				s[i] += (b.getShort(j) & 0xffff) + (b.getShort(j + q) & 0xffff) + (b.getShort(j + 2 * q) & 0xffff)
						+ (b.getShort(j + 3 * q) & 0xffff);
		for (; p < planes; p++)
			for (int i = from + c, end = from + e, j = p * q + 2 * c; i < end; i++, j += 2)
				s[i] += b.getShort(j) & 0xffff;
	}

	private static void bytes(final double[] s, final int from, final ByteBuffer b, final int planes, final int q, final int c,
			final int e) {
		int p = 0;
		for (; p + 4 <= planes; p += 4)
			for (int i = from + c, end = from + e, j = p * q + c; i < end; i++, j++)
				s[i] += (b.get(j) & 0xff) + (b.get(j + q) & 0xff) + (b.get(j + 2 * q) & 0xff) + (b.get(j + 3 * q) & 0xff);
		for (; p < planes; p++)
			for (int i = from + c, end = from + e, j = p * q + c; i < end; i++, j++)
				s[i] += b.get(j) & 0xff;
	}
}
