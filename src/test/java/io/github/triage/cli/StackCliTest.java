package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage stack}: argument mapping and exit codes (behaviour is tested on the stages). */
class StackCliTest {
	@TempDir
	Path tmp;

	@Test
	void alignThenAssembleOnTheReferenceSet() throws Exception {
		final Path r = Paths.get(getClass().getResource("/io/github/triage/stack/align").toURI());
		final Path aligned = tmp.resolve("aligned");
		final CliRun a = CliRun.of("stack", "align-from-shifts", r.resolve("inputs").toString(),
				r.resolve("shifts_xy.csv").toString(), "-o", aligned.toString(), "--slice-config",
				r.resolve("slice_config.csv").toString(), "--excluded-slice-mode", "local-median");
		assertEquals(0, a.exit(), a.err());
		assertTrue(a.out().startsWith("slice_id,applied_x_px,applied_y_px,file\n00,0.0,15.52034070967"), a.out());
		assertTrue(a.err().contains("reproduce"), a.err());
		final CliRun s = CliRun.of("stack", "assemble", aligned.toString(), "-o", tmp.resolve("v.ome.zarr").toString(),
				"--slice-config", r.resolve("slice_config.csv").toString(), "--slice-thickness-mm", "0.01",
				"--first-plane", "0", "--blend");
		assertEquals(0, s.exit(), s.err());
		assertTrue(s.out().contains("04,gap: force-skipped"), s.out());
		assertTrue(s.out().contains("03,gap: no volume"), s.out());
		assertTrue(Files.isRegularFile(tmp.resolve("v_metrics.json")));
	}

	@Test
	void badInputExitsTwo() {
		final CliRun a = CliRun.of("stack", "align-from-shifts", tmp.resolve("none").toString(),
				tmp.resolve("none.csv").toString(), "-o", tmp.resolve("out").toString());
		assertEquals(2, a.exit());
		assertTrue(a.err().contains("mosaics folder") && a.err().contains("shifts file"), a.err());
		assertEquals(2, CliRun.of("stack", "align-from-shifts", "a", "b", "-o", "c", "--excluded-slice-mode", "median")
				.exit());
		assertEquals(2, CliRun.of("stack", "assemble", "a", "-o", "b.ome.zarr").exit()); // thickness required
	}
}
