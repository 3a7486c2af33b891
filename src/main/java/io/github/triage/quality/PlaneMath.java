package io.github.triage.quality;

/** Small numeric helpers on flat planes (X fastest), matching the NumPy expressions of the reference. */
final class PlaneMath {
	private PlaneMath() {
	}

	/** {@code floor(numpy.linspace(0, n - 1, count))}: count indices spread over 0..n-1, both ends included. */
	static int[] linspaceFloor(final int n, final int count) {
		final int[] out = new int[count];
		if (count == 1) return out;
		final double step = (n - 1) / (double) (count - 1);
		for (int k = 0; k < count; k++)
			out[k] = (int) Math.floor(k * step);
		out[count - 1] = n - 1;
		return out;
	}

	/** The top-left {@code w × h} region of a {@code srcW}-wide plane (the plane itself when it already fits). */
	static float[] crop(final float[] p, final int srcW, final int srcH, final int w, final int h) {
		if (w == srcW && h == srcH) return p;
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++)
			System.arraycopy(p, y * srcW, out, y * w, w);
		return out;
	}

	/**
	 * Min–max scaling to [0, 1] in float, as linumpy's normalize_image, into {@code out} (as long as {@code p}, not
	 * {@code p} itself); a constant plane is copied unscaled. Returns out.
	 */
	static float[] normalise(final float[] p, final float[] out) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : p) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (!(max > min)) {
			System.arraycopy(p, 0, out, 0, p.length);
			return out;
		}
		final float range = max - min;
		for (int i = 0; i < p.length; i++)
			out[i] = (p[i] - min) / range;
		return out;
	}

	/** Divides by the maximum, in place, when it is positive (edge maps); returns p. */
	static float[] divideByMax(final float[] p) {
		float max = 0;
		for (final float v : p)
			if (v > max) max = v;
		if (!(max > 0)) return p;
		for (int i = 0; i < p.length; i++)
			p[i] = p[i] / max;
		return p;
	}

	/** Pearson correlation; NaN when either input is constant. */
	static double pearson(final float[] a, final float[] b) {
		final int n = a.length;
		double ma = 0, mb = 0;
		for (int i = 0; i < n; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= n;
		mb /= n;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < n; i++) {
			final double da = a[i] - ma, db = b[i] - mb;
			sab += da * db;
			saa += da * da;
			sbb += db * db;
		}
		return sab / Math.sqrt(saa * sbb);
	}

	/** Running population mean/variance over several planes (Welford, in double). */
	static final class Moments {
		long n;
		double mean, m2;
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;

		void add(final float[] p) {
			for (final float v : p) {
				n++;
				final double d = v - mean;
				mean += d / n;
				m2 += d * (v - mean);
				if (v < min) min = v;
				if (v > max) max = v;
			}
		}

		double variance() {
			return n > 0 ? m2 / n : 0;
		}
	}
}
