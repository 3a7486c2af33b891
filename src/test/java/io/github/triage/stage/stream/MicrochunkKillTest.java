package io.github.triage.stage.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.cavg.stream.Sentinel;
import io.github.triage.ops.CpuImageOps;

/**
 * Kills the stream (a child JVM running {@code triage microchunk run}) with SIGKILL at random moments, restarts it
 * each time, and checks after every kill that no sentinel vouches for a missing or partial file and that no
 * REJECTION_FINISHED was ever rewritten (same inode and mtime as when first seen); at the end the combined output
 * must equal, byte for byte, that of an uninterrupted run.
 */
@Tag("slow")
class MicrochunkKillTest {
	private static final int KILLS = 15;

	@TempDir
	Path tmp;

	@Test
	void killedAndRestartedStreamEndsWithTheUninterruptedOutput() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 40, 25, 4);
		final Path reference = tmp.resolve("uninterrupted");
		assertTrue(new MicrochunkStage().run(MicrochunkStageTest.options(reference, imports), new CpuImageOps(),
				Listener.NONE).finished());

		// kill moments scaled to this machine: a restart costs a JVM start and a scan (timed on a finished project)
		// before it does any work, so each kill lands after most of that and within the first ~30% of the work of one
		// uninterrupted run; a fast machine cannot finish the stream before the kills land, a slow one is not killed
		// only during start-up
		final long t0 = System.nanoTime();
		final Process timing = child(tmp.resolve("timing"), imports);
		assertTrue(timing.waitFor(180, TimeUnit.SECONDS), "an uninterrupted child run did not finish");
		final int fullMs = (int) ((System.nanoTime() - t0) / 1_000_000);
		final long t1 = System.nanoTime();
		final Process noop = child(tmp.resolve("timing"), imports);
		assertTrue(noop.waitFor(180, TimeUnit.SECONDS), "a run on a finished project did not finish");
		final int startMs = (int) ((System.nanoTime() - t1) / 1_000_000);
		final int workMs = Math.max(200, fullMs - startMs);
		final Path project = tmp.resolve("killed");
		final long seed = System.nanoTime();
		final Random random = new Random(seed);
		final Map<Path, Object[]> seen = new HashMap<>();
		int kills = 0;
		for (int k = 0; k < KILLS; k++) {
			final Process p = child(project, imports);
			final boolean ended = p.waitFor(startMs * 4L / 5 + random.nextInt(Math.max(1, workMs * 3 / 10)),
					TimeUnit.MILLISECONDS);
			if (!ended) {
				p.destroyForcibly().waitFor();
				kills++;
			}
			checkSentinels(project, seen);
			if (ended) break;
		}
		final Process last = child(project, imports);
		assertTrue(last.waitFor(180, TimeUnit.SECONDS), "the restarted stream did not finish");
		assertEquals(0, last.exitValue(), new String(last.getInputStream().readAllBytes()));
		checkSentinels(project, seen);
		System.out.printf("MicrochunkKillTest: %d kills, %d rejections watched, seed %d%n", kills, seen.size(), seed);
		assertTrue(kills >= 3, "too few kills landed before the stream finished: " + kills + " (one run: " + fullMs
				+ " ms, start-up " + startMs + " ms)");
		for (final String f : List.of(StreamOutputs.COMBINED, StreamOutputs.COMBINED_CLASSES, StreamOutputs.COMBINED_STACK))
			assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(project.resolve(f)), f);
	}

	private static Process child(final Path project, final Path imports) throws IOException {
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp,
				"io.github.triage.cli.TriageCli", "microchunk", "run", project.toString(), "--import",
				imports.resolve("*.star").toString(), "--mskdiam", "50", "--classifier", "simulate",
				"--pass1-particles", "100", "--pass2-particles", "150", "--ref-particles", "300", "--classes", "10",
				"--last-import-timeout", "0s", "--poll", "5ms", "--use-gpu", "off").redirectErrorStream(true).start();
	}

	/** What each sentinel vouches for is there and readable; a REJECTION_FINISHED once seen never changes. */
	private static void checkSentinels(final Path project, final Map<Path, Object[]> seen) throws IOException {
		final Path chunks = project.resolve(StreamRun.CHUNKS);
		if (!Files.isDirectory(chunks)) return;
		final List<Path> dirs;
		try (Stream<Path> s = Files.list(chunks)) {
			dirs = s.sorted().toList();
		}
		for (final Path d : dirs) {
			final ChunkId id = ChunkId.parse(d.getFileName().toString());
			final ChunkFolder f = new ChunkFolder(chunks, id);
			if (!f.exists()) continue;
			final int particles = ParticleTable.read(f.particles()).size();
			if (f.has(Sentinel.ABINITIO2D_FINISHED) && !f.has(Sentinel.REJECTION_FINISHED))
				assertNull(ChunkWork.checkOutputs(f, particles), d.toString());
			final Path done = d.resolve(Sentinel.REJECTION_FINISHED.fileName());
			if (Files.exists(done)) {
				assertTrue(f.has(Sentinel.ABINITIO2D_FINISHED), d.toString());
				assertTrue(f.selected().size() <= particles);
				assertTrue(Files.size(d.resolve("rejection.csv")) > 0);
				final Object[] now = { Files.getAttribute(done, "unix:ino"), Files.getLastModifiedTime(done) };
				final Object[] before = seen.putIfAbsent(done, now);
				if (before != null) assertArrayEquals(before, now, done + " was rewritten");
			}
			if (Files.exists(d.resolve(Sentinel.COMPLETE.fileName())) && id.tier() == io.github.triage.cavg.Tier.MATCH
					&& !f.has(Sentinel.REJECTION_FAILED))
				assertTrue(ParticleTable.read(project.resolve(StreamRun.COMPLETED).resolve(id.name() + ".star")).size() >= 0);
		}
		if (Files.exists(project.resolve(StreamOutputs.COMBINED))) {
			assertTrue(Files.exists(project.resolve(StreamOutputs.COMBINED_CLASSES)));
			ParticleTable.read(project.resolve(StreamOutputs.COMBINED));
		}
	}
}
