package io.github.triage.ops;

/**
 * CPU kernels of slice-quality assessment on flat float planes (X fastest), in double precision: the reference
 * that {@link ClijQualityKernels} must match. Definitions follow scikit-image's {@code structural_similarity}
 * (uniform window, sample covariance) and SciPy's {@code ndimage.sobel} (mirrored border), which linumpy uses.
 */
final class QualityKernels {
	static final double K1 = 0.01, K2 = 0.03;

	private QualityKernels() {
	}

	/** Checks two images are 2D and the same size; returns {width, height}. */
	static int[] checkPair(final net.imglib2.RandomAccessibleInterval<?> a, final net.imglib2.RandomAccessibleInterval<?> b) {
		final int[] da = FloatImages.dims3(a), db = FloatImages.dims3(b);
		if (da[2] != 1 || db[2] != 1) throw new IllegalArgumentException("SSIM needs 2D images");
		if (da[0] != db[0] || da[1] != db[1])
			throw new IllegalArgumentException("SSIM needs equal sizes, got " + da[0] + "×" + da[1] + " and " + db[0]
					+ "×" + db[1]);
		return da;
	}

	/**
	 * Mean SSIM over the pixels whose whole win×win window lies inside the image (skimage crops the border of
	 * the SSIM map by (win-1)/2). Images must be equal-sized, scaled to data range 1.
	 */
	static double ssimMean(final float[] a, final float[] b, final int w, final int h, final int win) {
		final int r = (win - 1) / 2;
		final int n = win * win;
		final double covNorm = n / (n - 1.0);
		final double c1 = K1 * K1, c2 = K2 * K2;
		final int vw = w - 2 * r, vh = h - 2 * r;
		if (vw < 1 || vh < 1) throw new IllegalArgumentException("image smaller than the SSIM window");
		// Box sums in two passes, row-major throughout: each row's horizontal window sums of a, b, a², b², ab go
		// into a ring of the last win rows, and column sums over the ring are updated as rows enter and leave.
		final double[][][] ring = new double[win][5][vw];
		final double[][] col = new double[5][vw];
		double total = 0;
		for (int y = 0; y < h; y++) {
			final double[][] slot = ring[y % win];
			final int o = y * w;
			double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
			for (int x = 0; x < win; x++) {
				final double va = a[o + x], vb = b[o + x];
				sa += va;
				sb += vb;
				saa += va * va;
				sbb += vb * vb;
				sab += va * vb;
			}
			for (int x = 0; x < vw; x++) {
				col[0][x] += sa - slot[0][x];
				col[1][x] += sb - slot[1][x];
				col[2][x] += saa - slot[2][x];
				col[3][x] += sbb - slot[3][x];
				col[4][x] += sab - slot[4][x];
				slot[0][x] = sa;
				slot[1][x] = sb;
				slot[2][x] = saa;
				slot[3][x] = sbb;
				slot[4][x] = sab;
				if (x + win < w) {
					final double oa = a[o + x], ob = b[o + x], na = a[o + x + win], nb = b[o + x + win];
					sa += na - oa;
					sb += nb - ob;
					saa += na * na - oa * oa;
					sbb += nb * nb - ob * ob;
					sab += na * nb - oa * ob;
				}
			}
			if (y < win - 1) continue;
			for (int x = 0; x < vw; x++) {
				final double ux = col[0][x] / n, uy = col[1][x] / n;
				final double vx = covNorm * (col[2][x] / n - ux * ux);
				final double vy = covNorm * (col[3][x] / n - uy * uy);
				final double vxy = covNorm * (col[4][x] / n - ux * uy);
				total += ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
			}
		}
		return total / ((double) vw * vh);
	}

	/** Sobel gradient magnitude sqrt(sx² + sy²), kernels [-1 0 1] ⊗ [1 2 1], border mirrored (edge pixel repeated). */
	static float[] sobelMagnitude(final float[] img, final int w, final int h) {
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			final int ym = y > 0 ? y - 1 : 0, yp = y < h - 1 ? y + 1 : h - 1;
			for (int x = 0; x < w; x++) {
				final int xm = x > 0 ? x - 1 : 0, xp = x < w - 1 ? x + 1 : w - 1;
				final double tl = img[ym * w + xm], t = img[ym * w + x], tr = img[ym * w + xp];
				final double l = img[y * w + xm], r = img[y * w + xp];
				final double bl = img[yp * w + xm], b = img[yp * w + x], br = img[yp * w + xp];
				final double gx = (tr + 2 * r + br) - (tl + 2 * l + bl);
				final double gy = (bl + 2 * b + br) - (tl + 2 * t + tr);
				out[y * w + x] = (float) Math.sqrt(gx * gx + gy * gy);
			}
		}
		return out;
	}
}
