package io.github.triage.ops;

/**
 * Histogram binning and Otsu's method, shared by the CPU and CLIJ2 implementations so both threshold alike.
 * The bin of value v is {@code (int) ((v - min) * (bins - 1) / (max - min))} in float arithmetic, as CLIJ2's
 * histogram kernel computes it, so the maximum falls in the last bin.
 */
public final class Histograms {
	public static final int OTSU_BINS = 256;

	private Histograms() {
	}

	/** Histogram of {@code data} over [min, max] with CLIJ2's binning. */
	public static long[] histogram(final float[] data, final float min, final float max, final int bins) {
		final long[] h = new long[bins];
		final float range = max - min;
		final float last = bins - 1;
		for (final float v : data) {
			// Same operation order as the OpenCL kernel, so float rounding puts values in the same bins.
			int b = (int) ((v - min) * last / range);
			if (b < 0) b = 0;
			else if (b >= bins) b = bins - 1;
			h[b]++;
		}
		return h;
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
