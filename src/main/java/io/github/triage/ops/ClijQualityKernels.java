package io.github.triage.ops;

import java.util.HashMap;
import java.util.Locale;

import net.haesleinhuepf.clij.clearcl.ClearCLBuffer;
import net.haesleinhuepf.clij.coremem.enums.NativeTypeEnum;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * CLIJ2 twins of {@link QualityKernels}. The SSIM map is one custom OpenCL kernel (window means, then centred
 * variances and covariance in a second pass, which keeps float precision); its mean over the valid region is
 * summed on the host in double. The Sobel magnitude is CLIJ2's own {@code sobel}, whose clamp-to-edge sampler
 * gives SciPy's mirrored border for a 3×3 kernel. Buffers are released in {@code finally}.
 */
final class ClijQualityKernels {
	private ClijQualityKernels() {
	}

	static double ssimMean(final Clij2ImageOps ops, final RandomAccessibleInterval<? extends RealType<?>> a,
			final RandomAccessibleInterval<? extends RealType<?>> b, final int window) {
		final int[] d = QualityKernels.checkPair(a, b);
		final int w = d[0], h = d[1], r = (window - 1) / 2;
		if (w - 2 * r < 1 || h - 2 * r < 1) throw new IllegalArgumentException("image smaller than the SSIM window");
		ClearCLBuffer ba = null, bb = null, bs = null;
		try {
			ba = ops.push(a);
			bb = ops.push(b);
			bs = ops.clij2.create(new long[] { w, h }, NativeTypeEnum.Float);
			final HashMap<String, ClearCLBuffer> images = new HashMap<>();
			images.put("a", ba);
			images.put("b", bb);
			images.put("ssim_map", bs);
			ops.clij2.customOperation(ssimSnippet(r, w, h), "", images);
			final float[] map = ops.pull(bs);
			double total = 0;
			for (int y = r; y < h - r; y++)
				for (int x = r; x < w - r; x++)
					total += map[y * w + x];
			return total / ((double) (w - 2 * r) * (h - 2 * r));
		}
		finally {
			ops.release(ba, bb, bs);
		}
	}

	static RandomAccessibleInterval<FloatType> sobelMagnitude(final Clij2ImageOps ops,
			final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] d = FloatImages.dims3(image);
		if (d[2] != 1) throw new IllegalArgumentException("Sobel magnitude needs a 2D image");
		ClearCLBuffer src = null, dst = null;
		try {
			src = ops.push(image);
			dst = ops.clij2.create(src);
			ops.clij2.sobel(src, dst);
			return ops.pullImage(dst);
		}
		finally {
			ops.release(src, dst);
		}
	}

	/** The SSIM map kernel body for a (2r+1)² window; 0 where the window does not fit (never summed). */
	private static String ssimSnippet(final int r, final int w, final int h) {
		final int n = (2 * r + 1) * (2 * r + 1);
		return String.format(Locale.ROOT, String.join("\n",
				"const int R = %d;",
				"const float N = %d.0f;",
				"const int W = %d;",
				"const int H = %d;",
				"float v = 0.0f;",
				"if (x >= R && y >= R && x < W - R && y < H - R) {",
				"  float ma = 0.0f, mb = 0.0f;",
				"  for (int dy = -R; dy <= R; dy++) for (int dx = -R; dx <= R; dx++) {",
				"    ma += READ_IMAGE(a, sampler, POS_a_INSTANCE(x + dx, y + dy, 0, 0)).x;",
				"    mb += READ_IMAGE(b, sampler, POS_b_INSTANCE(x + dx, y + dy, 0, 0)).x;",
				"  }",
				"  ma /= N; mb /= N;",
				"  float va = 0.0f, vb = 0.0f, cab = 0.0f;",
				"  for (int dy = -R; dy <= R; dy++) for (int dx = -R; dx <= R; dx++) {",
				"    const float da = READ_IMAGE(a, sampler, POS_a_INSTANCE(x + dx, y + dy, 0, 0)).x - ma;",
				"    const float db = READ_IMAGE(b, sampler, POS_b_INSTANCE(x + dx, y + dy, 0, 0)).x - mb;",
				"    va += da * da; vb += db * db; cab += da * db;",
				"  }",
				"  va /= (N - 1.0f); vb /= (N - 1.0f); cab /= (N - 1.0f);",
				"  const float c1 = %s, c2 = %s;",
				"  v = ((2.0f * ma * mb + c1) * (2.0f * cab + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));",
				"}",
				"WRITE_IMAGE(ssim_map, POS_ssim_map_INSTANCE(x, y, 0, 0), CONVERT_ssim_map_PIXEL_TYPE(v));"),
				r, n, w, h, floatLiteral(QualityKernels.K1 * QualityKernels.K1), floatLiteral(QualityKernels.K2 * QualityKernels.K2));
	}

	private static String floatLiteral(final double v) {
		return String.format(Locale.ROOT, "%.9ef", v);
	}
}
