package io.github.triage.ops;

/**
 * Histogram binning and Otsu's method, shared by the CPU and CLIJ2 implementations so both threshold alike.
 * The bin of value v is {@code (int) ((v - min) * scale)} with {@code scale = (bins - 1) / (max - min)} computed once
 * in float: a subtraction and a multiplication, which every OpenCL device rounds as Java does (a per-pixel division
 * would not be: OpenCL allows relaxed float division). The maximum falls in the last bin.
 */
public final class Histograms {
	public static final int OTSU_BINS = 256;

	private Histograms() {
	}

	/** The float scale that maps [min, max] onto bins 0 .. bins-1. */
	public static float scale(final float min, final float max, final int bins) {
		return (float) (bins - 1) / (max - min);
	}

	/** Histogram of {@code data} over [min, max]. */
	public static long[] histogram(final float[] data, final float min, final float max, final int bins) {
		final long[] h = new long[bins];
		final float scale = scale(min, max, bins);
		for (final float v : data)
			h[bin(v, min, scale, bins)]++;
		return h;
	}

	/** The bin of one value (clamped to the valid range). */
	public static int bin(final float v, final float min, final float scale, final int bins) {
		final int b = (int) ((v - min) * scale);
		return b < 0 ? 0 : b >= bins ? bins - 1 : b;
	}

	/**
	 * Otsu's method on a histogram: the last background bin k maximising the between-class variance
	 * (first maximum on ties).
	 */
	public static int otsuBin(final long[] hist) {
		double total = 0, sumAll = 0;
		for (int i = 0; i < hist.length; i++) {
			total += hist[i];
			sumAll += (double) i * hist[i];
		}
		double wB = 0, sumB = 0, best = -1;
		int bestK = 0;
		for (int k = 0; k < hist.length - 1; k++) {
			wB += hist[k];
			sumB += (double) k * hist[k];
			final double wF = total - wB;
			if (wB == 0 || wF == 0) continue;
			final double mB = sumB / wB, mF = (sumAll - sumB) / wF;
			final double between = wB * wF * (mB - mF) * (mB - mF);
			if (between > best) {
				best = between;
				bestK = k;
			}
		}
		return bestK;
	}

	/** Grey value at the upper edge of bin k: values above it fall in bins k+1 and higher. */
	public static double binUpperEdge(final int k, final float min, final float max, final int bins) {
		return min + (k + 1) * (double) (max - min) / (bins - 1);
	}
}
