package io.github.triage.ops;

/**
 * SIMPLE's Otsu threshold (simple_segmentation / otsu_img at 0effd5fc) split into the binning, which each
 * {@link ImageOps} computes its own way, and the search over the histogram, shared so both give the same threshold.
 */
public final class CavgOtsu {
	/** 256 bins; scaled values 0..255 land in bin nint(x) (0-based here, nint(x)+1 in SIMPLE). */
	public static final int BINS = 256;

	private CavgOtsu() {
	}

	/** 255 / (max - min) in single precision, as SIMPLE scales the image; the binning multiplies (v - min) by it. */
	public static float scale(final float min, final float max) {
		return 255f / (max - min);
	}

	/** The 0-based bin of one pixel: nint((v - min) · scale), clipped to the last bin. */
	public static int bin(final float v, final float min, final float scale) {
		final int b = Math.round((v - min) * scale); // v >= min, so Java's round is Fortran's nint here
		return b > BINS - 1 ? BINS - 1 : b < 0 ? 0 : b;
	}

	/**
	 * SIMPLE's search: T = 1..254 (1-based: class 1 is bins 1..T) minimising q1·σ1² + q2·σ2², strict {@code <} so the
	 * first minimum wins; a side with zero weight is skipped (NaN in SIMPLE); σ2 is taken as 0 at T = 254.
	 *
	 * @return the winning T (1-based, 1..254)
	 */
	public static int searchT(final long[] hist) {
		double total = 0;
		for (final long h : hist)
			total += h;
		// Cumulative sums over 1-based bin index i: weight, i·p, i²·p. Adding empty bins changes nothing, so ties
		// between neighbouring T resolve exactly as SIMPLE's direct sums do.
		double w1 = 0, s1 = 0, ss1 = 0, wAll = 0, sAll = 0, ssAll = 0;
		for (int k = 0; k < BINS; k++) {
			final double p = hist[k] / total, i = k + 1;
			wAll += p;
			sAll += i * p;
			ssAll += i * i * p;
		}
		int best = 1;
		double bestVal = Double.POSITIVE_INFINITY;
		for (int t = 1; t <= 254; t++) {
			final double p = hist[t - 1] / total, i = t;
			w1 += p;
			s1 += i * p;
			ss1 += i * i * p;
			final double w2 = wAll - w1;
			if (!(w1 > 0) || (t < 254 && !(w2 > 0))) continue;
			final double v1 = ss1 - s1 * s1 / w1; // q1·σ1²
			final double v2 = t == 254 ? 0 : (ssAll - ss1) - (sAll - s1) * (sAll - s1) / w2;
			final double val = v1 + v2;
			if (val < bestVal) {
				bestVal = val;
				best = t;
			}
		}
		return best;
	}

	/**
	 * Threshold in image units from the winning T (1-based bin): (T - 1) / scale + min, single precision. The grey
	 * level of bin T is T - 1, so the bin that closes class 1 is itself foreground. Checked against the reference
	 * run's printed thresholds (src/test/resources/cavg/*_debug.csv): every one is (T - 1) / scale + min.
	 */
	public static float threshold(final int t, final float min, final float scale) {
		return (t - 1) / scale + min;
	}
}
