package io.github.triage.ops;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The image kernels Triage's detectors need, behind one interface. {@link CpuImageOps} is the reference;
 * {@link Clij2ImageOps} runs the same kernels on an OpenCL device through CLIJ2 and must give the same decisions.
 * Get one from {@link ImageOpsFactory}. Axes follow ImgLib2: dimension 0 is X (columns), 1 is Y (rows), 2 is Z.
 * <p>
 * Implementations are not thread-safe; close them when done (the CLIJ2 one frees device memory).
 */
public interface ImageOps extends AutoCloseable {

	/** Short name for logs and diagnostics: {@code cpu} or {@code clij2}. */
	String name();

	// ---- foundation kernels -------------------------------------------------------------------------------

	/** Mean over Z of a 3D image (X, Y, Z) → 2D (X, Y). A 2D input is returned as a float copy. */
	RandomAccessibleInterval<FloatType> meanZProjection(RandomAccessibleInterval<? extends RealType<?>> image);

	// ---- galvo kernels (issue 3) --------------------------------------------------------------------------



	// ---- slice-quality kernels (issue 4) ------------------------------------------------------------------

	/**
	 * Mean SSIM of two equal-sized 2D images already scaled to data range 1: uniform win×win window, sample
	 * covariance, K1 0.01, K2 0.03, averaged over the pixels whose window fits inside the image (as scikit-image's
	 * {@code structural_similarity(win_size=win, data_range=1)}).
	 */
	double ssimMean(RandomAccessibleInterval<? extends RealType<?>> a, RandomAccessibleInterval<? extends RealType<?>> b,
			int window);

	/** Sobel gradient magnitude of a 2D image, sqrt(sx² + sy²), edge pixels repeated at the border (SciPy's sobel). */
	RandomAccessibleInterval<FloatType> sobelMagnitude(RandomAccessibleInterval<? extends RealType<?>> image);



	// ---- class-average kernels (issue 5) ------------------------------------------------------------------

	/**
	 * SIMPLE's edge normalisation, in place: subtracts the mean of the border, where the border sum runs over the
	 * first and last rows and the first and last columns (corners counted twice) divided by 2·(width+height).
	 * Nothing is subtracted when |mean| &lt;= 1e-10.
	 */
	void cavgEdgeNormalise(float[] img, int width, int height);

	/**
	 * Raised-cosine low-pass of a square {@code box × box} image for each Fourier-index limit L in {@code limits}
	 * (one forward transform for all): with f = sqrt(h²+k²) in Fourier index units, weight 1 for f &lt; L-edge,
	 * (cos((f-(L-edge))/edge·π)+1)/2 for L-edge &lt;= f &lt;= L, 0 above L. {@code out[i]} receives the image
	 * filtered at {@code limits[i]}; {@code img} is not changed.
	 */
	void cavgLowPass(float[] img, int box, int[] limits, int edge, float[][] out);

	/**
	 * SIMPLE's Otsu threshold ({@link CavgOtsu}): min-max scaled to [0,255], 256 grey levels, the level T = 1..254
	 * (class 1 = levels 0..T) minimising the within-class variance in SIMPLE's single precision (first minimum
	 * wins), returned as T/scale + min in image units; pixels &gt;= it are foreground. A constant image returns its
	 * value (all foreground).
	 */
	float cavgOtsuThreshold(float[] img);

	/**
	 * 8-connected components of the pixels &gt;= {@code threshold}, labelled 1..n in raster order of each
	 * component's first pixel (X fastest); background 0. Writes {@code labels} (width·height) and returns n.
	 */
	int cavgLabelComponents(float[] img, int width, int height, float threshold, int[] labels);

	/**
	 * Mean local variance inside and outside a threshold mask: for every pixel the unbiased (n-1) variance of the
	 * (2·halfWidth+1)² window around it, clipped at the border, averaged over the pixels &gt;= {@code threshold}
	 * ({@code inOut[0]}) and below it ({@code inOut[1]}); 0 for an empty region.
	 */
	void cavgLocalVarianceMeans(float[] img, int width, int height, float threshold, int halfWidth, double[] inOut);

	// -------------------------------------------------------------------------------------------------------

	/** Frees device resources; a no-op on the CPU. */
	/**
	 * Kernels for another worker thread: a fresh instance (the CPU kernels keep scratch buffers), or null when the
	 * kernels must stay on one thread (a GPU context), in which case work runs on one thread.
	 */
	default ImageOps forAnotherThread() {
		return null;
	}

	@Override
	void close();
}
