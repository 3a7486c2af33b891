package io.github.triage.ops;

/**
 * The kernels of the class-average rejector (SIMPLE's cluster2D_rejector), one set per {@link ImageOps}:
 * {@link CavgCpuKernels} on the CPU (the reference), {@link ClijCavgKernels} with CLIJ2. Same decisions on both.
 * Not thread-safe (work buffers are kept per box size).
 */
public interface CavgKernels {

	/**
	 * SIMPLE's edge normalisation, in place: subtracts the mean of the border, where the border sum runs over the
	 * first and last rows and the first and last columns (corners counted twice) divided by 2·(width+height).
	 * Nothing is subtracted when |mean| &lt;= 1e-10.
	 */
	default void edgeNormalise(final float[] img, final int w, final int h) {
		double sum = 0;
		for (int x = 0; x < w; x++)
			sum += (double) img[x] + img[(h - 1) * w + x];
		for (int y = 0; y < h; y++)
			sum += (double) img[y * w] + img[y * w + w - 1];
		// SIMPLE counts the corners twice and divides by 2·(nx+ny); kept as it is (a 4/(2(nx+ny)) weight shift).
		final float mean = (float) (sum / (2.0 * (w + h)));
		if (Math.abs(mean) <= 1e-10f) return;
		for (int i = 0; i < img.length; i++)
			img[i] -= mean;
	}

	/**
	 * Raised-cosine low-pass of a square {@code box × box} image for each Fourier-index limit L in {@code limits}
	 * (one forward transform for all): with f = sqrt(h²+k²) in Fourier index units, weight 1 for f &lt; L-edge,
	 * (cos((f-(L-edge))/edge·π)+1)/2 for L-edge &lt;= f &lt;= L, 0 above L. {@code out[i]} receives the image
	 * filtered at {@code limits[i]}; {@code img} is not changed.
	 */
	void lowPass(float[] img, int box, int[] limits, int edge, float[][] out);

	/**
	 * SIMPLE's Otsu threshold ({@code CavgOtsu}): min-max scaled to [0,255], 256 grey levels, the level T = 1..254
	 * (class 1 = levels 0..T) minimising the within-class variance in SIMPLE's single precision (first minimum
	 * wins), returned as T/scale + min in image units; pixels &gt;= it are foreground. A constant image returns its
	 * value (all foreground).
	 */
	float otsuThreshold(float[] img);

	/**
	 * 8-connected components of the pixels &gt;= {@code threshold}, labelled 1..n in raster order of each
	 * component's first pixel (X fastest); background 0. Writes {@code labels} (width·height) and returns n.
	 */
	int labelComponents(float[] img, int width, int height, float threshold, int[] labels);

	/**
	 * Mean local variance inside and outside a threshold mask: for every pixel the unbiased (n-1) variance of the
	 * (2·halfWidth+1)² window around it, clipped at the border, averaged over the pixels &gt;= {@code threshold}
	 * ({@code inOut[0]}) and below it ({@code inOut[1]}); 0 for an empty region.
	 */
	void localVarianceMeans(float[] img, int width, int height, float threshold, int halfWidth, double[] inOut);
}
