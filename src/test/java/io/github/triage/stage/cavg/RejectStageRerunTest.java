package io.github.triage.stage.cavg;

import static io.github.triage.stage.cavg.RejectStageTest.HANDCHECK;
import static io.github.triage.stage.cavg.RejectStageTest.assertOnlyFailureRecord;
import static io.github.triage.stage.cavg.RejectStageTest.names;
import static io.github.triage.stage.cavg.RejectStageTest.options;
import static io.github.triage.stage.cavg.RejectStageTest.res;
import static io.github.triage.stage.cavg.RejectStageTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cavg.Tier;

/**
 * Reruns into a folder that holds outputs (the sentinel vouches for exactly the current files), and the sanity
 * checks and messages of {@link RejectStage}.
 */
class RejectStageRerunTest {
	@TempDir
	Path tmp;

	RejectStage.Options handcheck(final Path out) {
		return options(res(HANDCHECK + ".mrc"), res(HANDCHECK + "_classes.csv"), 50, Tier.P1, out);
	}

	Path particles() throws IOException {
		final StringBuilder sb = new StringBuilder("data_particles\nloop_\n_rlnImageName\n_rlnClassNumber\n");
		for (int i = 0; i < 200; i++)
			sb.append(String.format("%06d@particles.mrcs %d%n", i + 1, new int[] { 2, 3, 5, 6 }[i / 50]));
		final Path p = tmp.resolve("particles.star");
		Files.writeString(p, sb);
		return p;
	}

	@Test
	void aRerunWithoutParticlesRemovesTheParticleOutputsOfTheRunBefore() throws IOException {
		final Path out = tmp.resolve("out");
		run(handcheck(out).withParticles(particles()));
		assertTrue(Files.exists(out.resolve("particles_states.star")));
		assertTrue(Files.exists(out.resolve("particles_selected.star")));
		final RejectStage.Result r = run(handcheck(out));
		assertFalse(Files.exists(out.resolve("particles_states.star")), "stale particle states: " + names(out));
		assertFalse(Files.exists(out.resolve("particles_selected.star")), "stale selected particles: " + names(out));
		assertEquals(names(out), r.files().stream().map(p -> p.getFileName().toString())
				.collect(java.util.stream.Collectors.toSet()));
	}

	@Test
	void aRerunRemovesOutputsOfAnotherStemAndOfOlderVersionsButNoInput() throws IOException {
		final Path out = tmp.resolve("out");
		Files.createDirectories(out);
		for (final String n : new String[] { "old_selected.mrc", "old_rejected.mrc", "other_selected.mrcs",
				"other_selected.star", "other_rejected.jpg", "REJECTION_FAILED", "notes.txt" })
			Files.writeString(out.resolve(n), "x");
		// an input inside the output folder under an output's name stays
		final Path mine = out.resolve("mine_selected.star");
		Files.copy(particles(), mine);
		Files.copy(res(HANDCHECK + "_classes.csv"), out.resolve("classes.csv"));
		run(options(res(HANDCHECK + ".mrc"), out.resolve("classes.csv"), 50, Tier.P1, out).withParticles(mine));
		final Set<String> n = names(out);
		for (final String gone : new String[] { "old_selected.mrc", "old_rejected.mrc", "other_selected.mrcs",
				"other_selected.star", "other_rejected.jpg", "REJECTION_FAILED" })
			assertFalse(n.contains(gone), gone + " is stale: " + n);
		assertTrue(n.contains("notes.txt"), "not an output: " + n);
		assertTrue(n.contains("classes.csv"), "an input: " + n);
		assertTrue(n.contains("mine_selected.star"), "an input under an output's name: " + n);
		assertTrue(n.contains("REJECTION_FINISHED"), n.toString());
	}

