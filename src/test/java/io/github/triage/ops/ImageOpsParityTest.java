package io.github.triage.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
	void clij2MatchesCpu() {
		final ImageOps gpu = OpenClTestSupport.clij2();
		final RandomAccessibleInterval<FloatType> stack = ArrayImgs.floats(noisyStack(64, 48, 9, 1), 64, 48, 9);
		assertArrayEquals(FloatImages.pixels(cpu.meanZProjection(stack)),
				FloatImages.pixels(gpu.meanZProjection(stack)), 1e-3f);
	}
}
