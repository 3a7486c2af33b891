package io.github.triage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/** The slice-quality kernels: hand-checkable CPU cases, and CLIJ2 (PoCL in CI) against the CPU. */
class QualityKernelsParityTest {

	static float[] random(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] p = new float[n];
		for (int i = 0; i < n; i++)
			p[i] = r.nextFloat();
		return p;
	}

	@Test
	void ssimOfIdenticalImagesIsOneAndOfUnrelatedNoiseNearZero() {
		final CpuImageOps cpu = new CpuImageOps();
		final float[] a = random(40 * 30, 1), b = random(40 * 30, 2);
		assertEquals(1.0, cpu.ssimMean(FloatImages.wrap(a, 40, 30), FloatImages.wrap(a, 40, 30), 7), 1e-12);
		assertEquals(0.0, cpu.ssimMean(FloatImages.wrap(a, 40, 30), FloatImages.wrap(b, 40, 30), 7), 0.05);
	}

	@Test
	void ssimMatchesADirectWindowComputation() {
		final int w = 12, h = 9, win = 7, r = 3;
		final float[] a = random(w * h, 3), b = random(w * h, 4);
		for (int i = 0; i < a.length; i++)
			b[i] = 0.6f * a[i] + 0.4f * b[i];
		double total = 0;
		int count = 0;
		for (int y = r; y < h - r; y++)
			for (int x = r; x < w - r; x++) {
				double ma = 0, mb = 0;
				for (int dy = -r; dy <= r; dy++)
					for (int dx = -r; dx <= r; dx++) {
						ma += a[(y + dy) * w + x + dx];
						mb += b[(y + dy) * w + x + dx];
					}
				ma /= 49;
				mb /= 49;
				double va = 0, vb = 0, c = 0;
				for (int dy = -r; dy <= r; dy++)
					for (int dx = -r; dx <= r; dx++) {
						final double da = a[(y + dy) * w + x + dx] - ma, db = b[(y + dy) * w + x + dx] - mb;
						va += da * da;
						vb += db * db;
						c += da * db;
					}
				va /= 48;
				vb /= 48;
				c /= 48;
				total += ((2 * ma * mb + 1e-4) * (2 * c + 9e-4)) / ((ma * ma + mb * mb + 1e-4) * (va + vb + 9e-4));
				count++;
			}
		assertEquals(total / count,
				new CpuImageOps().ssimMean(FloatImages.wrap(a, w, h), FloatImages.wrap(b, w, h), win), 1e-9);
	}

	@Test
	void sobelOfARampIsConstantInsideAndHalvedAtTheMirroredBorder() {
		final int w = 6, h = 5;
		final float[] p = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				p[y * w + x] = 2 * x;
		final float[] s = FloatImages.pixels(new CpuImageOps().sobelMagnitude(FloatImages.wrap(p, w, h)));
		// interior: (2+2*2+2)·(difference 4) = 16; at x = 0 the mirrored neighbour equals the pixel: 8
		assertEquals(16f, s[2 * w + 2], 1e-6f);
		assertEquals(8f, s[2 * w], 1e-6f);
		assertEquals(8f, s[2 * w + w - 1], 1e-6f);
	}

	@Test
	void clij2MatchesCpu() {
		final ImageOps clij = OpenClTestSupport.clij2();
		final CpuImageOps cpu = new CpuImageOps();
		final int w = 37, h = 29;
		final float[] a = random(w * h, 5), b = random(w * h, 6);
		for (int i = 0; i < a.length; i++)
			b[i] = 0.7f * a[i] + 0.3f * b[i];
		final RandomAccessibleInterval<FloatType> ia = FloatImages.wrap(a, w, h), ib = FloatImages.wrap(b, w, h);
		for (final int win : new int[] { 7, 3 })
			assertEquals(cpu.ssimMean(ia, ib, win), clij.ssimMean(ia, ib, win), 1e-5, "window " + win);
		final float[] sc = FloatImages.pixels(cpu.sobelMagnitude(ia)), sg = FloatImages.pixels(clij.sobelMagnitude(ia));
		for (int i = 0; i < sc.length; i++)
			assertTrue(Math.abs(sc[i] - sg[i]) < 1e-5, "sobel pixel " + i);
	}
}
