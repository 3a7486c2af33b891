package io.github.triage.slice;

import io.github.triage.io.SliceConfigFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that keeps rewriting slice_config.csv at random moments, many times, and checks that the file is
 * always one complete version (every row present, every row of the same version, no older than what the killed
 * child had already written), never a partial one, and that the temporary files a kill leaves behind break neither
 * the next read nor the next write. Three independent lanes (own folder each) run side by side to keep the wall
 * time down: most of it is JVM start-up.
 */
class AtomicWriteKillTest {
	private static final int LANES = 3;
	private static final int KILLS_PER_LANE = 10;
	private static final int ROWS = 300;

	@TempDir
	Path tmp;

	/** What one lane saw. */
	private record LaneResult(int kills, int killsMidWrite, int firstVersion, int lastVersion) {
	}

	@Test
	void killedWriterLeavesOldOrNewFileNeverAPartialOne() throws Exception {
		final long seed = System.nanoTime();
		final ExecutorService pool = Executors.newFixedThreadPool(LANES);
		try {
			final List<Future<LaneResult>> lanes = new ArrayList<>();
			for (int l = 0; l < LANES; l++) {
				final Path dir = Files.createDirectories(tmp.resolve("lane" + l));
				final Random random = new Random(seed + l);
				lanes.add(pool.submit(() -> lane(dir, random, seed)));
			}
			int kills = 0, midWrite = 0;
			for (final Future<LaneResult> f : lanes) {
				final LaneResult r = f.get(120, TimeUnit.SECONDS);
				kills += r.kills;
				midWrite += r.killsMidWrite;
				assertTrue(r.lastVersion > r.firstVersion, "the children never got past their first write: " + r);
			}
			System.out.printf("AtomicWriteKillTest: %d kills, %d left a temporary file (mid-write), seed %d%n", kills,
					midWrite, seed);
			assertTrue(kills >= 30);
			assertTrue(midWrite > 0, "no kill landed during a write: the test proved nothing (seed " + seed + ")");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static LaneResult lane(final Path dir, final Random random, final long seed) throws Exception {
		final Path target = dir.resolve("slice_config.csv");
		SliceConfigFiles.write(AtomicWriteChild.config(ROWS, 0), target);
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		int killsMidWrite = 0, start = 0, first = -1;
		for (int k = 0; k < KILLS_PER_LANE; k++) {
			final Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
					"-XX:-UsePerfData", "-cp", cp, AtomicWriteChild.class.getName(), target.toString(),
					Integer.toString(ROWS), Integer.toString(start)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				assertEquals("ready", out.readLine(), "child did not start (seed " + seed + ")");
				Thread.sleep(random.nextInt(100));
				child.destroyForcibly();
				assertTrue(child.waitFor(30, TimeUnit.SECONDS));
			}
			final String where = dir.getFileName() + ", kill " + k + " (seed " + seed + ")";
			// The target is one complete version, at least the one the child wrote before saying "ready".
			final SliceConfig c = SliceConfigFiles.read(target);
			assertEquals(ROWS, c.size(), where);
			final String note = c.get(c.ids().get(0), SliceColumns.NOTES);
			final int version = Integer.parseInt(note.substring(1));
			assertTrue(version >= start, where + ": version " + version + " older than the child's first write");
			for (final String id : c.ids()) assertEquals(note, c.get(id, SliceColumns.NOTES), where + ", slice " + id);
			assertTrue(Files.readString(target).endsWith("\n"), where);
			if (first < 0) first = version;
			// Only hidden temporary files may be left; they never carry the target's name.
			try (var files = Files.list(dir)) {
				final List<String> stray = files.map(p -> p.getFileName().toString())
						.filter(n -> !n.equals("slice_config.csv")).toList();
				for (final String n : stray) assertTrue(n.startsWith(".slice_config.csv.") && n.endsWith(".tmp"), n);
				if (!stray.isEmpty()) killsMidWrite++;
			}
			start = version + 1;
		}
		// Stray temporary files stop neither the next write nor the next read.
		SliceConfigFiles.write(AtomicWriteChild.config(ROWS, 999_999), target);
		assertEquals("v999999", SliceConfigFiles.read(target).get("00", SliceColumns.NOTES));
		return new LaneResult(KILLS_PER_LANE, killsMidWrite, first, start - 1);
	}
}
