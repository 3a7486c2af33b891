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

	/** The class-average rejector's kernels (SIMPLE's cluster2D_rejector), on this implementation's device. */
	CavgKernels cavg();

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
