package io.github.triage.stage.stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.StarFile;
import io.github.triage.ops.CpuImageOps;

/**
 * The stream with a real classifier: relion_refine 2D on particles projected by relion_project from a small 3D map,
 * with pure-noise junk micrographs mixed in, to the finished state. Skipped (with a message) without RELION.
 */
@Tag("slow")
class MicrochunkRelionTest {
	private static final int BOX = 32, GOOD_MICS = 10, JUNK_MICS = 3, PER_MIC = 20;
	private static final double PX = 4.0;

	@TempDir
	Path tmp;

	@Test
	void relionStreamRejectsTheJunk() throws Exception {
		assumeTrue(onPath("relion_refine") && onPath("relion_project"),
				"relion_refine/relion_project not on PATH: RELION integration test skipped (apt-get install relion)");
		final Path work = Files.createDirectories(tmp.resolve("data"));
		final Random r = new Random(7);
		writeMap(work.resolve("map.mrc"));
		final int n = GOOD_MICS * PER_MIC;
		final StringBuilder ang = new StringBuilder(optics() + "data_particles\n\nloop_\n_rlnAngleRot #1\n_rlnAngleTilt #2\n"
				+ "_rlnAnglePsi #3\n_rlnDefocusU #4\n_rlnDefocusV #5\n_rlnDefocusAngle #6\n_rlnOpticsGroup #7\n"
				+ "_rlnImageName #8\n");
		for (int i = 1; i <= n; i++)
			ang.append(String.format(Locale.ROOT, "%.1f %.1f %.1f 15000 15000 0 1 %06d@x.mrcs%n", 360 * r.nextDouble(),
					Math.toDegrees(Math.acos(2 * r.nextDouble() - 1)), 360 * r.nextDouble(), i));
		Files.writeString(work.resolve("angles.star"), ang);
		final Process p = new ProcessBuilder("relion_project", "--i", "map.mrc", "--ang", "angles.star", "--o", "good",
				"--ctf", "--add_noise", "--white_noise", "3", "--angpix", Double.toString(PX)).directory(work.toFile())
				.redirectErrorStream(true).redirectOutput(work.resolve("project.log").toFile()).start();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(work.resolve("project.log")));
		final float[][] junk = new float[JUNK_MICS * PER_MIC][BOX * BOX];
		for (final float[] img : junk)
			for (int i = 0; i < img.length; i++)
				img[i] = (float) (3 * r.nextGaussian());
		MrcFiles.write(work.resolve("junk.mrcs"), new MrcStack(junk, BOX, BOX, PX));

		final Path imports = Files.createDirectories(tmp.resolve("imports"));
		final int mics = GOOD_MICS + JUNK_MICS;
		for (int m = 0; m < mics; m++) {
			// junk micrographs interleaved with the good ones
			final boolean isJunk = m % 4 == 3;
			final int index = isJunk ? m / 4 : m - m / 4;
			final StringBuilder s = new StringBuilder(optics() + "data_particles\n\nloop_\n_rlnImageName #1\n"
					+ "_rlnMicrographName #2\n_rlnDefocusU #3\n_rlnDefocusV #4\n_rlnDefocusAngle #5\n_rlnOpticsGroup #6\n");
			for (int i = 1; i <= PER_MIC; i++)
				s.append(String.format(Locale.ROOT, "%06d@%s mic%02d.mrc 15000 15000 0 1%n", index * PER_MIC + i,
						work.resolve(isJunk ? "junk.mrcs" : "good.mrcs"), m));
			Files.writeString(imports.resolve(String.format(Locale.ROOT, "mic%02d.star", m)), s);
		}
		final Path project = tmp.resolve("project");
		final MicrochunkStage.Options o = MicrochunkStage.Options.defaults(project, imports + "/*.star", 100)
				.withClassifier("relion:6").withCaps(100, 150, 100, 4).withScheduler("local", 2, 1)
				.withTiming(Duration.ZERO, Duration.ofMillis(100), false);
		final long t0 = System.nanoTime();
		final MicrochunkStage.Result res = new MicrochunkStage().run(o, new CpuImageOps(), new Listener() {
			@Override
			public void info(final String m) {
				System.out.printf("relion stream %5.1f s: %s%n", (System.nanoTime() - t0) / 1e9, m);
			}
		});
		System.out.println(MicrochunkStage.status(project));
		assertTrue(res.finished(), res.toString());
		final StarFile combined = StarFile.read(MicrochunkStage.combined(project));
		final StarFile.Loop l = combined.block("particles").loops().get(0);
		final int img = l.column("_rlnImageName");
		int junkKept = 0;
		for (int i = 0; i < l.rowCount(); i++)
			if (l.value(i, img).endsWith("junk.mrcs")) junkKept++;
		System.out.printf("RELION stream: %d particles kept, %d of them junk (of %d junk), %.0f s%n", l.rowCount(),
				junkKept, junk.length, (System.nanoTime() - t0) / 1e9);
		assertTrue(l.rowCount() - junkKept > n / 4, "too few good particles kept: " + (l.rowCount() - junkKept));
		assertTrue(junkKept <= junk.length / 10, junkKept + " junk particles kept of " + junk.length);
	}

	private static String optics() {
		return "data_optics\n\nloop_\n_rlnOpticsGroupName #1\n_rlnOpticsGroup #2\n_rlnVoltage #3\n"
				+ "_rlnSphericalAberration #4\n_rlnAmplitudeContrast #5\n_rlnImagePixelSize #6\n_rlnImageSize #7\n"
				+ "_rlnImageDimensionality #8\nopticsGroup1 1 300 2.7 0.1 " + PX + " " + BOX + " 2\n\n";
	}

	/** An asymmetric object of four Gaussian blobs in a 32³ map. */
	private static void writeMap(final Path file) throws Exception {
		final float[][] sections = new float[BOX][BOX * BOX];
		final double[][] blobs = { { 0, 0, 0, 4 }, { 6, 0, 0, 3 }, { 0, 7, 0, 3 }, { 0, 0, -6, 2.5 } };
		final double c = (BOX - 1) / 2.0;
		for (int z = 0; z < BOX; z++)
			for (int y = 0; y < BOX; y++)
				for (int x = 0; x < BOX; x++) {
					double v = 0;
					for (final double[] b : blobs) {
						final double dx = x - c - b[0], dy = y - c - b[1], dz = z - c - b[2];
						v += Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * b[3] * b[3]));
					}
					sections[z][y * BOX + x] = (float) v;
				}
		MrcFiles.write(file, new MrcStack(sections, BOX, BOX, PX));
	}

	private static boolean onPath(final String exe) {
		for (final String d : System.getenv().getOrDefault("PATH", "").split(":"))
			if (Files.isExecutable(Path.of(d, exe))) return true;
		return false;
	}
}
