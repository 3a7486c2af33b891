package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.TestFiles;

class SliceConfigStagesCliTest {
	@TempDir
	Path tmp;

	@Test
	void rehomingOnTheReferenceSeries() throws IOException {
		final Path dir = TestFiles.resource("reference/oct/stages/rehoming/rehome_tile_and_glitch");
		final Path out = tmp.resolve("slice_config.csv"), shiftsOut = tmp.resolve("shifts_corrected.csv");
		final CliRun r = CliRun.of("slice-config", "rehoming", dir.resolve("slice_config.csv").toString(), "--shifts",
				dir.resolve("shifts_xy.csv").toString(), "--tile-fov-mm", "0.875", "--max-shift-mm", "0.5", "-o",
				out.toString(), "--shifts-out", shiftsOut.toString());
		assertEquals(0, r.exit(), r.toString());
		final List<String> lines = r.out().replace("\r\n", "\n").lines().toList();
		assertEquals("slice_id,rehomed,rehoming_reliable,correction", lines.get(0));
		assertEquals(36, lines.size());
		assertTrue(lines.contains("04,true,true,tile_offset"), r.out());
		assertTrue(lines.contains("07,true,true,spike"), r.out());
		assertTrue(lines.contains("08,true,true,spike"), "the glitch's return is corrected too\n" + r.out());
		assertTrue(lines.contains("16,false,false,"), "a real 0.66 mm step stays, flagged unreliable\n" + r.out());
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals(Boolean.TRUE, c.getBoolean("22", SliceColumns.REHOMED));
		assertEquals("", c.get("00", SliceColumns.REHOMED));
		assertTrue(Files.readAllLines(shiftsOut).get(0).endsWith(",reliable"));
	}

	@Test
	void autoExcludeOnTheReferenceSeries() throws IOException {
		final Path dir = TestFiles.resource("reference/oct/stages/auto_exclude/zcorr_runs");
		final Path out = tmp.resolve("slice_config.csv");
		final CliRun r = CliRun.of("slice-config", "auto-exclude", dir.resolve("slice_config.csv").toString(),
				"--metrics", dir.resolve("metrics").toString(), "--z-corr-threshold", "0.4", "--consecutive-threshold",
				"3", "-o", out.toString());
		assertEquals(0, r.exit(), r.toString());
		assertEquals(List.of("01", "02", "03", "10", "11", "12", "14", "28", "29", "30", "31", "32", "33", "35", "37",
				"38", "48", "49", "50"), r.out().replace("\r\n", "\n").lines().toList());
		assertTrue(r.err().contains("slice 26") && r.err().contains("slice 36"), r.err());
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals("false", c.get("09", SliceColumns.AUTO_EXCLUDED), "stale true cleared");
		assertEquals(Boolean.FALSE, c.getBoolean("49", SliceColumns.USE), "new row for a slice missing from the config");

		final CliRun bad = CliRun.of("slice-config", "auto-exclude", dir.resolve("slice_config.csv").toString(),
				"--metrics", tmp.resolve("none").toString(), "-o", tmp.resolve("x.csv").toString());
		assertEquals(2, bad.exit(), bad.toString());
		assertFalse(Files.exists(tmp.resolve("x.csv")));
	}
}
