package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.stage.oct.OctRunStage;
import picocli.CommandLine;

/** {@code triage oct run}: argument mapping and exit codes (the behaviour is tested on the stage). */
class OctCliTest {
	@TempDir
	Path tmp;

	private static OctRunStage.Options parse(final String... args) {
		final OctCli.Run run = new OctCli.Run();
		new CommandLine(run).parseArgs(args);
		return run.options(new CliListener(new PrintWriter(new StringWriter())));
	}

	@Test
	void mapsEveryOptionAndTheDefaults() {
		final OctRunStage.Options d = parse("m", "-o", "out");
		assertEquals(Path.of("m"), d.mosaicsDir());
		assertEquals(Path.of("out"), d.output());
		assertEquals(OctRunStage.Quality.DEFAULT, d.quality());
		assertEquals(0.3, d.quality().minQuality());
		assertNull(d.galvo());
		assertNull(d.shifts());
		assertNull(d.autoExclusion());
		assertFalse(d.force());

		final OctRunStage.Options o = parse("m", "-o", "out", "--slice-config", "s.csv", "--tiles-dir", "raw",
				"--n-extra", "40", "--galvo-threshold", "0.5", "--min-quality", "0", "--exclude-first", "2",
				"--shifts", "sh.csv", "--tile-fov-mm", "0.875", "--slice-thickness-mm", "0.2", "--blend", "--metrics",
				"met", "--z-corr-threshold", "0.3", "--fragments", "fr", "--force");
		assertEquals(Path.of("s.csv"), o.startConfig());
		assertEquals(new OctRunStage.Galvo(Path.of("raw"), 40, 0.5, OctRunStage.Galvo.N_SAMPLES,
				OctRunStage.Galvo.MIN_INTENSITY), o.galvo());
		assertEquals(0, o.quality().minQuality());
		assertEquals(2, o.quality().excludeFirst());
		assertEquals(new OctRunStage.Shifts(Path.of("sh.csv"), 0.875, OctRunStage.Shifts.MAX_SHIFT_MM, 0.2,
				OctRunStage.Shifts.FIRST_PLANE, true), o.shifts());
		assertEquals(new OctRunStage.AutoExclusion(Path.of("met"), 0.3,
				OctRunStage.AutoExclusion.CONSECUTIVE_THRESHOLD), o.autoExclusion());
		assertEquals(Path.of("fr"), o.fragments());
		assertTrue(o.force());
	}

	@Test
	void missingCompanionOptionsAndInputsAreBadInput() throws Exception {
		final CliRun tiles = CliRun.of("oct", "run", tmp.toString(), "-o", tmp.resolve("o").toString(), "--tiles-dir",
				tmp.toString());
		assertEquals(2, tiles.exit(), tiles.toString());
		assertTrue(tiles.err().contains("--n-extra"), tiles.toString());
		final CliRun shifts = CliRun.of("oct", "run", tmp.toString(), "-o", tmp.resolve("o").toString(), "--shifts",
				"s.csv");
		assertEquals(2, shifts.exit(), shifts.toString());
		assertTrue(shifts.err().contains("--tile-fov-mm"), shifts.toString());
		final CliRun none = CliRun.of("oct", "run", tmp.resolve("nowhere").toString(), "-o", tmp.resolve("o").toString());
		assertEquals(2, none.exit(), none.toString());
		assertTrue(none.err().contains("nowhere"), none.toString());
		assertFalse(Files.exists(tmp.resolve("o")));
	}

	@Test
	void helpShowsTheDefaultsAndTheRunIsListedFirst() {
		final CliRun help = CliRun.of("oct", "run", "--help");
		assertEquals(0, help.exit());
		assertTrue(help.out().contains("Default: 0.3"), help.out());
		assertTrue(help.out().contains("Default: 0.6"), help.out());
		final CliRun top = CliRun.of("--help");
		assertTrue(top.out().indexOf("  oct") < top.out().indexOf("  slice-config"), top.out());
	}
}
