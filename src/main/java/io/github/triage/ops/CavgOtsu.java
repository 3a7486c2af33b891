package io.github.triage.ops;

/**
 * SIMPLE's Otsu threshold (otsu_1 in simple_math at 0effd5fc), split into the binning, which each {@link ImageOps}
 * computes its own way, and the search over the histogram, shared so both give the same threshold. Arithmetic is
 * single precision in SIMPLE's order, so near-ties resolve as they do there.
 */
public final class CavgOtsu {
	/** 256 grey levels 0..255. */
	public static final int BINS = 256;

	/** The affine map SIMPLE bins with: x' = sc·v - sc·min, then level nint((x' - xmin') / dx). */
	public record Binning(float min, float sc, float off, float dx) {
		/** The 0-based grey level of one pixel, clipped to 0..255. */
		public int level(final float v) {
			final float x = sc * v - off; // scale_vector: sc*x + 0 - sc*min (xmin' is exactly 0)
			final float q = x / dx;
			// Fortran nint (half away from zero), cheaper than Math.round: q + 0.5 can round up across an integer
			// only when q is within an ulp below n - 0.5; then b - q (exact by Sterbenz for q >= 0.5) exceeds 0.5
			if (!(q >= 0.5f)) return 0;
			int b = (int) (q + 0.5f);
			if ((float) b - q > 0.5f) b--;
			return b > BINS - 1 ? BINS - 1 : b < 0 ? 0 : b;
		}

		/** Threshold in image units for grey level T: T / sc + min. */
		public float threshold(final int t) {
			return t / sc + min;
		}
	}

	private CavgOtsu() {
	}

	/** The binning for an image with this (non-constant) range. */
	public static Binning binning(final float min, final float max) {
		final float sc = 255f / (max - min);
		final float off = sc * min;
		final float xmax = sc * max - off; // x' of the brightest pixel; x' of the darkest is exactly 0
		final float dx = (xmax + 1f - 0f) / BINS;
		return new Binning(min, sc, off, dx);
	}

	/**
	 * SIMPLE's search over grey levels T = 0..254 (class 1 = levels 0..T): T = 0 only sets the bar, T = 1..254 win
	 * with a strictly smaller q1·σ1² + q2·σ2² (first minimum wins), σ2 is 0 at T = 254, and a NaN objective (an
	 * empty side) never wins. Returns 0 when nothing beats T = 0.
	 * <p>
	 * SIMPLE sums σ² directly for every T in single precision (256² terms). Here every T is first scored in double
	 * from cumulative sums (256 terms); only the T within 1e-3 (relative) of the best, far above single-precision
	 * error, are then scored SIMPLE's way, and the first smallest of those wins: the same answer, ~50× fewer flops.
	 */
	public static int searchT(final long[] hist) {
		final float[] p = probabilities(hist);
		// SIMPLE's running single-precision sums, kept per T for the exact scoring below
		final float[] q1s = new float[BINS], q2s = new float[BINS], m1s = new float[BINS], m2s = new float[BINS];
		runningSums(p, q1s, q2s, m1s, m2s);
		// screening in double: q·σ² = Σ i²p - (Σ i p)² / Σ p on each side
		final double[] approx = new double[BINS - 1];
		double w = 0, s = 0, ss = 0, wAll = 0, sAll = 0, ssAll = 0;
		for (int i = 0; i < BINS; i++) {
			wAll += p[i];
			sAll += (double) i * p[i];
			ssAll += (double) i * i * p[i];
		}
		double best = Double.POSITIVE_INFINITY;
		for (int t = 0; t < BINS - 1; t++) {
			w += p[t];
			s += (double) t * p[t];
			ss += (double) t * t * p[t];
			final double w2 = wAll - w;
			final double v1 = t == 0 || !(w > 0) ? 0 : Math.max(0, ss - s * s / w);
			final double v2 = t == BINS - 2 || !(w2 > 1e-12) ? 0 : Math.max(0, (ssAll - ss) - (sAll - s) * (sAll - s) / w2);
			approx[t] = v1 + v2;
			if (approx[t] < best) best = approx[t];
		}
		final double cut = best * (1 + 1e-3) + 1e-9;
		float sigma = exact(0, p, q1s, q2s, m1s, m2s); // T = 0 sets the bar
		int thresh = 0;
		for (int t = 1; t < BINS - 1; t++) {
			if (!(approx[t] <= cut)) continue;
			final float next = exact(t, p, q1s, q2s, m1s, m2s);
			if (next < sigma) {
				thresh = t;
				sigma = next;
			}
		}
		return thresh;
	}

	/** SIMPLE's running sums per T (weights and means of both sides), single precision, its summation order. */
	private static void runningSums(final float[] p, final float[] q1s, final float[] q2s, final float[] m1s,
			final float[] m2s) {
		float q1 = 0f, q2 = 0f, sum1 = 0f, sum2 = 0f;
		for (int i = 0; i < BINS; i++)
			q2 += p[i];
		for (int i = 0; i < BINS; i++)
			sum2 += i * p[i];
		for (int t = 0; t < BINS - 1; t++) {
			q1 += p[t];
			q2 -= p[t];
			sum1 += t * p[t];
			sum2 -= t * p[t];
			q1s[t] = q1;
			q2s[t] = q2;
			m1s[t] = sum1 / q1;
			m2s[t] = sum2 / q2;
		}
	}

	/** SIMPLE's objective at T, single precision, its summation order. */
	private static float exact(final int t, final float[] p, final float[] q1s, final float[] q2s, final float[] m1s,
			final float[] m2s) {
		final float q1 = q1s[t], q2 = q2s[t], m1 = m1s[t], m2 = m2s[t];
		float s1 = 0f;
		if (t > 0) for (int i = 0; i <= t; i++) {
			final float d = i - m1;
			s1 += d * d * p[i];
		}
		s1 = s1 / q1;
		float s2 = 0f;
		if (t < BINS - 2) for (int i = t + 1; i < BINS; i++) {
			final float d = i - m2;
			s2 += d * d * p[i];
		}
		s2 = s2 / q2;
		return q1 * s1 + q2 * s2;
	}

	/** Bin probabilities in single precision, as SIMPLE computes them. */
	private static float[] probabilities(final long[] hist) {
		long total = 0;
		for (final long h : hist)
			total += h;
		final float[] p = new float[BINS];
		for (int i = 0; i < BINS; i++)
			p[i] = (float) hist[i] / (float) total;
		return p;
	}

	/** The plain transcription of SIMPLE's loop (all 256² terms), kept to test {@link #searchT} against. */
	static int searchTDirect(final long[] hist) {
		final float[] p = probabilities(hist);
		final float[] q1s = new float[BINS], q2s = new float[BINS], m1s = new float[BINS], m2s = new float[BINS];
		runningSums(p, q1s, q2s, m1s, m2s);
		float sigma = Float.MAX_VALUE;
		int thresh = 0;
		for (int t = 0; t < BINS - 1; t++) {
			final float next = exact(t, p, q1s, q2s, m1s, m2s);
			if (next < sigma && t > 0) {
				thresh = t;
				sigma = next;
			}
			else if (t == 0) sigma = next;
		}
		return thresh;
	}
}
