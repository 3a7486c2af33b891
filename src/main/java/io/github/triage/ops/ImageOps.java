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

	/**
	 * Separable Gaussian blur in X and Y (and Z when sigmaZ > 0 and the image is 3D), clamp-to-edge borders,
	 * kernel of {@code (int)(8σ)} taps rounded up to odd, normalised to sum 1 (CLIJ2's definition).
	 */
	RandomAccessibleInterval<FloatType> gaussianBlur(RandomAccessibleInterval<? extends RealType<?>> image,
			double sigmaXY, double sigmaZ);

	/**
	 * Otsu threshold of all pixels: 256-bin histogram between min and max (CLIJ2's binning), Otsu's
	 * between-class variance maximised over it. Returns the grey value at the upper edge of the last
	 * background bin; pixels at or above it are foreground. NaN when the image is constant.
	 */
	double otsuThreshold(RandomAccessibleInterval<? extends RealType<?>> image);

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



	// -------------------------------------------------------------------------------------------------------

	/** Frees device resources; a no-op on the CPU. */
	@Override
	void close();
}
