package io.github.triage.stack;

import java.util.function.IntFunction;

/**
 * A percentile of the positive voxels of a volume, as numpy's {@code percentile(v[v > 0], q)} (method "linear")
 * computes it, in bounded memory: the volume is read plane by plane twice (a radix select on the float bits, which
 * order positive floats as integers) instead of being sorted whole. linumpy uses the 1st percentile as the value
 * outside each aligned slice's footprint.
 */
public final class PositivePercentile {
	private PositivePercentile() {
	}

	/**
	 * @param depth  number of planes
	 * @param planes plane {@code z} (called twice per plane)
	 * @param q      the percentile, 0..100
	 * @return the percentile (computed in float, as numpy does for float32 data), or 0 when no voxel is positive
	 */
	public static double of(final int depth, final IntFunction<float[]> planes, final double q) {
		if (!(q >= 0 && q <= 100)) throw new IllegalArgumentException("the percentile must be in 0..100");
		// Pass 1: count by the high 16 bits (positive floats: sign bit 0, so 32768 bins).
		final long[] high = new long[1 << 15];
		long n = 0;
		for (int z = 0; z < depth; z++)
			for (final float v : planes.apply(z))
				if (v > 0) {
					high[Float.floatToRawIntBits(v) >>> 16]++;
					n++;
				}
		if (n == 0) return 0;
		// numpy: virtual index = n·q + (1 + q·(1 − 1 − 1)) − 1 with q in 0..1 (alpha = beta = 1).
		final double qq = q / 100.0;
		final double h = n * qq + (1 + qq * (1 - 1 - 1)) - 1;
		final double lowD = Math.floor(h);
		final long lo = (long) Math.max(0, Math.min(n - 1, lowD));
		final long hi = Math.min(n - 1, lo + 1);
		final double gamma = h - lowD;
		// Which high bins hold ranks lo and hi, and the rank at each bin's start.
		final int binLo = bin(high, lo), binHi = bin(high, hi);
		final long startLo = start(high, binLo), startHi = start(high, binHi);
		// Pass 2: count by the low 16 bits inside those bins.
		final long[] lowA = new long[1 << 16], lowB = binHi == binLo ? lowA : new long[1 << 16];
		for (int z = 0; z < depth; z++)
			for (final float v : planes.apply(z))
				if (v > 0) {
					final int bits = Float.floatToRawIntBits(v);
					final int hb = bits >>> 16;
					if (hb == binLo) lowA[bits & 0xffff]++;
					else if (hb == binHi) lowB[bits & 0xffff]++;
				}
		final float a = Float.intBitsToFloat(binLo << 16 | bin(lowA, lo - startLo));
		final float b = Float.intBitsToFloat(binHi << 16 | bin(lowB, hi - startHi));
		// numpy's _lerp in the data's type (float32): a + (b − a)·γ, or b − (b − a)·(1 − γ) when γ ≥ 0.5.
		final float diff = b - a, g = (float) gamma;
		return gamma >= 0.5 ? b - diff * (1 - g) : a + diff * g;
	}

	/** The bin holding rank {@code rank} (0-based) of the counts. */
	private static int bin(final long[] counts, final long rank) {
		long seen = 0;
		for (int i = 0; i < counts.length; i++) {
			seen += counts[i];
			if (seen > rank) return i;
		}
		throw new IllegalStateException("rank " + rank + " beyond the counts (the planes changed between passes?)");
	}

	private static long start(final long[] counts, final int bin) {
		long s = 0;
		for (int i = 0; i < bin; i++)
			s += counts[i];
		return s;
	}
}
