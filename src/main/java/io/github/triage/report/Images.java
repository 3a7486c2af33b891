package io.github.triage.report;

import java.util.Arrays;
import java.util.List;

/**
 * Pictures for the report: planes shrunk to thumbnail size, and one grey window for a whole series (robust
 * percentiles over every slice together), so that a dark slice looks dark next to its neighbours instead of being
 * stretched to the same contrast.
 */
public final class Images {
	/** The window: these percentiles of all pixels of all pictures map to black and white. */
	public static final double LOW_PERCENTILE = 0.5, HIGH_PERCENTILE = 99.5;
	/** At most this many pixels are sorted to find the window (an even sample of each picture). */
	private static final int SAMPLE = 400_000;

	/** A float plane, X fastest. */
	public record Plane(int width, int height, float[] pixels) {
		public Plane {
			if (width < 1 || height < 1 || pixels.length != width * height)
				throw new IllegalArgumentException("plane of " + width + " x " + height + " needs " + width * height
						+ " pixels, got " + pixels.length);
		}
	}

	private Images() {
	}

	/** Mean of {@code factor × factor} blocks (edge blocks partial); the plane itself when factor is 1. */
	public static Plane shrink(final Plane p, final int factor) {
		if (factor <= 1) return p;
		final int w = (p.width() + factor - 1) / factor, h = (p.height() + factor - 1) / factor;
		final double[] sum = new double[w * h];
		final int[] n = new int[w * h];
		for (int y = 0; y < p.height(); y++)
			for (int x = 0; x < p.width(); x++) {
				final float v = p.pixels()[y * p.width() + x];
				if (!Float.isFinite(v)) continue;
				final int i = (y / factor) * w + x / factor;
				sum[i] += v;
				n[i]++;
			}
		final float[] out = new float[w * h];
		for (int i = 0; i < out.length; i++) out[i] = n[i] == 0 ? Float.NaN : (float) (sum[i] / n[i]);
		return new Plane(w, h, out);
	}

	/** The smallest factor that brings the longer side to at most {@code maxSide}. */
	public static int factorFor(final int width, final int height, final int maxSide) {
		return Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide);
	}

	/** The average of planes of one size (an average intensity projection). */
	public static Plane average(final List<Plane> planes) {
		final Plane first = planes.get(0);
		final double[] sum = new double[first.pixels().length];
		final int[] n = new int[sum.length];
		for (final Plane p : planes) {
			if (p.width() != first.width() || p.height() != first.height())
				throw new IllegalArgumentException("planes of different sizes");
			for (int i = 0; i < sum.length; i++) {
				final float v = p.pixels()[i];
				if (Float.isFinite(v)) {
					sum[i] += v;
					n[i]++;
				}
			}
		}
		final float[] out = new float[sum.length];
		for (int i = 0; i < out.length; i++) out[i] = n[i] == 0 ? Float.NaN : (float) (sum[i] / n[i]);
		return new Plane(first.width(), first.height(), out);
	}

	/**
	 * One window for all {@code planes}: the {@link #LOW_PERCENTILE} and {@link #HIGH_PERCENTILE} percentiles of
	 * their finite pixels together; {0, 1} when there is none, widened when flat.
	 */
	public static double[] window(final List<Plane> planes) {
		long total = 0;
		for (final Plane p : planes) total += p.pixels().length;
		final int step = (int) Math.max(1, total / SAMPLE);
		float[] sample = new float[(int) Math.min(total, SAMPLE + planes.size())];
		int n = 0;
		for (final Plane p : planes)
			for (int i = 0; i < p.pixels().length; i += step) {
				final float v = p.pixels()[i];
				if (!Float.isFinite(v)) continue;
				if (n == sample.length) sample = Arrays.copyOf(sample, n * 2);
				sample[n++] = v;
			}
		if (n == 0) return new double[] { 0, 1 };
		Arrays.sort(sample, 0, n);
		final double lo = sample[(int) Math.floor((n - 1) * LOW_PERCENTILE / 100)];
		final double hi = sample[(int) Math.ceil((n - 1) * HIGH_PERCENTILE / 100)];
		return hi > lo ? new double[] { lo, hi } : new double[] { lo, lo + 1 };
	}

	/** {@code p} in the window {lo, hi}: lo and below black, hi and above white, NaN black. */
	public static Gray8 toGray8(final Plane p, final double[] window) {
		final double lo = window[0], scale = 255.0 / (window[1] - window[0]);
		final byte[] out = new byte[p.pixels().length];
		for (int i = 0; i < out.length; i++) {
			final float v = p.pixels()[i];
			final long g = Float.isFinite(v) ? Math.round((v - lo) * scale) : 0;
			out[i] = (byte) Math.max(0, Math.min(255, g));
		}
		return new Gray8(p.width(), p.height(), out);
	}

	/**
	 * Rows repeated so that a plane whose rows are {@code rowStep} apart and whose columns {@code colStep} apart
	 * (same unit) shows at its true shape: an XZ view of thick slices is stretched in Z.
	 */
	public static Plane trueAspect(final Plane p, final double rowStep, final double colStep) {
		if (!(rowStep > 0 && colStep > 0)) return p;
		final int h = (int) Math.max(1, Math.min(4096, Math.round(p.height() * rowStep / colStep)));
		if (h == p.height()) return p;
		final float[] out = new float[h * p.width()];
		for (int y = 0; y < h; y++) {
			final int src = (int) Math.min(p.height() - 1, (long) y * p.height() / h);
			System.arraycopy(p.pixels(), src * p.width(), out, y * p.width(), p.width());
		}
		return new Plane(p.width(), h, out);
	}
}
