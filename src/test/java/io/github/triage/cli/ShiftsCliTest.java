package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.slice.TestFiles;

class ShiftsCliTest {
	@TempDir
	Path tmp;

	private static List<String> lines(final String s) {
		return List.of(s.replace("\r\n", "\n").strip().split("\n"));
	}

	@Test
	void specExampleWithSliceConfig() throws IOException {
		final Path shifts = tmp.resolve("shifts_xy.csv");
		Files.writeString(shifts, "fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n"
				+ "0,1,10,5,10,5\n1,2,8,3,8,3\n2,3,12,7,12,7\n3,4,5,2,5,2\n4,5,9,4,9,4\n");
		final Path cfg = tmp.resolve("slice_config.csv");
		Files.writeString(cfg, "slice_id,use\n0,true\n1,false\n2,true\n3,false\n4,true\n5,false\n");
		CliRun r = CliRun.of("shifts", "cumulative", shifts.toString(), "--slice-config", cfg.toString());
		assertEquals(0, r.exit(), r.toString());
		assertEquals(List.of("slice_id,dx_mm,dy_mm", "00,0,0", "02,18,8", "04,35,17"), lines(r.out()));
		assertEquals("", r.err());

		r = CliRun.of("shifts", "cumulative", shifts.toString(), "--slice-config", cfg.toString(),
				"--resolution-um", "1000,500", "--center");
		assertEquals(0, r.exit(), r.toString());
		assertEquals(List.of("slice_id,dx_mm,dy_mm,dx_px,dy_px", "00,-18,-8,-18,-16", "02,0,0,0,0",
				"04,17,9,17,18"), lines(r.out()));

		r = CliRun.of("shifts", "cumulative", shifts.toString());
		assertEquals(7, lines(r.out()).size(), "every slice of the file without a config\n" + r);
	}

	@Test
	void referenceSeriesWithGapWarnsOnStderr() {
		final Path dir = TestFiles.resource("reference/oct/shifts/series_missing_pair");
		final CliRun r = CliRun.of("shifts", "cumulative", dir.resolve("shifts_xy.csv").toString(), "--slice-config",
				dir.resolve("slice_config.csv").toString(), "--resolution-um", "8,12");
		assertEquals(0, r.exit(), r.toString());
		final List<String> out = lines(r.out());
		assertEquals(8, out.size());
		assertEquals("11,-0.0126,-0.0043,-1.575,-0.35833333333333334", out.get(2));
		assertEquals("21,0,0,0,0", out.get(7));
		assertTrue(r.err().contains("15 -> 17") && r.err().contains("slice 21"), r.toString());
		assertTrue(r.err().lines().allMatch(l -> l.startsWith("triage: warning: ")), r.err());
	}

	@Test
	void badInputExitsTwo() throws IOException {
		final Path dir = TestFiles.resource("reference/oct/shifts/series_gap");
		final String shifts = dir.resolve("shifts_xy.csv").toString();
		final Path none = tmp.resolve("none.csv");
		Files.writeString(none, "slice_id,use\n1,false\n2,no\n");
		CliRun r = CliRun.of("shifts", "cumulative", shifts, "--slice-config", none.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("no slices selected"), r.toString());
		assertEquals("", r.out());

		for (final String res : List.of("0", "-3", "abc", "1,2,3", ""))
			assertEquals(2, CliRun.of("shifts", "cumulative", shifts, "--resolution-um", res).exit(), res);

		final Path dup = tmp.resolve("dup.csv");
		Files.writeString(dup, "fixed_id,moving_id,x_shift_mm,y_shift_mm\n0,1,1,1\n0,1,1,1\n");
		r = CliRun.of("shifts", "cumulative", dup.toString());
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("0 -> 1") && r.err().contains("twice"), r.toString());
	}
}
