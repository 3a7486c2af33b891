package io.github.triage.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The CPU class-average kernels against brute-force definitions and hand-worked answers. */
class CavgKernelsTest {
	private final ImageOps cpu = new CpuImageOps();

	private static float[] noise(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] a = new float[n];
		for (int i = 0; i < n; i++)
			a[i] = (float) r.nextGaussian();
		return a;
	}

	/** Direct 2D DFT, weight by radius, inverse: the definition of the low-pass. */
	private static double[] bruteLowPass(final float[] img, final int n, final int limit, final int edge) {
		final double[] re = new double[n * n], im = new double[n * n], cs = new double[n], sn = new double[n];
		for (int m = 0; m < n; m++) {
			cs[m] = Math.cos(2 * Math.PI * m / n);
			sn[m] = Math.sin(2 * Math.PI * m / n);
		}
		for (int h = 0; h < n; h++)
			for (int k = 0; k < n; k++) {
				double sr = 0, si = 0;
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++) {
						final int m = (h * y + k * x) % n; // angle -2π m / n
						sr += img[y * n + x] * cs[m];
						si -= img[y * n + x] * sn[m];
					}
				final int hs = h <= n / 2 ? h : h - n, ks = k <= n / 2 ? k : k - n;
				final double w = CavgCpuKernels.weight(Math.sqrt(hs * hs + ks * ks), limit, edge);
				re[h * n + k] = sr * w;
				im[h * n + k] = si * w;
			}
		final double[] out = new double[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				double s = 0;
				for (int h = 0; h < n; h++)
					for (int k = 0; k < n; k++) {
						final int m = (h * y + k * x) % n; // angle 2π m / n
						s += re[h * n + k] * cs[m] - im[h * n + k] * sn[m];
					}
				out[y * n + x] = s / (n * n);
			}
		return out;
	}

	@Test
	void lowPassEqualsTheDirectTransform() {
		for (final int n : new int[] { 16, 15, 50 }) {
			final float[] img = noise(n * n, n);
			final int[] limits = { 3, 12, 40 }; // DC attenuated, partial edge, past Nyquist (weight 1 nowhere cut)
			final float[][] out = { new float[n * n], new float[n * n], new float[n * n] };
			cpu.cavg().lowPass(img, n, limits, 10, out);
			for (int j = 0; j < limits.length; j++) {
				final double[] ref = bruteLowPass(img, n, limits[j], 10);
				for (int i = 0; i < n * n; i++)
					assertEquals(ref[i], out[j][i], 1e-4, "n " + n + " limit " + limits[j] + " pixel " + i);
			}
		}
	}

	/** Narrow bands (every limit below a quarter of the box) take the pruned transforms; odd and even boxes. */
	@Test
	void narrowLowPassEqualsTheDirectTransform() {
		final int[][] cases = { { 64, 3, 10 }, { 45, 9, 2 }, { 50, 12, 3 }, { 33, 0, 5 }, { 40, -2, 9 } };
		for (final int[] c : cases) {
			final int n = c[0];
			final float[] img = noise(n * n, 100 + n);
			final int[] limits = { c[1], c[2] };
			final float[][] out = { new float[n * n], new float[n * n] };
			cpu.cavg().lowPass(img, n, limits, 10, out);
			cpu.cavg().lowPass(img, n, limits, 10, out); // again: reused buffers and tables give the same
			for (int j = 0; j < limits.length; j++) {
				final double[] ref = bruteLowPass(img, n, limits[j], 10);
				for (int i = 0; i < n * n; i++)
					assertEquals(ref[i], out[j][i], 1e-5, "n " + n + " limit " + limits[j] + " pixel " + i);
			}
		}
	}

	@Test
	void edgeNormalisationSubtractsSimplesBorderMean() {
		// 3x3: border pixels 1..8 around a centre 100; corners counted twice, divided by 2*(3+3) = 12
		final float[] img = { 1, 2, 3, 4, 100, 5, 6, 7, 8 };
		final double sum = (1 + 2 + 3) + (6 + 7 + 8) + (1 + 4 + 6) + (3 + 5 + 8);
		final float mean = (float) (sum / 12);
		cpu.cavg().edgeNormalise(img, 3, 3);
		assertEquals(100 - mean, img[4], 1e-5);
		assertEquals(1 - mean, img[0], 1e-5);
		final float[] tiny = { 1e-12f, 0, 0, 0 };
		cpu.cavg().edgeNormalise(tiny, 2, 2);
		assertEquals(1e-12f, tiny[0], 0f, "|mean| <= 1e-10 is left alone");
	}

	@Test
	void otsuSplitsTwoLevelsAndKeepsConstantsWhole() {
		final float[] img = new float[100];
		for (int i = 0; i < 100; i++)
			img[i] = i < 60 ? 10 : 200;
		final float t = cpu.cavg().otsuThreshold(img);
		assertTrue(t > 10 && t <= 200, "threshold " + t);
		final float[] flat = new float[16];
		java.util.Arrays.fill(flat, 3.5f);
		assertEquals(3.5f, cpu.cavg().otsuThreshold(flat), 0f);
	}

	@Test
	void greyLevelIsFortranNint() {
		final Random r = new Random(5);
		final CavgOtsu.Binning b = new CavgOtsu.Binning(0f, 1f, 0f, 1f); // level = nint(v)
		for (int i = 0; i < 200000; i++) {
			final float v = i < 256 ? i + 0.5f : i < 512 ? Math.nextDown(i - 256 + 0.5f) : r.nextFloat() * 255f;
			final int want = Math.min(255, (int) Math.floor(v + 0.5d)); // exact in double
			assertEquals(want, b.level(v), "v = " + v);
		}
	}

	@Test
	void fastOtsuSearchEqualsSimplesDirectLoop() {
		final Random r = new Random(3);
		for (int trial = 0; trial < 400; trial++) {
			final long[] h = new long[CavgOtsu.BINS];
			final int kind = trial % 4;
			for (int i = 0; i < h.length; i++) {
				if (kind == 0) h[i] = r.nextInt(50); // flat-ish
				else if (kind == 1) h[i] = r.nextDouble() < 0.1 ? r.nextInt(5) : 0; // sparse: many empty bins, ties
				else { // two bumps of random size and place
					final double a = Math.exp(-Math.pow(i - 40 - r.nextInt(3), 2) / 200.0) * 1000;
					final double b = Math.exp(-Math.pow(i - 150, 2) / (50.0 + kind * 100)) * (kind == 2 ? 300 : 30);
					h[i] = Math.round(a + b);
				}
			}
			h[0] = Math.max(h[0], 1); // min and max pixels always occupy the end bins
			h[255] = Math.max(h[255], 1);
			assertEquals(CavgOtsu.searchTDirect(h), CavgOtsu.searchT(h), "trial " + trial);
		}
	}

	@Test
	void componentsAreEightConnectedAndNumberedInRasterOrder() {
		// 6x4; '1' foreground. The diagonal pair at the left joins; the right blob starts earlier in raster order.
		final String[] rows = { //
				"000110", //
				"100110", //
				"010000", //
				"001001" };
		final float[] img = new float[24];
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 6; x++)
				img[y * 6 + x] = rows[y].charAt(x) == '1' ? 1 : 0;
		final int[] labels = new int[24];
		assertEquals(3, cpu.cavg().labelComponents(img, 6, 4, 0.5f, labels));
		assertArrayEquals(new int[] { //
				0, 0, 0, 1, 1, 0, //
				2, 0, 0, 1, 1, 0, //
				0, 2, 0, 0, 0, 0, //
				0, 0, 2, 0, 0, 3 }, labels);
	}

	@Test
	void localVarianceEqualsTheDirectDefinition() {
		final int w = 20, h = 17, r = 3;
		final float[] img = noise(w * h, 7);
		final float thr = 0.3f;
		double sIn = 0, sOut = 0;
		int nIn = 0, nOut = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0, ss = 0;
				int n = 0;
				for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++)
					for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
						s += img[yy * w + xx];
						n++;
					}
				final double m = s / n;
				for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++)
					for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++)
						ss += (img[yy * w + xx] - m) * (img[yy * w + xx] - m);
				final double v = ss / (n - 1);
				if (img[y * w + x] >= thr) {
					sIn += v;
					nIn++;
				}
				else {
					sOut += v;
					nOut++;
				}
			}
		final double[] got = new double[2];
		cpu.cavg().localVarianceMeans(img, w, h, thr, r, got);
		assertEquals(sIn / nIn, got[0], 1e-9);
		assertEquals(sOut / nOut, got[1], 1e-9);
	}

	/** The flood fill in raster order that the run labeller replaced: labels by first pixel, 8-connected. */
	private static int floodLabels(final float[] img, final int w, final int h, final float thr, final int[] labels) {
		java.util.Arrays.fill(labels, 0);
		final int[] stack = new int[w * h];
		int next = 0;
		for (int p = 0; p < w * h; p++) {
			if (!(img[p] >= thr) || labels[p] != 0) continue;
			labels[p] = ++next;
			int sp = 0;
			stack[sp++] = p;
			while (sp > 0) {
				final int q = stack[--sp], qx = q % w, qy = q / w;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int x = qx + dx, y = qy + dy, r = y * w + x;
						if (x < 0 || y < 0 || x >= w || y >= h || !(img[r] >= thr) || labels[r] != 0) continue;
						labels[r] = next;
						stack[sp++] = r;
					}
			}
		}
		return next;
	}

	@Test
	void runLabellingEqualsFloodFillOnRandomMasks() {
		final Random rnd = new Random(11);
		for (int trial = 0; trial < 300; trial++) {
			final int w = 1 + rnd.nextInt(40), h = 1 + rnd.nextInt(40);
			final double density = rnd.nextDouble();
			final float[] img = new float[w * h];
			for (int i = 0; i < img.length; i++)
				img[i] = rnd.nextDouble() < density ? 1f : rnd.nextInt(50) == 0 ? Float.NaN : 0f;
			// snakes and spirals: components that meet only through corners or join late (union order)
			if (trial % 3 == 0) for (int i = 0; i < img.length; i++)
				img[i] = ((i / w + (i % w) / 2) % 3 == 0) ? 1f : 0f;
			final int[] want = new int[w * h], got = new int[w * h];
			final int n = floodLabels(img, w, h, 0.5f, want);
			assertEquals(n, cpu.cavg().labelComponents(img, w, h, 0.5f, got), "trial " + trial);
			assertArrayEquals(want, got, "trial " + trial + " (" + w + " x " + h + ")");
		}
	}

	/** The histogram's reciprocal shortcut gives Binning.level exactly, near half-integers and at the ends too. */
	@Test
	void fastLevelEqualsBinningLevel() {
		final Random rnd = new Random(5);
		for (int trial = 0; trial < 200; trial++) {
			final float min = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4));
			final float max = min + (float) (rnd.nextDouble() * Math.pow(10, rnd.nextInt(9) - 4)) + Math.ulp(min) * 4;
			final CavgOtsu.Binning b = CavgOtsu.binning(min, max);
			final float rdx = 1f / b.dx();
			for (int i = 0; i < 2000; i++) {
				// uniform values, values that land on q = m + 0.5 (the rounding edges) and their float neighbours
				float v = min + (float) rnd.nextDouble() * (max - min);
				if (i % 2 == 1) {
					final float edge = ((rnd.nextInt(256) + 0.5f) * b.dx() + b.off()) / b.sc();
					v = i % 4 == 1 ? edge : i % 8 == 3 ? Math.nextUp(edge) : Math.nextDown(edge);
				}
				if (i == 0) v = min;
				if (i == 2) v = max;
				assertEquals(b.level(v), CavgCpuKernels.level(b, v, b.sc(), b.off(), rdx), "v = " + v);
			}
			assertEquals(b.level(Float.NaN), CavgCpuKernels.level(b, Float.NaN, b.sc(), b.off(), rdx));
		}
	}
}
