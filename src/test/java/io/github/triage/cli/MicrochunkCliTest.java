package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument mapping and exit codes of {@code triage microchunk}; the behaviour is tested on the stage. */
class MicrochunkCliTest {
	@TempDir
	Path tmp;

	@Test
	void onceImportsAndStatusPrintsTheTable() throws Exception {
		final Path imports = Files.createDirectories(tmp.resolve("in"));
		final StringBuilder star = new StringBuilder("data_particles\nloop_\n_rlnImageName #1\n_rlnOpticsGroup #2\n");
		for (int i = 1; i <= 30; i++)
			star.append(String.format("%06d@a.mrcs 1%n", i));
		Files.writeString(imports.resolve("a.star"), star.toString());
		final Path project = tmp.resolve("p");
		final CliRun r = CliRun.of("microchunk", "run", project.toString(), "--import", imports + "/*.star", "--mskdiam",
				"50", "--classifier", "simulate", "--pass1-particles", "10", "--once", "--last-import-timeout", "2h",
				"--use-gpu", "off");
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.err().contains("imported 1 micrograph(s), 30 particles"), r.toString());
		assertTrue(Files.readString(project.resolve("microchunk_options.txt")).contains("last-import-timeout: PT2H"));
		final CliRun s = CliRun.of("microchunk", "status", project.toString());
		assertEquals(0, s.exit(), s.toString());
		assertTrue(s.out().startsWith("chunk,tier,state,particles,selected,classes,rejected_classes,sources,message\n"
				+ "p1_001,p1,"), s.out());
		final CliRun changed = CliRun.of("microchunk", "run", project.toString(), "--import", imports + "/*.star",
				"--mskdiam", "60", "--classifier", "simulate", "--pass1-particles", "10", "--once",
				"--last-import-timeout", "2h");
		assertEquals(2, changed.exit(), changed.toString());
		assertTrue(changed.err().contains("mskdiam was 50, now 60"), changed.toString());
	}

	@Test
	void badInputExitsTwo() {
		assertEquals(2, CliRun.of("microchunk", "status", tmp.resolve("none").toString()).exit());
		final CliRun d = CliRun.of("microchunk", "run", tmp.toString(), "--import", "x", "--mskdiam", "50",
				"--last-import-timeout", "15 minutes");
		assertEquals(2, d.exit());
		assertTrue(d.err().contains("not a duration like 90s, 15m or 2h"), d.toString());
		final CliRun s = CliRun.of("microchunk", "run", tmp.resolve("q").toString(), "--import", "x", "--mskdiam", "50",
				"--scheduler", "pbs", "--once");
		assertEquals(2, s.exit());
		assertTrue(s.err().contains("local or slurm"), s.toString());
	}

	@Test
	void helpShowsTheDefaults() {
		final CliRun h = CliRun.of("microchunk", "run", "--help");
		assertEquals(0, h.exit());
		for (final String d : new String[] { "Default: 5000", "Default: 8000", "Default: 10000", "Default: 100",
				"Default: relion", "Default: local", "Default: 15m", "Default: 10s" })
			assertTrue(h.out().contains(d), d + " in\n" + h.out());
		assertTrue(!h.out().contains("PT15M"), h.out());
	}
}
