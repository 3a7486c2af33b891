package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.demo.SliceConfigDemo;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

class SliceConfigDemoTest {
	@TempDir
	Path tmp;

	@Test
	void demoStageWritesTheAuditTrailAndShifts() throws Exception {
		final StringWriter log = new StringWriter();
		final String summary = new SliceConfigDemo().run(tmp, new PrintWriter(log, true));
		final SliceConfig c = SliceConfigFiles.read(tmp.resolve("slice_config.csv"));
		assertEquals(List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"), c.ids());
		assertEquals(List.of("01", "02", "03", "05", "07", "08", "09", "10", "11"), c.filterSlicesToUse());
		assertEquals(List.of("00", "04", "06", "09", "10", "11"), c.forceSkipSlices());
		assertEquals("excluded; motion artifact", c.get("04", SliceColumns.NOTES));
		assertEquals(Boolean.TRUE, c.getBoolean("04", SliceColumns.INTERPOLATED));
		assertEquals(Boolean.TRUE, c.getBoolean("06", SliceColumns.INTERPOLATION_FAILED));
		// the planted re-homing (3 -> 4) and glitch (9 -> 10 -> 11) are corrected, nothing else
		for (final String id : c.ids()) {
			final boolean planted = List.of("04", "10", "11").contains(id);
			assertEquals(planted ? Boolean.TRUE : id.equals("00") || id.equals("06") || id.equals("09") ? null : Boolean.FALSE,
					c.getBoolean(id, SliceColumns.REHOMED), "slice " + id);
		}
		assertEquals(Boolean.TRUE, c.getBoolean("09", SliceColumns.AUTO_EXCLUDED));
		assertEquals(Boolean.FALSE, c.getBoolean("04", SliceColumns.AUTO_EXCLUDED), "an isolated dip is no cluster");
		final List<String> shifts = Files.readAllLines(tmp.resolve("cumulative_shifts.csv"));
		assertEquals(10, shifts.size());
		assertEquals("07,0,0,0,0", shifts.get(5), "centred on index 9/2 = 4 of the selection: slice 07");
		for (final String line : shifts.subList(1, shifts.size())) {
			final String[] f = line.split(",");
			assertTrue(Math.abs(Double.parseDouble(f[1])) < 0.3 && Math.abs(Double.parseDouble(f[2])) < 0.3,
					"no re-homing jump or glitch left in the cumulative shifts: " + line);
		}
		assertTrue(log.toString().contains("8 -> 9"), log.toString());
		assertTrue(summary.contains("interpolated: 04; interpolation failed: 06"), summary);
		assertTrue(summary.contains("rehomed: 04 10 11; auto-excluded: 09 10 11"), summary);

		final CliRun r = CliRun.of("demo", "-o", tmp.resolve("all").toString());
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().contains("[slice-config]"), r.toString());
	}
}
