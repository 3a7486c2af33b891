package io.github.triage.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.triage.cavg.ClassStats;

/**
 * Synthetic class-average stacks for demos and benchmarks: centred particles (kept), off-centre particles, noise-only,
 * flat and all-zero classes, with populations and resolutions that exercise the population and resolution criteria.
 * Deterministic for a given seed.
 */
public final class SyntheticClassAverages {

	/** A stack with its class table; {@code content[k]} names what was planted in class k+1. */
	public record Stack(float[][] images, int box, List<ClassStats> stats, String[] content) {
	}

	private SyntheticClassAverages() {
	}

	/** {@code n} classes of {@code box × box}: mostly particles, every 7th off-centre, every 11th noise, every 13th flat. */
	public static Stack generate(final int n, final int box, final long seed) {
		if (n < 1 || box < 8) throw new IllegalArgumentException("need n >= 1 and box >= 8, got " + n + ", " + box);
		final Random r = new Random(seed);
		final float[][] images = new float[n][];
		final String[] content = new String[n];
		final List<ClassStats> stats = new ArrayList<>(n);
		for (int k = 0; k < n; k++) {
			final int c = k + 1;
			final float[] img = new float[box * box];
			final double c0 = box / 2.0;
			if (c % 13 == 0) {
				content[k] = c % 2 == 0 ? "empty_zero" : "empty_const";
				if (c % 2 == 1) java.util.Arrays.fill(img, 0.7f);
			}
			else if (c % 11 == 0) {
				content[k] = "noise";
				noise(img, r, 0.3);
			}
			else {
				final boolean off = c % 7 == 0;
				content[k] = off ? "offcentre" : "particle";
				final double sx = box * (0.06 + 0.04 * r.nextDouble()), sy = sx * (0.7 + 0.5 * r.nextDouble());
				final double dx = off ? box * 0.3 : r.nextGaussian(), dy = off ? box * 0.05 : r.nextGaussian();
				for (int y = 0; y < box; y++)
					for (int x = 0; x < box; x++) {
						final double u = (x - c0 - dx) / sx, v = (y - c0 - dy) / sy;
						img[y * box + x] = (float) Math.exp(-0.5 * (u * u + v * v));
					}
				noise(img, r, 0.08);
			}
			images[k] = img;
			final double pop = 20 + r.nextInt(400);
			final double res = 8 + 40 * r.nextDouble();
			stats.add(new ClassStats(c, pop, Math.round(res * 100) / 100.0));
		}
		return new Stack(images, box, stats, content);
	}

	private static void noise(final float[] img, final Random r, final double sigma) {
		for (int i = 0; i < img.length; i++)
			img[i] += (float) (sigma * r.nextGaussian());
	}
}
