package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cavg.Tier;
import io.github.triage.stage.SameFiles;

/**
 * Classes and outputs (sheets, stacks, tables, particles) on several threads: the same decisions and files as one
 * thread.
 */
class CavgThreadsTest {
	@TempDir
	Path tmp;

	@Test
	void severalThreadsWriteWhatOneThreadWrites() throws IOException {
		for (final int t : new int[] { 1, 2, 3, 16 })
			RejectStageTest.run(handcheck(tmp.resolve("t" + t)).withThreads(t));
		for (final int t : new int[] { 2, 3, 16 })
			SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t" + t));
	}

	@Test
	void withParticlesToo() throws IOException {
		final Path particles = tmp.resolve("particles.star");
		final StringBuilder sb = new StringBuilder("\ndata_optics\n\nloop_\n_rlnOpticsGroup #1\n_rlnImagePixelSize #2\n"
				+ "1 1.0\n\ndata_particles\n\nloop_\n_rlnImageName #1\n_rlnClassNumber #2\n_rlnOpticsGroup #3\n");
		for (int i = 0; i < 200; i++)
			sb.append(String.format("%06d@particles.mrcs %d 1%n", i + 1, new int[] { 2, 3, 5, 6 }[i / 50]));
		Files.writeString(particles, sb);
		for (final int t : new int[] { 1, 2, 3 })
			RejectStageTest.run(handcheck(tmp.resolve("p" + t)).withParticles(particles).withThreads(t));
		for (final int t : new int[] { 2, 3 })
			SameFiles.assertSameTree(tmp.resolve("p1"), tmp.resolve("p" + t));
	}

	private static RejectStage.Options handcheck(final Path out) {
		return RejectStageTest.options(RejectStageTest.res(RejectStageTest.HANDCHECK + ".mrc"),
				RejectStageTest.res(RejectStageTest.HANDCHECK + "_classes.csv"), 50, Tier.P1, out);
	}
}
