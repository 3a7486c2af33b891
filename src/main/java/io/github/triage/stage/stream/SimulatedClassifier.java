package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.github.triage.BadInputException;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.StarFile;

/**
 * A fast stand-in for a 2D classifier, for tests, the demo and the benchmark: it writes what relion_refine writes
 * ({@code {out}_it001_classes.mrcs}, {@code _model.star}, {@code _data.star}) without looking at a pixel. Every 5th
 * class is junk (noise, 60 Å); the others are centred blobs of varied size (8–14 Å). Particles whose image name
 * contains "junk" go to the junk classes, the others to the blob classes, skewed so that the last classes are
 * small. Match chunks (with references) reuse the reference images. Deterministic: the same input gives the same
 * bytes.
 */
public final class SimulatedClassifier {
	private static final int DEFAULT_BOX = 64;

	private SimulatedClassifier() {
	}

	/**
	 * @param references the reference stack, or null / empty for a classification from scratch
	 * @param smpd       pixel size (Å/px); NaN to take it from the optics table (else 1)
	 */
	public static void run(final Path particles, final Path out, final int k, final Path references, final double smpd)
			throws IOException {
		final ParticleTable in = ParticleTable.read(particles);
		if (in.size() == 0) throw new BadInputException(particles + ": no particles to classify");
		final MrcStack refs = references != null && !references.toString().isEmpty() ? MrcFiles.read(references) : null;
		final int classes = refs != null ? refs.size() : k;
		if (classes < 1) throw new BadInputException("need at least one class, got " + classes);
		final int box = refs != null ? refs.width() : (int) optics(in, "_rlnImageSize", DEFAULT_BOX);
		final double px = Double.isFinite(smpd) ? smpd : optics(in, "_rlnImagePixelSize", 1.0);
		long seed = 1125899906842597L + classes;
		for (int r = 0; r < in.size(); r++)
			seed = 31 * seed + in.image(r).hashCode();
		final List<Integer> junk = new ArrayList<>(), good = new ArrayList<>();
		for (int c = 1; c <= classes; c++)
			(isJunk(c, classes) ? junk : good).add(c);
		if (good.isEmpty()) good.addAll(junk);
		if (junk.isEmpty()) junk.addAll(good);
		final int[] assigned = new int[in.size()];
		final long[] pop = new long[classes + 1];
		for (int r = 0; r < in.size(); r++) {
			final String name = in.image(r);
			final double u = ((mix(seed ^ name.hashCode()) >>> 11) * 0x1.0p-53);
			final List<Integer> pool = name.toLowerCase(Locale.ROOT).contains("junk") ? junk : good;
			assigned[r] = pool.get(Math.min(pool.size() - 1, (int) (pool.size() * Math.pow(u, 1.6))));
			pop[assigned[r]]++;
		}
		final float[][] images = new float[classes][];
		final Random noise = new Random(seed);
		for (int c = 1; c <= classes; c++) {
			final float[] img = refs != null ? refs.sections()[c - 1].clone() : blob(c, classes, box);
			final double amp = refs != null ? 0.02 : isJunk(c, classes) ? 0.3 : 0.05;
			for (int i = 0; i < img.length; i++)
				img[i] += (float) (amp * noise.nextGaussian());
			images[c - 1] = img;
		}
		final String prefix = out.getFileName().toString() + "_it001";
		final Path dir = out.toAbsolutePath().getParent();
		final Path stack = dir.resolve(prefix + "_classes.mrcs");
		MrcFiles.write(stack, new MrcStack(images, box, box, px));

		final StarFile model = StarFile.create(dir.resolve(prefix + "_model.star"));
		final StarFile.Loop ml = StarFile.addLoop(model.addBlock("model_classes"), List.of("_rlnReferenceImage",
				"_rlnClassDistribution", "_rlnAccuracyRotations", "_rlnAccuracyTranslationsAngst", "_rlnEstimatedResolution"));
		for (int c = 1; c <= classes; c++)
			ml.addRow(new String[] { String.format(Locale.ROOT, "%06d@%s", c, stack), String.format(Locale.ROOT, "%.6f",
					pop[c] / (double) in.size()), "2.0", "1.0", isJunk(c, classes) ? "60.0" : Double.toString(8 + c % 7) }, 0);
		model.write(dir.resolve(prefix + "_model.star"));

		final int[] cls = assigned;
		final ParticleTable data = in.withClasses(cls);
		data.write(dir.resolve(prefix + "_data.star"));
	}

	private static boolean isJunk(final int c, final int classes) {
		return classes >= 5 ? c % 5 == 0 : c == classes && classes > 1;
	}

	private static float[] blob(final int c, final int classes, final int box) {
		final float[] img = new float[box * box];
		if (isJunk(c, classes)) return img;
		final double sx = box * (0.07 + 0.015 * (c % 4)), sy = sx * (0.75 + 0.1 * (c % 3)), c0 = (box - 1) / 2.0;
		for (int y = 0; y < box; y++)
			for (int x = 0; x < box; x++) {
				final double u = (x - c0) / sx, v = (y - c0) / sy;
				img[y * box + x] = (float) Math.exp(-0.5 * (u * u + v * v));
			}
		return img;
	}

	private static double optics(final ParticleTable t, final String column, final double fallback) {
		final int c = t.opticsColumns.indexOf(column);
		if (c < 0 || t.optics.isEmpty()) return fallback;
		try {
			return Double.parseDouble(t.optics.get(0)[c]);
		}
		catch (final NumberFormatException e) {
			return fallback;
		}
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** {@code particles out K references smpd}, as a command template would call it (a slurm job). */
	public static void main(final String[] args) {
		try {
			run(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), args[3].isEmpty() ? null : Path.of(args[3]),
					args.length > 4 && !args[4].isEmpty() ? Double.parseDouble(args[4]) : Double.NaN);
		}
		catch (final Exception e) {
			System.err.println("simulate: " + e.getMessage());
			System.exit(1);
		}
	}
}
