package io.github.triage.ops;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** The reference implementation of {@link ImageOps}: plain Java on flat float arrays, single-threaded. */
public class CpuImageOps implements ImageOps {

	@Override
	public String name() {
		return "cpu";
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

	@Override
	public RandomAccessibleInterval<FloatType> gaussianBlur(final RandomAccessibleInterval<? extends RealType<?>> image,
			final double sigmaXY, final double sigmaZ) {
		final int[] d = FloatImages.dims3(image);
		float[] cur = FloatImages.pixels(image).clone();
		if (sigmaXY > 0) {
			cur = blurAxis(cur, d, 0, (float) sigmaXY);
			cur = blurAxis(cur, d, 1, (float) sigmaXY);
		}
		if (sigmaZ > 0 && d[2] > 1) cur = blurAxis(cur, d, 2, (float) sigmaZ);
		return image.numDimensions() == 3 ? FloatImages.wrap(cur, d[0], d[1], d[2]) : FloatImages.wrap(cur, d[0], d[1]);
	}

	@Override
	public double otsuThreshold(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final float[] px = FloatImages.pixels(image);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : px) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (!(max > min)) return Double.NaN;
		final long[] h = Histograms.histogram(px, min, max, Histograms.OTSU_BINS);
		return Histograms.binUpperEdge(Histograms.otsuBin(h), min, max, Histograms.OTSU_BINS);
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

	private CavgCpuKernels cavg() {
		if (cavg == null) cavg = new CavgCpuKernels();
		return cavg;
	}

	@Override
	public void cavgEdgeNormalise(final float[] img, final int width, final int height) {
		CavgCpuKernels.edgeNormalise(img, width, height);
	}

	@Override
	public void cavgLowPass(final float[] img, final int box, final int[] limits, final int edge, final float[][] out) {
		cavg().lowPass(img, box, limits, edge, out);
	}

	@Override
	public float cavgOtsuThreshold(final float[] img) {
		return cavg().otsuThreshold(img);
	}

	@Override
	public int cavgLabelComponents(final float[] img, final int width, final int height, final float threshold,
			final int[] labels) {
		return cavg().labelComponents(img, width, height, threshold, labels);
	}

	@Override
	public void cavgLocalVarianceMeans(final float[] img, final int width, final int height, final float threshold,
			final int halfWidth, final double[] inOut) {
		cavg().localVarianceMeans(img, width, height, threshold, halfWidth, inOut);
	}

	// -------------------------------------------------------------------------------------------------------

	/** Gaussian taps as CLIJ2 builds them: (int)(8σ) rounded up to odd, exp(-v²/2σ²), normalised. */
	static float[] gaussianKernel(final float sigma) {
		int n = (int) (sigma * 8.0);
		if (n % 2 == 0) n++;
		final int c = (n - 1) / 2;
		final float[] k = new float[n];
		final float norm = -2 * sigma * sigma;
		float sum = 0;
		for (int v = -c; v <= c; v++) {
			k[v + c] = (float) Math.exp((v * v) / norm);
			sum += k[v + c];
		}
		for (int i = 0; i < n; i++)
			k[i] /= sum;
		return k;
	}

	private static float[] blurAxis(final float[] src, final int[] d, final int axis, final float sigma) {
		final float[] k = gaussianKernel(sigma);
		final int c = (k.length - 1) / 2;
		final int len = d[axis];
		final int stride = axis == 0 ? 1 : axis == 1 ? d[0] : d[0] * d[1];
		final float[] out = new float[src.length];
		final float[] line = new float[len];
		final int lines = src.length / len;
		for (int l = 0; l < lines; l++) {
			final int base = lineStart(l, d, axis);
			for (int i = 0; i < len; i++)
				line[i] = src[base + i * stride];
			for (int i = 0; i < len; i++) {
				float acc = 0;
				for (int v = -c; v <= c; v++) {
					int j = i + v;
					j = j < 0 ? 0 : j >= len ? len - 1 : j; // clamp to edge, as CLIJ2's sampler
					acc += k[v + c] * line[j];
				}
				out[base + i * stride] = acc;
			}
		}
		return out;
	}

	/** Flat index of the first pixel of the l-th line running along {@code axis}. */
	private static int lineStart(final int l, final int[] d, final int axis) {
		switch (axis) {
		case 0:
			return l * d[0];
		case 1: {
			final int z = l / d[0], x = l % d[0];
			return z * d[0] * d[1] + x;
		}
		default:
			return l; // l runs over the X*Y positions of one plane
		}
	}

	@Override
	public void close() {
		// nothing held
	}
}
