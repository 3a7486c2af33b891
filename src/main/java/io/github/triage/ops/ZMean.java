package io.github.triage.ops;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The mean over Z built one plane at a time, so a volume need never be whole in memory: the same numbers as
 * {@link CpuImageOps#meanZProjection} (a double running sum in plane order, divided once).
 */
public final class ZMean {
	private final int width, height;
	private final double[] acc;
	private int planes;

	public ZMean(final int width, final int height) {
		this.width = width;
		this.height = height;
		this.acc = new double[Math.multiplyExact(width, height)];
	}

	public void add(final float[] plane) {
		for (int i = 0; i < acc.length; i++)
			acc[i] += plane[i];
		planes++;
	}

	/** The mean of the planes added (X, Y). */
	public ArrayImg<FloatType, FloatArray> result() {
		return of(acc, planes, width, height);
	}

	/** The mean (X, Y) from per-pixel sums of {@code planes} planes, each a double running sum in plane order. */
	public static ArrayImg<FloatType, FloatArray> of(final double[] sums, final int planes, final int width,
			final int height) {
		final float[] out = new float[sums.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) (sums[i] / planes);
		return FloatImages.wrap(out, width, height);
	}
}
