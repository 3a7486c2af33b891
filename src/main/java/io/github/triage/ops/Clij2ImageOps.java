package io.github.triage.ops;

import java.nio.FloatBuffer;

import net.haesleinhuepf.clij.clearcl.ClearCLBuffer;
import net.haesleinhuepf.clij.coremem.enums.NativeTypeEnum;
import net.haesleinhuepf.clij2.CLIJ2;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@link ImageOps} on an OpenCL device through CLIJ2. Every device buffer is released in {@code finally}, so a
 * failed kernel leaves no memory behind. Results must match {@link CpuImageOps} within float tolerance.
 */
public class Clij2ImageOps implements ImageOps {
	protected final CLIJ2 clij2;

	public Clij2ImageOps(final String deviceName) {
		this.clij2 = CLIJ2.getInstance(deviceName);
	}

	@Override
	public String name() {
		return "clij2";
	}

	public String deviceName() {
		return clij2.getGPUName();
	}

	/** Uploads an image as a float buffer of its own dimensionality. */
	protected ClearCLBuffer push(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] d = FloatImages.dims3(image);
		final long[] dims = image.numDimensions() == 3 ? new long[] { d[0], d[1], d[2] } : new long[] { d[0], d[1] };
		return push(FloatImages.pixels(image), dims);
	}

	protected ClearCLBuffer push(final float[] data, final long... dims) {
		final ClearCLBuffer b = clij2.create(dims, NativeTypeEnum.Float);
		b.readFrom(FloatBuffer.wrap(data), true);
		return b;
	}

	protected float[] pull(final ClearCLBuffer b) {
		final float[] out = new float[(int) b.getLength()];
		b.writeTo(FloatBuffer.wrap(out), true);
		return out;
	}

	protected RandomAccessibleInterval<FloatType> pullImage(final ClearCLBuffer b) {
		return FloatImages.wrap(pull(b), b.getDimensions());
	}

	protected void release(final ClearCLBuffer... buffers) {
		for (final ClearCLBuffer b : buffers)
			if (b != null) clij2.release(b);
	}

	@Override
	public RandomAccessibleInterval<FloatType> meanZProjection(final RandomAccessibleInterval<? extends RealType<?>> image) {
		if (image.numDimensions() == 2) return pullCopy(image);
		ClearCLBuffer src = null, dst = null;
		try {
			src = push(image);
			dst = clij2.create(new long[] { src.getWidth(), src.getHeight() }, NativeTypeEnum.Float);
			clij2.meanZProjection(src, dst);
			return pullImage(dst);
		}
		finally {
			release(src, dst);
		}
	}

	private RandomAccessibleInterval<FloatType> pullCopy(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] d = FloatImages.dims3(image);
		return FloatImages.wrap(FloatImages.pixels(image).clone(), d[0], d[1]);
	}

	// ---- galvo kernels (issue 3) --------------------------------------------------------------------------



	// ---- slice-quality kernels (issue 4) ------------------------------------------------------------------

	@Override
	public double ssimMean(final RandomAccessibleInterval<? extends RealType<?>> a,
			final RandomAccessibleInterval<? extends RealType<?>> b, final int window) {
		return ClijQualityKernels.ssimMean(this, a, b, window);
	}

	@Override
	public RandomAccessibleInterval<FloatType> sobelMagnitude(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return ClijQualityKernels.sobelMagnitude(this, image);
	}



	// ---- class-average kernels (issue 5) ------------------------------------------------------------------

	private ClijCavgKernels cavg;

	@Override
	public CavgKernels cavg() {
		if (cavg == null) cavg = new ClijCavgKernels(clij2);
		return cavg;
	}

	// -------------------------------------------------------------------------------------------------------

	@Override
	public void close() {
		// The CLIJ2 instance is shared and slow to start (kernel compilation): keep it; buffers are freed per call.
	}
}
