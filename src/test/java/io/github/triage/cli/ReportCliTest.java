package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage report}: arguments and exit codes (the report itself is tested in ReportStageTest). */
class ReportCliTest {

	@Test
	void writesTheReportAndNamesIt(@TempDir final Path dir) throws Exception {
		final Path config = dir.resolve("c.csv"), out = dir.resolve("r.html");
		Files.writeString(config, "slice_id,use,quality_score,notes\n00,false,0.8,calibration_slice\n01,true,0.7,\n"
				+ "02,false,0.1,low_quality (quality_score<0.3)\n");
		final Path warnings = dir.resolve("w.txt");
		Files.writeString(warnings, "02_galvo: galvo: slice 04: no tile folder\n\n");
		final CliRun r = CliRun.of("report", config.toString(), "-o", out.toString(), "--min-quality", "0.3",
				"--title", "Brain A", "--warnings", warnings.toString(), "-q");
		assertEquals(0, r.exit(), r.toString());
		assertEquals(out.toString(), r.out().strip());
		final String html = Files.readString(out);
		assertTrue(html.contains("<title>Brain A</title>") && html.contains("threshold 0.3 "), html);
		assertTrue(html.contains("<li>02_galvo: galvo: slice 04: no tile folder</li>"), html);
	}

	@Test
	void badInputExitsTwoAndWritesNothing(@TempDir final Path dir) {
		final Path out = dir.resolve("r.html");
		final CliRun r = CliRun.of("report", dir.resolve("none.csv").toString(), "-o", out.toString(), "--mosaics",
				dir.resolve("nodir").toString(), "--thumbnail", "MID");
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("none.csv") && r.err().contains("nodir"), r.err());
		assertFalse(Files.exists(out));
		assertEquals(2, CliRun.of("report", "c.csv").exit(), "-o is required");
		assertEquals(2, CliRun.of("report", "c.csv", "-o", out.toString(), "--warnings",
				dir.resolve("no.txt").toString()).exit(), "a missing warnings file");
	}
}