	@Test
	void aFailedRerunLeavesOnlyTheFailureRecord() throws IOException {
		final Path out = tmp.resolve("out");
		run(handcheck(out).withParticles(particles()));
		assertTrue(Files.exists(out.resolve(HANDCHECK + "_rejected.mrcs")));
		assertThrows(BadInputException.class, () -> run(options(res(HANDCHECK + ".mrc"),
				res("cavgA02_b96_s1p00_n36_classes.csv"), 50, Tier.P1, out)));
		assertOnlyFailureRecord(out, "36 classes");
	}

	@Test
	void aMaskWiderThanTheBoxIsAnError() throws IOException {
		// the handcheck box is 64 px at 1 Å/px: a 100 Å mask leaves no pixel outside its disc
		final Path out = tmp.resolve("out");
		final BadInputException e = assertThrows(BadInputException.class,
				() -> run(options(res(HANDCHECK + ".mrc"), res(HANDCHECK + "_classes.csv"), 100, Tier.P1, out)));
		assertTrue(e.getMessage().contains("mask diameter 100 Å is larger than the box (64 px × 1 Å/px = 64 Å)"),
				e.getMessage());
		assertOnlyFailureRecord(out, "larger than the box");
	}

	@Test
	void everyClassRejectedIsAClearWarning() throws IOException {
		final Path classes = tmp.resolve("prior.csv");
		Files.writeString(classes, "class,pop,res,state\n1,0,10,1\n2,50,10,1\n3,50,55,1\n4,0,10,1\n5,50,10,0\n6,50,55,1\n");
		final RejectStageTest.Messages m = new RejectStageTest.Messages();
		RejectStageTest.run(options(res(HANDCHECK + ".mrc"), classes, 50, Tier.P1, tmp.resolve("out")), m);
		assertFalse(m.text().contains("warning: every class was rejected"), "the rejector kept class 5: " + m.text());
		// a resolution threshold nothing meets: every class goes
		Files.writeString(classes, "class,pop,res\n1,50,inf\n2,50,inf\n3,50,inf\n4,50,inf\n5,50,inf\n6,50,inf\n");
		final RejectStageTest.Messages all = new RejectStageTest.Messages();
		final RejectStage.Result r = RejectStageTest.run(options(res(HANDCHECK + ".mrc"), classes, 50, Tier.P1,
				tmp.resolve("all")), all);
		assertEquals(0, r.kept());
		assertTrue(all.text().contains("warning: every class was rejected (6 of 6)"), all.text());
		assertTrue(all.text().contains("no " + HANDCHECK + "_selected.mrcs written: no class was kept"), all.text());
	}

	@Test
	void messagesWriteAngstromAndNumbersAsPeopleWriteThem() throws IOException {
		// RELION fractions × the group particle count: 0.000101 × 300 is 0.030300000000000004 in binary
		final Path model = tmp.resolve("model.star");
		final StringBuilder sb = new StringBuilder("data_model_classes\nloop_\n_rlnReferenceImage #1\n"
				+ "_rlnClassDistribution #2\n_rlnEstimatedResolution #3\n");
		final double[] f = { 0.000101, 0.3, 0.3, 0.199899, 0.1, 0.1 };
		for (int i = 0; i < 6; i++)
			sb.append(String.format("%06d@c.mrcs %s 50.5%n", i + 1, f[i]));
		sb.append("\ndata_model_groups\nloop_\n_rlnGroupNumber #1\n_rlnGroupNrParticles #2\n1 300\n");
		Files.writeString(model, sb);
		final Path out = tmp.resolve("out");
		final RejectStage.Result r = run(options(res(HANDCHECK + ".mrc"), model, 50, Tier.P1, out));
		final String states = Files.readString(out.resolve("class_states.csv"));
		assertTrue(states.startsWith("class,pop,res,state\n1,0.0303,50.5,0\n"), states);
		assertTrue(r.decisions().get(0).reason().contains("res 50.5>40 Å"), r.decisions().get(0).reason());
		final String csv = Files.readString(out.resolve("rejection.csv"));
		assertFalse(csv.contains("00000000") || csv.contains("99999999") || csv.contains("E-"), csv);
	}
}
