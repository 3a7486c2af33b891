package io.github.triage.galvo;

import io.github.triage.ops.FloatImages;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The 1D A-line profile of an AIP and the few 1D filters the galvo detector uses. An AIP has ImgLib2 axes
 * (X = B-scan, Y = A-line): the profile has one value per row (Y), the mean over X.
 */
final class Profiles {
	private Profiles() {
	}

	/** Mean of each row (over X) of a 2D image, in double. */
	static double[] rowMeans(final RandomAccessibleInterval<? extends RealType<?>> aip) {
		if (aip.numDimensions() != 2)
			throw new IllegalArgumentException("AIP must be 2D (X, Y), got " + aip.numDimensions() + "D.");
		final int w = (int) aip.dimension(0), h = (int) aip.dimension(1);
		final float[] px = FloatImages.pixels(aip);
		final double[] out = new double[h];
		for (int y = 0; y < h; y++) {
			double s = 0;
			final int off = y * w;
			for (int x = 0; x < w; x++)
				s += px[off + x];
			out[y] = s / w;
		}
		return out;
	}

	/**
	 * Running median of odd width. {@code circular}: indices wrap (the A-line sweep is cyclic, so a band may
	 * straddle the last row); otherwise scipy's default 'reflect' border (d c b a | a b c d), as the reference.
	 */
	static double[] median(final double[] p, final int width, final boolean circular) {
		final int n = p.length, r = width / 2;
		final double[] out = new double[n];
		final double[] win = new double[width];
		for (int i = 0; i < n; i++) {
			for (int k = -r; k <= r; k++)
				win[k + r] = p[index(i + k, n, circular)];
			java.util.Arrays.sort(win);
			out[i] = win[r];
		}
		return out;
	}

	private static int index(int i, final int n, final boolean circular) {
		if (circular) return Math.floorMod(i, n);
		// reflect, repeated for windows longer than the profile
		while (i < 0 || i >= n)
			i = i < 0 ? -i - 1 : 2 * n - i - 1;
		return i;
	}

	/** A copy rolled by {@code k} (numpy roll: element i moves to i + k, wrapping). */
	static double[] roll(final double[] p, final int k) {
		final int n = p.length;
		final double[] out = new double[n];
		for (int i = 0; i < n; i++)
			out[Math.floorMod(i + k, n)] = p[i];
		return out;
	}

	static double mean(final double[] p, final int from, final int to) {
		double s = 0;
		for (int i = from; i < to; i++)
			s += p[i];
		return s / (to - from);
	}

	/** Population standard deviation (numpy's default, ddof 0). */
	static double std(final double[] p) {
		final double m = mean(p, 0, p.length);
		double s = 0;
		for (final double v : p)
			s += (v - m) * (v - m);
		return Math.sqrt(s / p.length);
	}

	/** Percentile with linear interpolation between order statistics (numpy's default). */
	static double percentile(final double[] p, final double q) {
		final double[] s = p.clone();
		java.util.Arrays.sort(s);
		final double pos = q / 100.0 * (s.length - 1);
		final int lo = (int) Math.floor(pos);
		final int hi = Math.min(lo + 1, s.length - 1);
		return s[lo] + (pos - lo) * (s[hi] - s[lo]);
	}
}
