package io.github.triage.stack;

/**
 * Resamples one plane onto a canvas shifted by a sub-pixel translation, with the rules of ITK's
 * {@code ResampleImageFilter} + {@code LinearInterpolateImageFunction} as linumpy uses them (linumpy-stages.md §5):
 * canvas pixel {@code i} shows the input's continuous index {@code c = i − a}; it is inside when
 * {@code −0.5 ≤ c < N − 0.5} on both axes, else it gets the fill value; {@code b = floor(c)} clamped to 0,
 * {@code d = c − b} (no blend where {@code d ≤ 0}), the neighbour {@code b + 1} replaced by {@code b} past the
 * edge; the value is interpolated along X, then Y, in double, then rounded to float.
 * <p>
 * The per-column and per-row tables are built once per slice, so resampling a plane costs four reads and three
 * multiplications per canvas pixel.
 */
public final class ItkLinear {
	private final int inWidth, inHeight, outWidth, outHeight;
	// Per output column / row: first input index (−1 when outside), second index, weight of the second.
	private final int[] x0, x1, y0, y1;
	private final double[] dx, dy;

	/**
	 * @param inWidth   input plane width
	 * @param inHeight  input plane height
	 * @param outWidth  canvas width
	 * @param outHeight canvas height
	 * @param ax        X shift applied on the canvas (input column 0 lands at canvas x = ax)
	 * @param ay        Y shift applied on the canvas
	 */
	public ItkLinear(final int inWidth, final int inHeight, final int outWidth, final int outHeight, final double ax,
			final double ay) {
		this.inWidth = inWidth;
		this.inHeight = inHeight;
		this.outWidth = outWidth;
		this.outHeight = outHeight;
		x0 = new int[outWidth];
		x1 = new int[outWidth];
		dx = new double[outWidth];
		y0 = new int[outHeight];
		y1 = new int[outHeight];
		dy = new double[outHeight];
		table(inWidth, -ax, x0, x1, dx);
		table(inHeight, -ay, y0, y1, dy);
	}

	private static void table(final int n, final double t, final int[] i0, final int[] i1, final double[] d) {
		for (int i = 0; i < i0.length; i++) {
			final double c = i + t; // ITK: index → physical point → translated → continuous index
			if (!(c >= -0.5 && c < n - 0.5)) {
				i0[i] = -1;
				continue;
			}
			int b = (int) Math.floor(c);
			if (b < 0) b = 0;
			final double dist = c - b;
			i0[i] = b;
			i1[i] = b + 1 > n - 1 ? b : b + 1;
			d[i] = dist > 0 ? dist : 0;
		}
	}

	/** True when canvas pixel (x, y) lies inside the slice's footprint (it gets a value, not the fill). */
	public boolean inside(final int x, final int y) {
		return x0[x] >= 0 && y0[y] >= 0;
	}

	/**
	 * Resamples {@code in} (Y rows of X values, {@code inWidth × inHeight}) into {@code out}
	 * ({@code outWidth × outHeight}); pixels outside the footprint get {@code fill}.
	 */
	public void resample(final float[] in, final float[] out, final float fill) {
		if (in.length != inWidth * inHeight || out.length != outWidth * outHeight)
			throw new IllegalArgumentException("plane sizes do not match the resampler");
		for (int y = 0; y < outHeight; y++) {
			final int row = y * outWidth;
			final int yb = y0[y];
			if (yb < 0) {
				java.util.Arrays.fill(out, row, row + outWidth, fill);
				continue;
			}
			final int r0 = yb * inWidth, r1 = y1[y] * inWidth;
			final double wy = dy[y];
			for (int x = 0; x < outWidth; x++) {
				final int xb = x0[x];
				if (xb < 0) {
					out[row + x] = fill;
					continue;
				}
				final int xn = x1[x];
				final double wx = dx[x];
				final double v00 = in[r0 + xb], v10 = in[r0 + xn], v01 = in[r1 + xb], v11 = in[r1 + xn];
				final double a = v00 + (v10 - v00) * wx;
				final double b = v01 + (v11 - v01) * wx;
				out[row + x] = (float) (a + (b - a) * wy);
			}
		}
	}
}
