package io.github.triage.demo;

import java.util.Locale;
import java.util.SplittableRandom;

import io.github.triage.quality.SliceSource;

/**
 * A synthetic serial-section series for the quality demo and benchmark: one smooth tissue texture, imaged by each
 * slice at neighbouring depths with a small lateral drift, plus noise; problem slices planted on demand. Planes are
 * computed when asked for (nothing is stored but the texture), so a long series of large planes costs no memory.
 */
public final class SyntheticSeries {
	/** What a slice shows. */
	public enum Kind {
		NORMAL, NOISY, EMPTY
	}

	private final int height, width;
	private final float[] texture;
	private final long seed;

	public SyntheticSeries(final int height, final int width, final long seed) {
		this.height = height;
		this.width = width;
		this.seed = seed;
		this.texture = texture(height, width, seed);
	}

	/** Slice {@code index} (its id is the index, two digits), {@code depth} planes of the given kind. */
	public SliceSource slice(final int index, final int depth, final Kind kind) {
		final String id = String.format(Locale.ROOT, "%02d", index);
		return new SliceSource.Of(new SliceSource.Shape(id, "slice " + id + " (synthetic)", depth, height, width),
				z -> plane(index, z, kind));
	}

	/** Plane z of slice {@code index}: the texture drifted by about a pixel per slice, depth-attenuated, noisy. */
	public float[] plane(final int index, final int z, final Kind kind) {
		final SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index * 1009L + z);
		final float[] p = new float[height * width];
		if (kind == Kind.EMPTY) {
			// section lost: background noise and one small fragment
			for (int i = 0; i < p.length; i++)
				p[i] = (float) (2 + 0.5 * rnd.nextDouble());
			for (int y = height / 2; y < height / 2 + Math.max(2, height / 16); y++)
				for (int x = width / 3; x < width / 3 + Math.max(2, width / 16); x++)
					p[y * width + x] = 60;
			return p;
		}
		final int sx = index, sy = index / 2;
		final float atten = (float) Math.exp(-z / 40.0);
		final double noise = kind == Kind.NOISY ? 60 : 6;
		for (int y = 0; y < height; y++) {
			final int ty = Math.floorMod(y + sy, height) * width;
			for (int x = 0; x < width; x++) {
				final float t = texture[ty + Math.floorMod(x + sx, width)];
				p[y * width + x] = (float) (10 + atten * t + noise * (rnd.nextDouble() - 0.5));
			}
		}
		return p;
	}

	/** Smooth tissue-like texture in [0, 100]: a few random plane waves, squared for blob-like contrast. */
	private static float[] texture(final int h, final int w, final long seed) {
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int waves = 6;
		final double[] kx = new double[waves], ky = new double[waves], ph = new double[waves];
		for (int k = 0; k < waves; k++) {
			kx[k] = 2 * Math.PI * (1 + rnd.nextInt(6)) / w;
			ky[k] = 2 * Math.PI * (1 + rnd.nextInt(6)) / h;
			ph[k] = rnd.nextDouble() * 2 * Math.PI;
		}
		// separable: sin(a + b) = sin a cos b + cos a sin b, with per-row and per-column tables
		final double[][] sx = new double[waves][w], cx = new double[waves][w], sy = new double[waves][h],
				cy = new double[waves][h];
		for (int k = 0; k < waves; k++) {
			for (int x = 0; x < w; x++) {
				sx[k][x] = Math.sin(kx[k] * x + ph[k]);
				cx[k][x] = Math.cos(kx[k] * x + ph[k]);
			}
			for (int y = 0; y < h; y++) {
				sy[k][y] = Math.sin(ky[k] * y);
				cy[k][y] = Math.cos(ky[k] * y);
			}
		}
		final float[] t = new float[h * w];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (int k = 0; k < waves; k++)
					v += sx[k][x] * cy[k][y] + cx[k][x] * sy[k][y];
				v /= waves;
				t[y * w + x] = (float) (100 * v * v);
			}
		return t;
	}
}
