package io.github.triage.ops;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import net.haesleinhuepf.clij.clearcl.ClearCLBuffer;
import net.haesleinhuepf.clij.coremem.enums.NativeTypeEnum;
import net.haesleinhuepf.clij2.CLIJ2;

/**
 * CLIJ2 kernels of the class-average rejector: Otsu (grey levels and histogram on the device, the search shared
 * with the CPU in {@link CavgOtsu}), 8-connected components (CLIJ2's connectedComponentsLabelingBox, relabelled
 * in raster order here) and the per-pixel local variance (own OpenCL kernel in cavg_kernels.cl). Every device
 * buffer is released in {@code finally}.
 */
final class ClijCavgKernels implements CavgKernels {
	private static final String PROGRAM = "cavg_kernels.cl";
	private final CLIJ2 clij2;
	// edge normalisation (the interface's) and the Fourier low-pass stay on the CPU: one small FFT per class, and
	// CLIJ2 has no FFT
	private final CavgCpuKernels cpu = new CavgCpuKernels();
	private int[] remap = new int[256];

	ClijCavgKernels(final CLIJ2 clij2) {
		this.clij2 = clij2;
	}

	private ClearCLBuffer push(final float[] data, final int w, final int h) {
		final ClearCLBuffer b = clij2.create(new long[] { w, h }, NativeTypeEnum.Float);
		b.readFrom(FloatBuffer.wrap(data), true);
		return b;
	}

	private void release(final ClearCLBuffer... bs) {
		for (final ClearCLBuffer b : bs)
			if (b != null) clij2.release(b);
	}

	@Override
	public void lowPass(final float[] img, final int box, final int[] limits, final int edge, final float[][] out) {
		cpu.lowPass(img, box, limits, edge, out);
	}

	@Override
	public float otsuThreshold(final float[] img) {
		final int side = (int) Math.round(Math.sqrt(img.length));
		// the device kernels take 2D images; a non-square array goes as one row
		return side * side == img.length ? otsuThreshold(img, side, side) : otsuThreshold(img, img.length, 1);
	}

	float otsuThreshold(final float[] img, final int w, final int h) {
		ClearCLBuffer src = null, levels = null;
		try {
			src = push(img, w, h);
			final float min = (float) clij2.minimumOfAllPixels(src);
			final float max = (float) clij2.maximumOfAllPixels(src);
			if (!(max > min)) return min; // constant: all foreground, as on the CPU
			final CavgOtsu.Binning b = CavgOtsu.binning(min, max);
			levels = clij2.create(src);
			final Map<String, Object> p = new HashMap<>();
			p.put("src", src);
			p.put("dst", levels);
			p.put("sc", b.sc());
			p.put("off", b.off());
			p.put("dx", b.dx());
			clij2.execute(ClijCavgKernels.class, PROGRAM, "cavg_otsu_levels", levels.getDimensions(),
					levels.getDimensions(), p);
			// Count the integer levels on the host. CLIJ2's histogram kernel bins by (v·255)/255 and truncates; with
			// the relaxed float division OpenCL allows (NVIDIA's), 37 can become 36.99998 → bin 36, which moved the
			// Otsu threshold on an H100 (PoCL divides exactly). Pulling 4 bytes a pixel costs less than the kernel.
			final float[] lv = new float[w * h];
			levels.writeTo(FloatBuffer.wrap(lv), true);
			final long[] counts = new long[CavgOtsu.BINS];
			for (final float v : lv)
				counts[(int) v]++;
			return b.threshold(CavgOtsu.searchT(counts));
		}
		finally {
			release(src, levels);
		}
	}

	@Override
	public int labelComponents(final float[] img, final int w, final int h, final float thr, final int[] labels) {
		ClearCLBuffer src = null, bin = null, lab = null;
		try {
			src = push(img, w, h);
			bin = clij2.create(src);
			lab = clij2.create(src);
			clij2.greaterOrEqualConstant(src, bin, thr);
			clij2.connectedComponentsLabelingBox(bin, lab);
			final float[] raw = new float[w * h];
			lab.writeTo(FloatBuffer.wrap(raw), true);
			// CLIJ2 numbers components its own way; renumber by first pixel in raster order, as the CPU does
			int maxLab = 0;
			for (final float v : raw)
				maxLab = Math.max(maxLab, (int) v);
			if (remap.length < maxLab + 1) remap = new int[maxLab + 1];
			Arrays.fill(remap, 0, maxLab + 1, 0);
			int next = 0;
			for (int i = 0; i < raw.length; i++) {
				final int l = (int) raw[i];
				if (l == 0) {
					labels[i] = 0;
					continue;
				}
				if (remap[l] == 0) remap[l] = ++next;
				labels[i] = remap[l];
			}
			return next;
		}
		finally {
			release(src, bin, lab);
		}
	}

	@Override
	public void localVarianceMeans(final float[] img, final int w, final int h, final float thr, final int r,
			final double[] inOut) {
		ClearCLBuffer src = null, var = null;
		try {
			src = push(img, w, h);
			var = clij2.create(src);
			final Map<String, Object> p = new HashMap<>();
			p.put("src", src);
			p.put("dst", var);
			p.put("radius", r);
			clij2.execute(ClijCavgKernels.class, PROGRAM, "cavg_local_variance", var.getDimensions(),
					var.getDimensions(), p);
			final float[] v = new float[w * h];
			var.writeTo(FloatBuffer.wrap(v), true);
			double sIn = 0, sOut = 0;
			int nIn = 0, nOut = 0;
			for (int i = 0; i < v.length; i++)
				if (img[i] >= thr) {
					sIn += v[i];
					nIn++;
				}
				else {
					sOut += v[i];
					nOut++;
				}
			inOut[0] = nIn > 0 ? sIn / nIn : 0;
			inOut[1] = nOut > 0 ? sOut / nOut : 0;
		}
		finally {
			release(src, var);
		}
	}
}
