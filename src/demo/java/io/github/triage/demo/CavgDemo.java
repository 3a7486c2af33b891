package io.github.triage.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import io.github.triage.Listener;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.Tier;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.cavg.RejectStage;

/**
 * Demo of class-average rejection: a synthetic stack of 12 class averages (64 px at 2 Å/px, mask 100 Å) with a
 * class table and a particle STAR, rejected at pass-2 thresholds, outputs under {@code out/}. Planted: eight good
 * centred blobs, one off-centre elongated blob (mask), one noise-only class (mask / local variance), one good
 * blob with 5 particles (population) and one at 45 Å (resolution).
 */
public final class CavgDemo implements DemoStage {
	static final int BOX = 64, N = 12;
	static final double SMPD = 2.0, MSKDIAM = 100.0;
	static final String[] CONTENT = { "particle", "particle", "particle", "particle", "particle", "particle",
			"particle", "particle", "offcentre_elongated", "noise", "low_population", "low_resolution" };

	@Override
	public String name() {
		return "cavg";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final Path stack = dir.resolve("cavgs.mrcs"), classes = dir.resolve("classes.csv"),
				particles = dir.resolve("particles.star");
		final int[] pops = generate(stack, classes, particles, 7);
		log.println("cavg: wrote " + stack + ", " + classes + ", " + particles + " (" + N + " classes, "
				+ java.util.Arrays.stream(pops).sum() + " particles)");
		final RejectStage.Result o;
		try (ImageOps ops = new CpuImageOps()) {
			o = new RejectStage().run(RejectStage.Options.of(RejectStage.StackInput.file(stack), classes, MSKDIAM,
					Tier.P2, dir.resolve("out")).withParticles(particles), ops, new Listener() {
						@Override
						public void info(final String m) {
							log.println("cavg: " + m);
						}
					});
		}
		log.flush();
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
				"kept %d of %d class averages (tier p2), %d of %d particles selected; outputs in out/%n",
				o.kept(), N, o.particles().selected(), o.particles().states().length));
		for (final ClassDecision d : o.decisions())
			sb.append(String.format(Locale.ROOT, "  class %2d %-20s %s%n", d.classNumber(), CONTENT[d.classNumber() - 1],
					d.kept() ? "kept" : "rejected: " + d.reason()));
		return sb.toString();
	}

	/** Writes the stack, the class table and the particles; returns the populations. */
	static int[] generate(final Path stack, final Path classes, final Path particles, final long seed)
			throws IOException {
		final Random r = new Random(seed);
		final float[][] img = new float[N][];
		final int[] pop = new int[N];
		final double[] res = new double[N];
		for (int k = 0; k < N; k++) {
			final float[] px = new float[BOX * BOX];
			switch (CONTENT[k]) {
				case "offcentre_elongated" -> blob(px, 18, -4, 10, 3);
				case "noise" -> {
					// noise only: nothing to mask
				}
				default -> blob(px, r.nextGaussian(), r.nextGaussian(), 5 + r.nextDouble(), 5 + r.nextDouble());
			}
			for (int i = 0; i < px.length; i++)
				px[i] += (float) (0.05 * r.nextGaussian());
			img[k] = px;
			pop[k] = CONTENT[k].equals("low_population") ? 5 : 250 + r.nextInt(250);
			res[k] = CONTENT[k].equals("low_resolution") ? 45.0 : Math.round((8 + 6 * r.nextDouble()) * 100) / 100.0;
		}
		MrcFiles.write(stack, new MrcStack(img, BOX, BOX, SMPD));
		final StringBuilder csv = new StringBuilder("class,pop,res\n");
		for (int k = 0; k < N; k++)
			csv.append(k + 1).append(',').append(pop[k]).append(',').append(res[k]).append('\n');
		AtomicFiles.writeString(classes, csv.toString());
		final StringBuilder star = new StringBuilder("\ndata_particles\n\nloop_\n_rlnImageName #1\n_rlnClassNumber #2\n");
		int id = 1;
		for (int k = 0; k < N; k++)
			for (int i = 0; i < pop[k]; i++)
				star.append(String.format(Locale.ROOT, "%06d@particles.mrcs %d%n", id++, k + 1));
		AtomicFiles.writeString(particles, star.toString());
		return pop;
	}

	/** Adds a Gaussian blob centred at (box/2 + dx, box/2 + dy) with the given sigmas (px). */
	private static void blob(final float[] px, final double dx, final double dy, final double sx, final double sy) {
		for (int y = 0; y < BOX; y++)
			for (int x = 0; x < BOX; x++) {
				final double u = (x - BOX / 2.0 - dx) / sx, v = (y - BOX / 2.0 - dy) / sy;
				px[y * BOX + x] += (float) Math.exp(-0.5 * (u * u + v * v));
			}
	}
}
