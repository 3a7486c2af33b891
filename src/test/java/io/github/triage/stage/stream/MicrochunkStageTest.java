package io.github.triage.stage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.io.StarFile;
import io.github.triage.ops.CpuImageOps;

/** The stream end to end with the simulated classifier: tiers, sentinels, status, combined output, failures. */
class MicrochunkStageTest {
	private static final boolean DEBUG = Boolean.getBoolean("triage.debug");
	@TempDir
	Path tmp;

	static MicrochunkStage.Options options(final Path project, final Path imports) {
		return MicrochunkStage.Options.defaults(project, imports.resolve("*.star").toString(), 50)
				.withClassifier("simulate").withCaps(100, 150, 300, 10)
				.withTiming(Duration.ZERO, Duration.ofMillis(5), false);
	}

	@Test
	void streamsToTheFinishedStateAndRejectsTheJunk() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 40, 25, 4);
		final Path project = tmp.resolve("project");
		final long t0 = System.nanoTime();
		final MicrochunkStage.Result r = new MicrochunkStage().run(options(project, imports), new CpuImageOps(),
				DEBUG ? new Listener() {
					@Override
					public void info(final String m) {
						System.out.printf("%6d ms %s%n", (System.nanoTime() - t0) / 1000000, m);
					}
				} : Listener.NONE);
		assertTrue(r.finished(), r.toString());
		assertNull(r.blocked());
		assertEquals(1000, r.imported());
		assertEquals(1, r.chunks().get("ref"));
		assertTrue(r.chunks().get("match") >= 2, r.toString());
		assertTrue(r.accepted() > 300, r.toString());
		final StarFile combined = StarFile.read(MicrochunkStage.combined(project));
		final StarFile.Loop particles = combined.block("particles").loops().get(0);
		assertTrue(particles.rowCount() > 300, "selected particles: " + particles.rowCount());
		final int img = particles.column("_rlnImageName");
		for (int i = 0; i < particles.rowCount(); i++)
			assertFalse(particles.value(i, img).contains("junk"), "a junk particle was kept: " + particles.value(i, img));
		assertTrue(particles.column("_rlnClassNumber") >= 0);
		assertTrue(combined.block("optics") != null, "optics kept");
		assertTrue(Files.exists(project.resolve(StreamOutputs.COMBINED_CLASSES)));
		assertTrue(Files.exists(project.resolve(StreamOutputs.COMBINED_STACK)));
		// every chunk reached COMPLETE, rejections finished once
		final String status = MicrochunkStage.status(project);
		assertTrue(status.startsWith("chunk,tier,state,particles,selected,classes,rejected_classes,sources,message\n"));
		for (final String line : status.lines().skip(1).toList())
			assertTrue(line.split(",")[2].equals("complete"), line);
		assertTrue(Files.exists(MicrochunkStage.chunkDir(project, Tier.REF, 1).resolve("REJECTION_FINISHED")));

		// a second run does nothing and keeps the output
		final byte[] before = Files.readAllBytes(MicrochunkStage.combined(project));
		final MicrochunkStage.Result again = new MicrochunkStage().run(options(project, imports), new CpuImageOps(),
				Listener.NONE);
		assertTrue(again.finished());
		assertEquals(0, again.accepted());
		assertEquals(new String(before), Files.readString(MicrochunkStage.combined(project)));
	}

	@Test
	void restartWithOtherOptionsNamesThem() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 2, 10, 0);
		final Path project = tmp.resolve("project");
		final MicrochunkStage.Options o = options(project, imports).withTiming(Duration.ofHours(1), Duration.ofMillis(5), true);
		new MicrochunkStage().run(o, new CpuImageOps(), Listener.NONE);
		final BadInputException e = assertThrows(BadInputException.class,
				() -> new MicrochunkStage().run(o.withCaps(200, 150, 300, 12), new CpuImageOps(), Listener.NONE));
		assertTrue(e.getMessage().contains("pass1-particles was 100, now 200"), e.getMessage());
		assertTrue(e.getMessage().contains("classes was 10, now 12"), e.getMessage());
	}

	@Test
	void onceDoesOnePassAndWaitsForMoreImports() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 3, 30, 0);
		final Path project = tmp.resolve("project");
		final MicrochunkStage.Options o = options(project, imports).withTiming(Duration.ofHours(1), Duration.ofMillis(5), true);
		final MicrochunkStage.Result r = new MicrochunkStage().run(o, new CpuImageOps(), Listener.NONE);
		assertFalse(r.finished());
		assertTrue(r.didSomething());
		assertEquals(90, r.imported());
		// 90 particles do not exceed the pass-1 cap of 100: they wait, nothing composed
		assertEquals(0, r.chunks().get("p1"));
		assertEquals(List.of("chunk,tier,state,particles,selected,classes,rejected_classes,sources,message"),
				MicrochunkStage.status(project).lines().toList());
	}

	@Test
	void failingClassifierGivesFailedChunksNotAStuckStream() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 5, 30, 0);
		final Path project = tmp.resolve("project");
		final MicrochunkStage.Options o = options(project, imports).withClassifier("echo {particles} {out}; exit 3");
		final MicrochunkStage.Result r = new MicrochunkStage().run(o, new CpuImageOps(), Listener.NONE);
		assertFalse(r.finished());
		assertTrue(r.blocked() != null, r.toString());
		final Path p1 = MicrochunkStage.chunkDir(project, Tier.P1, 1);
		assertTrue(Files.exists(p1.resolve("REJECTION_FAILED")));
		assertTrue(Files.exists(p1.resolve("COMPLETE")));
		assertTrue(Files.readString(p1.resolve("REJECTION_FAILED")).contains("exited 3"));
		assertTrue(MicrochunkStage.status(project).contains("the classifier exited 3"));
	}

	@Test
	void classifierWritingNothingOrAMismatchedClassCountFailsTheChunk() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 5, 30, 0);
		Path project = tmp.resolve("nothing");
		MicrochunkStage.Result r = new MicrochunkStage().run(options(project, imports).withClassifier("true {particles} {out}"),
				new CpuImageOps(), Listener.NONE);
		assertTrue(Files.readString(MicrochunkStage.chunkDir(project, Tier.P1, 1).resolve("REJECTION_FAILED"))
				.contains("wrote no"), r.toString());
		// a model with one class fewer than the stack
		project = tmp.resolve("mismatch");
		final String drop = "java -cp " + Classifier.quote(System.getProperty("java.class.path")) + " "
				+ SimulatedClassifier.class.getName() + " {particles} {out} {K} '' {smpd}"
				+ " && sed -i '$d' {out}_it001_model.star && sed -i '$d' {out}_it001_model.star";
		r = new MicrochunkStage().run(options(project, imports).withClassifier(drop), new CpuImageOps(), Listener.NONE);
		final Path p1 = MicrochunkStage.chunkDir(project, Tier.P1, 1);
		assertTrue(Files.exists(p1.resolve("ABINITIO2D_FINISHED")), r.toString());
		assertTrue(Files.readString(p1.resolve("REJECTION_FAILED")).contains("class"), Files.readString(p1.resolve("REJECTION_FAILED")));
		assertTrue(Files.exists(p1.resolve("COMPLETE")));
	}
}
