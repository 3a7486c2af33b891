package io.github.triage.galvo;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** Tiles with a planted galvo-return band: X = B-scan, Y = A-line, Z = depth. */
final class SyntheticTiles {
	private SyntheticTiles() {
	}

	/**
	 * A tile of {@code rows} A-lines whose band of {@code n} rows starts at {@code start} (wrapping), with the
	 * band's level {@code factor} × the tissue's; tissue varies smoothly along Y plus noise.
	 */
	static ArrayImg<FloatType, FloatArray> tile(final int w, final int rows, final int depth, final int n,
			final int start, final double factor, final double level, final long seed) {
		final Random r = new Random(seed);
		final float[] px = new float[w * rows * depth];
		for (int z = 0; z < depth; z++)
			for (int y = 0; y < rows; y++) {
				final boolean band = Math.floorMod(y - start, rows) < n;
				final double base = level * (1 + 0.1 * Math.sin(2 * Math.PI * y / rows)) * (band ? factor : 1)
						* Math.exp(-0.05 * z);
				for (int x = 0; x < w; x++)
					px[(z * rows + y) * w + x] = (float) Math.max(0, base + level * 0.05 * r.nextGaussian());
			}
		return ArrayImgs.floats(px, w, rows, depth);
	}
}
