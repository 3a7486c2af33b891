package io.github.triage.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;

/** The CPU kernels against hand-worked answers, and the CLIJ2 kernels against the CPU ones. */
class ImageOpsParityTest {
	private final ImageOps cpu = new CpuImageOps();

	private static float[] noisyStack(final int w, final int h, final int d, final long seed) {
		final Random r = new Random(seed);
		final float[] px = new float[w * h * d];
		for (int i = 0; i < px.length; i++)
			px[i] = (float) (100 + 20 * r.nextGaussian() + ((i % w) > w / 2 ? 50 : 0));
		return px;
	}

	@Test
	void meanZProjectionByHand() {
		// 2x1x3: pixel 0 has 1, 2, 6 → 3; pixel 1 has 0, 0, 3 → 1
		final float[] px = { 1, 0, 2, 0, 6, 3 };
		final float[] out = FloatImages.pixels(cpu.meanZProjection(ArrayImgs.floats(px, 2, 1, 3)));
		assertArrayEquals(new float[] { 3, 1 }, out, 1e-6f);
	}

	@Test
	void gaussianKeepsConstantsAndMass() {
		final float[] flat = new float[32 * 32];
		java.util.Arrays.fill(flat, 7f);
		final float[] out = FloatImages.pixels(cpu.gaussianBlur(ArrayImgs.floats(flat, 32, 32), 2, 0));
		for (final float v : out)
			assertEquals(7f, v, 1e-5f);
		// A centred impulse spreads symmetrically and keeps its mass away from the borders.
		final float[] imp = new float[33 * 33];
		imp[16 * 33 + 16] = 1f;
		final float[] b = FloatImages.pixels(cpu.gaussianBlur(ArrayImgs.floats(imp, 33, 33), 1.5, 0));
		double sum = 0;
		for (final float v : b)
			sum += v;
		assertEquals(1.0, sum, 1e-5);
		assertEquals(b[16 * 33 + 13], b[16 * 33 + 19], 1e-7);
		assertEquals(b[13 * 33 + 16], b[16 * 33 + 13], 1e-7);
	}

	@Test
	void otsuSplitsTwoLevels() {
		final float[] px = new float[100];
		for (int i = 0; i < 100; i++)
			px[i] = i < 60 ? 10 : 200;
		final double t = cpu.otsuThreshold(ArrayImgs.floats(px, 10, 10));
		assertTrue(t > 10 && t <= 200, "threshold " + t + " must separate 10 from 200");
		assertTrue(Double.isNaN(cpu.otsuThreshold(ArrayImgs.floats(new float[16], 4, 4))));
	}

	@Test
	void clij2MatchesCpu() {
		final ImageOps gpu = OpenClTestSupport.clij2();
		final RandomAccessibleInterval<FloatType> stack = ArrayImgs.floats(noisyStack(64, 48, 9, 1), 64, 48, 9);
		assertArrayEquals(FloatImages.pixels(cpu.meanZProjection(stack)),
				FloatImages.pixels(gpu.meanZProjection(stack)), 1e-3f);
		final RandomAccessibleInterval<FloatType> plane = ArrayImgs.floats(noisyStack(64, 48, 1, 2), 64, 48);
		assertArrayEquals(FloatImages.pixels(cpu.gaussianBlur(plane, 2.0, 0)),
				FloatImages.pixels(gpu.gaussianBlur(plane, 2.0, 0)), 1e-3f);
		assertArrayEquals(FloatImages.pixels(cpu.gaussianBlur(stack, 1.0, 1.0)),
				FloatImages.pixels(gpu.gaussianBlur(stack, 1.0, 1.0)), 1e-3f);
		assertEquals(cpu.otsuThreshold(plane), gpu.otsuThreshold(plane), 0);
		assertEquals(cpu.otsuThreshold(stack), gpu.otsuThreshold(stack), 0);
	}
}
