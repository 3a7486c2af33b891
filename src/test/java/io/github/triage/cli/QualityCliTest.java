package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceConfig;
import picocli.CommandLine;

/** {@code triage quality …}: argument mapping and exit codes (behaviour is tested on the stages). */
class QualityCliTest {
	record Run(int code, String out, String err) {
	}

	static Run run(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final CommandLine cl = TriageCli.commandLine();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		final int code = cl.execute(args);
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void assessMapsOptionsAndPrintsTheScores(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 4, 4, 16, 16);
		final Path out = dir.resolve("out/cfg.csv");
		final Run r = run("quality", "assess", mosaics.toString(), "-o", out.toString(), "--use-gpu", "off",
				"--exclude-first", "2", "--min-quality", "0.99", "--sample-depth", "3", "--report-dir",
				dir.resolve("rep").toString());
		assertEquals(0, r.code(), r.err());
		final List<String> lines = r.out().lines().toList();
		assertEquals("slice_id,ssim,edge,variance,quality_score", lines.get(0));
		assertEquals(5, lines.size());
		final SliceConfig cfg = SliceConfigFiles.read(out);
		assertEquals("calibration_slice", cfg.get("01", "notes")); // --exclude-first 2
		assertEquals("low_quality (quality_score<0.99)", cfg.get("02", "notes"));
		assertTrue(Files.readString(dir.resolve("rep/slice_00_quality.json")).contains("\"sample_depth\": 3"));
		assertTrue(r.err().contains("CPU") || r.err().contains("cpu"), r.err());
	}

	@Test
	void defaultsAreTheSpecsAndShownInHelp() {
		final Run r = run("quality", "assess", "--help");
		assertEquals(0, r.code());
		assertTrue(r.out().contains("-o, --output=OUT_CSV"), r.out());
		assertTrue(r.out().matches("(?s).*--exclude-first=N.*Default: 1.*"), r.out());
		assertTrue(r.out().matches("(?s).*--calibration-ratio=R.*Default: 1\\.5.*"), r.out());
		assertTrue(r.out().matches("(?s).*--sample-depth=K.*Default: 5.*"), r.out());
		assertTrue(r.out().contains("--use-gpu=auto|on|off"), r.out());
		assertFalse(r.out().contains("${DEFAULT-VALUE}"), r.out());
	}

	@Test
	void badArgumentsAndBadInputExitWithTwoAndWriteNothing(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		final Path out = dir.resolve("cfg.csv");
		// OUT_CSV is no longer positional; --use-gpu takes auto|on|off
		assertEquals(2, run("quality", "assess", mosaics.toString(), out.toString()).code());
		assertEquals(2, run("quality", "assess", mosaics.toString(), "-o", out.toString(), "--use-gpu", "maybe").code());
		assertEquals(2, run("quality", "assess", mosaics.toString(), "-o", out.toString(), "--no-use-gpu").code());
		Run r = run("quality", "assess", dir.resolve("empty").toString(), "-o", out.toString(), "--use-gpu", "off");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("empty") && !r.err().contains("Exception"), r.err());
		assertEquals("", r.out());
		r = run("quality", "assess", mosaics.toString(), "-o", out.toString(), "--use-gpu", "off", "--exclude-first",
				"-1");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("exclude-first must be >= 0"), r.err());
		r = run("quality", "assess", mosaics.toString(), "--use-gpu", "off");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("output slice_config is not given"), r.err());
		assertFalse(Files.exists(out));
	}

	@Test
	void reportOnlyNeedsNoOutputAndExistingConfigImpliesUpdating(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		Run r = run("quality", "assess", mosaics.toString(), "--report-only", "--use-gpu", "off");
		assertEquals(0, r.code(), r.err());
		assertEquals(4, r.out().lines().count());
		final Path existing = dir.resolve("old.csv");
		Files.writeString(existing, "slice_id,use,my_column\n01,true,x\n");
		final Path out = dir.resolve("new.csv");
		r = run("quality", "assess", mosaics.toString(), "-o", out.toString(), "--existing-config", existing.toString(),
				"--use-gpu", "off");
		assertEquals(0, r.code(), r.err());
		assertEquals("x", SliceConfigFiles.read(out).get("01", "my_column"));
	}

	@Test
	void measureSliceAndConsolidateGiveTheSameConfigAsAssess(@TempDir final Path dir) throws Exception {
		final Path m = QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		final Path frag = dir.resolve("frag");
		for (int i = 0; i < 3; i++) {
			final String prev = i > 0 ? m.resolve(String.format("slice_z%02d.ome.zarr", i - 1)).toString() : null;
			final String next = i < 2 ? m.resolve(String.format("slice_z%02d.ome.zarr", i + 1)).toString() : null;
			final List<String> args = new java.util.ArrayList<>(List.of("quality", "measure-slice",
					m.resolve(String.format("slice_z%02d.ome.zarr", i)).toString(), "-o", frag.toString(), "--use-gpu",
					"off"));
			if (prev != null) args.addAll(List.of("--previous", prev));
			if (next != null) args.addAll(List.of("--next", next));
			final Run r = run(args.toArray(String[]::new));
			assertEquals(0, r.code(), r.err());
			assertEquals(2, r.out().lines().count());
		}
		Run r = run("quality", "consolidate", frag.toString(), "-o", dir.resolve("a.csv").toString(), "--min-quality",
				"0.5");
		assertEquals(0, r.code(), r.err());
		r = run("quality", "assess", m.toString(), "-o", dir.resolve("b.csv").toString(), "--min-quality", "0.5",
				"--use-gpu", "off");
		assertEquals(0, r.code(), r.err());
		assertArrayEquals(Files.readAllBytes(dir.resolve("b.csv")), Files.readAllBytes(dir.resolve("a.csv")));
		assertEquals(2, run("quality", "consolidate", dir.resolve("nothing").toString(), "-o",
				dir.resolve("c.csv").toString()).code());
		assertEquals(2, run("quality", "measure-slice", m.resolve("slice_z00.ome.zarr").toString(), "-o",
				frag.toString(), "--use-gpu", "off").code());
	}
}
