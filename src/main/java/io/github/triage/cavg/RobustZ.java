package io.github.triage.cavg;

import java.util.Arrays;

/** Robust z-scores as SIMPLE computes them: (x - median) / (1.4826 · MAD); median of an even count = mean of the middle two. */
final class RobustZ {
	private RobustZ() {
	}

	static double median(final double[] v, final int n) {
		final double[] s = Arrays.copyOf(v, n);
		Arrays.sort(s);
		return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}

	/**
	 * z of each of the first n values. With one value or none, all z are 0. MAD = 0 is not guarded (as in SIMPLE):
	 * values off the median get ±Infinity, values on it NaN, which never rejects.
	 */
	static double[] scores(final double[] v, final int n) {
		final double[] z = new double[n];
		if (n <= 1) return z;
		final double med = median(v, n);
		final double[] dev = new double[n];
		for (int i = 0; i < n; i++)
			dev[i] = Math.abs(v[i] - med);
		final double mad = median(dev, n);
		for (int i = 0; i < n; i++)
			z[i] = (v[i] - med) / (1.4826 * mad);
		return z;
	}
}
