package io.github.triage.cavg;

import java.util.Arrays;

/**
 * Robust z-scores: (x - median) / (1.4826 · MAD), MAD = median of |x - median|; with one value or none all z are 0.
 * MAD = 0 is not guarded (as in SIMPLE): values off the median get ±Infinity, values on it NaN, which never rejects.
 */
final class RobustZ {
	private RobustZ() {
	}

	/** Exact medians (even count: mean of the two middle values), double precision. The default mode. */
	static double[] scores(final double[] v, final int n) {
		final double[] z = new double[n];
		if (n <= 1) return z;
		final double med = median(Arrays.copyOf(v, n));
		final double[] dev = new double[n];
		for (int i = 0; i < n; i++)
			dev[i] = Math.abs(v[i] - med);
		final double mad = median(dev);
		for (int i = 0; i < n; i++)
			z[i] = (v[i] - med) / (1.4826 * mad);
		return z;
	}

	private static double median(final double[] s) {
		Arrays.sort(s);
		final int n = s.length;
		return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}

	/**
	 * SIMPLE's robust_z_scores in single precision, with its median: two calls of its quickselect {@code selec} on
	 * one array. That selec ends a two-element partition with a swap only when the partition starts at the first
	 * element ({@code ir-1 == 1} where Numerical Recipes has {@code ir == l+1}), so on other partitions it can
	 * return a neighbour of the k-th smallest. The values come in class order, which the result depends on.
	 */
	static double[] scoresSimple(final double[] v, final int n) {
		final double[] z = new double[n];
		if (n <= 1) return z;
		final float[] x = new float[n];
		for (int i = 0; i < n; i++)
			x[i] = (float) v[i];
		final float med = medianSimple(x.clone());
		final float[] dev = new float[n];
		for (int i = 0; i < n; i++)
			dev[i] = Math.abs(x[i] - med);
		final float mad = 1.4826f * medianSimple(dev);
		for (int i = 0; i < n; i++)
			z[i] = (x[i] - med) / mad;
		return z;
	}

	/** SIMPLE's median (rearranges {@code a}). */
	static float medianSimple(final float[] a) {
		final int n = a.length;
		if (n % 2 == 0) {
			final float v1 = selec(n / 2, a), v2 = selec(n / 2 + 1, a);
			return (v1 + v2) / 2f;
		}
		return selec((n + 1) / 2, a);
	}

	/** SIMPLE's selec: the k-th smallest (1-based k) by Numerical Recipes' select, with SIMPLE's end test. */
	static float selec(final int k, final float[] arr) {
		final int n = arr.length;
		int l = 1, ir = n; // 1-based as in the original; element m is arr[m - 1]
		while (true) {
			if (ir - l <= 1) {
				if (ir - 1 == 1 && arr[ir - 1] < arr[l - 1]) swap(arr, l, ir);
				return arr[k - 1];
			}
			final int mid = (l + ir) / 2;
			swap(arr, mid, l + 1);
			if (arr[l - 1] > arr[ir - 1]) swap(arr, l, ir);
			if (arr[l] > arr[ir - 1]) swap(arr, l + 1, ir);
			if (arr[l - 1] > arr[l]) swap(arr, l, l + 1);
			int i = l + 1, j = ir;
			final float a = arr[l];
			while (true) {
				do
					i++;
				while (arr[i - 1] < a);
				do
					j--;
				while (arr[j - 1] > a);
				if (j < i) break;
				swap(arr, i, j);
			}
			arr[l] = arr[j - 1];
			arr[j - 1] = a;
			if (j >= k) ir = j - 1;
			if (j <= k) l = i;
		}
	}

	private static void swap(final float[] a, final int i, final int j) {
		final float t = a[i - 1];
		a[i - 1] = a[j - 1];
		a[j - 1] = t;
	}
}
