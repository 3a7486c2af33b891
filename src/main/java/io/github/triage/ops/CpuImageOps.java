package io.github.triage.ops;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The reference implementation of {@link ImageOps}: plain Java on flat float arrays. One instance per thread: it
 * keeps scratch buffers ({@link #forAnotherThread()} gives another).
 */
public class CpuImageOps implements ImageOps {

	@Override
	public String name() {
		return "cpu";
	}

	@Override
	public ImageOps forAnotherThread() {
		return new CpuImageOps();
	}

	@Override
	public RandomAccessibleInterval<FloatType> meanZProjection(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] d = FloatImages.dims3(image);
		final float[] src = FloatImages.pixels(image);
		final int plane = d[0] * d[1];
		// Accumulate in double: a float running sum over hundreds of planes drifts visibly.
		final double[] acc = new double[plane];
		for (int z = 0; z < d[2]; z++) {
			final int off = z * plane;
			for (int i = 0; i < plane; i++)
				acc[i] += src[off + i];
		}
		final float[] out = new float[plane];
		for (int i = 0; i < plane; i++)
			out[i] = (float) (acc[i] / d[2]);
		return FloatImages.wrap(out, d[0], d[1]);
	}

	// ---- galvo kernels (issue 3) --------------------------------------------------------------------------



	// ---- slice-quality kernels (issue 4) ------------------------------------------------------------------

	@Override
	public double ssimMean(final RandomAccessibleInterval<? extends RealType<?>> a,
			final RandomAccessibleInterval<? extends RealType<?>> b, final int window) {
		final int[] d = QualityKernels.checkPair(a, b);
		return QualityKernels.ssimMean(FloatImages.pixels(a), FloatImages.pixels(b), d[0], d[1], window);
	}

	@Override
	public RandomAccessibleInterval<FloatType> sobelMagnitude(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] d = FloatImages.dims3(image);
		if (d[2] != 1) throw new IllegalArgumentException("Sobel magnitude needs a 2D image");
		return FloatImages.wrap(QualityKernels.sobelMagnitude(FloatImages.pixels(image), d[0], d[1]), d[0], d[1]);
	}



	// ---- class-average kernels (issue 5) ------------------------------------------------------------------

	private CavgCpuKernels cavg;

	@Override
	public CavgKernels cavg() {
		if (cavg == null) cavg = new CavgCpuKernels();
		return cavg;
	}

	// -------------------------------------------------------------------------------------------------------

	@Override
	public void close() {
		// nothing held
	}
}
