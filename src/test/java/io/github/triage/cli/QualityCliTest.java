package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.quality.ReferenceQualityTest;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import picocli.CommandLine;

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

	/** The reference slices as OME-Zarr only. */
	static Path referenceCopy(final Path dir) throws Exception {
		final Path src = Paths.get(QualityCliTest.class.getResource("/oct/quality").toURI());
		final Path dst = Files.createDirectories(dir.resolve("mosaics"));
		try (Stream<Path> s = Files.walk(src)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final String rel = src.relativize(p).toString();
				if (!rel.contains(".ome.zarr")) continue;
				final Path t = dst.resolve(rel);
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t);
			}
		}
		return dst;
	}

	@Test
	void assessesTheReferenceSeriesAndWritesConfigReportAndDiagnostics(@TempDir final Path dir) throws Exception {
		final Path mosaics = referenceCopy(dir);
		final Path out = dir.resolve("out/slice_config.csv");
		final Run r = run("quality", "assess", mosaics.toString(), out.toString(), "--min-quality", "0.3",
				"--no-use-gpu");
		assertEquals(0, r.code(), r.err());
		final List<String> lines = r.out().lines().toList();
		assertEquals("slice_id,ssim,edge,variance,quality_score", lines.get(0));
		final Map<String, CSVRecord> exp = ReferenceQualityTest.expected();
		assertEquals(exp.size() + 1, lines.size());
		for (final String line : lines.subList(1, lines.size())) {
			final String[] f = line.split(",");
			final CSVRecord e = exp.get(f[0]);
			assertEquals(ReferenceQualityTest.d(e, "ssim"), Double.parseDouble(f[1]), 0.01, line);
			assertEquals(ReferenceQualityTest.d(e, "edge"), Double.parseDouble(f[2]), 0.01, line);
			assertEquals(ReferenceQualityTest.d(e, "variance"), Double.parseDouble(f[3]), 0.01, line);
			assertEquals(ReferenceQualityTest.d(e, "quality_score"), Double.parseDouble(f[4]), 0.01, line);
		}
		final SliceConfig cfg = SliceConfigFiles.read(out);
		assertEquals(SliceColumns.CANONICAL, cfg.columns());
		assertEquals("calibration_slice", cfg.get("00", "notes"));
		assertEquals(Boolean.FALSE, cfg.getBoolean("00", "use"));
		// 05 (noisy, 0.252) and 08 (empty, 0.195) are below 0.3
		assertEquals(List.of("01", "02", "03", "04", "06", "07"), cfg.filterSlicesToUse());
		assertEquals("low_quality (quality_score<0.3)", cfg.get("05", "notes"));
		assertEquals("0.195", cfg.get("08", "quality_score"));
		final Path rep = dir.resolve("out/slice_config_quality");
		assertTrue(Files.readString(rep.resolve("quality_report.csv")).contains("\n05,10,128,128,true,"));
		assertNotNull(ImageIO.read(rep.resolve("quality_report.png").toFile()));
		assertTrue(Files.readString(rep.resolve("slice_07_quality.json")).contains("\"edge\": 0.49"));
	}

	@Test
	void updateExistingKeepsEarlierDecisionsAndColumns(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir, 4, 6, 24, 24);
		final Path existing = dir.resolve("existing.csv");
		Files.writeString(existing, "slice_id,use,galvo_confidence,notes,my_column\n"
				+ "01,true,0.9,,a\n02,false,0.1,manually_excluded,b\n09,true,,,c\n");
		final Path out = dir.resolve("slice_config.csv");
		byte[] first = null;
		for (int k = 0; k < 2; k++) {
			final Run r = run("quality", "assess", mosaics.toString(), out.toString(), "--update-existing",
					"--existing-config", (k == 0 ? existing : out).toString(), "--no-use-gpu");
			assertEquals(0, r.code(), r.err());
			if (k == 0) first = Files.readAllBytes(out);
		}
		// rerunning on its own output changes nothing (notes are not appended twice)
		assertArrayEquals(first, Files.readAllBytes(out));
		final SliceConfig cfg = SliceConfigFiles.read(out);
		assertEquals("0.9", cfg.get("01", "galvo_confidence"));
		assertEquals("a", cfg.get("01", "my_column"));
		assertEquals("calibration_slice", cfg.get("00", "notes")); // new row for 00, excluded as first slice
		assertEquals(Boolean.FALSE, cfg.getBoolean("02", "use"));
		assertEquals("manually_excluded", cfg.get("02", "notes"));
		assertFalse(cfg.get("02", "quality_score").isEmpty());
		assertTrue(cfg.contains("09")); // rows without a mosaic are kept
		assertEquals(Boolean.TRUE, cfg.getBoolean("03", "use"));
	}

	@Test
	void reportOnlyWritesNothingAndDetectsCalibration(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("mosaics"), 4, 4, 16, 16);
		QualityCliTestData.write(mosaics.resolve("slice_z00.ome.zarr"), 8, 16, 16, 0); // thick first slice
		final Path out = dir.resolve("cfg.csv");
		final Run r = run("quality", "assess", mosaics.toString(), out.toString(), "--report-only", "--exclude-first",
				"0", "--detect-calibration", "--no-use-gpu");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.err().contains("Calibration slices detected (depth / median > 1.5): [00]"), r.err());
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(List.of("mosaics"), s.map(p -> p.getFileName().toString()).toList());
		}
	}

	@Test
	void badInputIsNamedAndNothingIsWritten(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("cfg.csv");
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		Run r = run("quality", "assess", empty.toString(), out.toString(), "--no-use-gpu");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("no slice mosaics found"), r.err());
		assertEquals("", r.out());

		final Path one = QualityCliTestData.synthetic(dir.resolve("one"), 1, 4, 16, 16);
		r = run("quality", "assess", one.toString(), out.toString(), "--no-use-gpu");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("slice 00") && r.err().contains("only slice"), r.err());

		final Path corrupt = QualityCliTestData.synthetic(dir.resolve("corrupt"), 3, 4, 16, 16);
		Files.writeString(corrupt.resolve("slice_z01.ome.zarr/0/.zarray"), "{\"zarr_format\": 2, \"shape\": [4,");
		r = run("quality", "assess", corrupt.toString(), out.toString(), "--no-use-gpu");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("slice 01") && r.err().contains(".zarray"), r.err());

		final Path badLevel = QualityCliTestData.synthetic(dir.resolve("level"), 3, 4, 16, 16);
		r = run("quality", "assess", badLevel.toString(), out.toString(), "--no-use-gpu", "--pyramid-level", "3");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("slice 00") && r.err().contains("pyramid level 3"), r.err());
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(dir.resolve("cfg_quality")));

		// a missing chunk: the slice is named in a warning, the run completes
		final Path missing = QualityCliTestData.synthetic(dir.resolve("missing"), 3, 4, 16, 16);
		Files.delete(missing.resolve("slice_z02.ome.zarr/0/1/0/0"));
		r = run("quality", "assess", missing.toString(), out.toString(), "--no-use-gpu");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.err().contains("Warning: slice 02") && r.err().contains("missing"), r.err());
		assertTrue(Files.readString(dir.resolve("cfg_quality/slice_02_quality.json")).contains("missing"));
	}

	@Test
	void mismatchedPlaneSizesAreComparedOnTheCommonRegionWithAWarning(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir, 3, 4, 16, 16);
		QualityCliTestData.write(mosaics.resolve("slice_z01.ome.zarr"), 4, 20, 18, 1);
		final Run r = run("quality", "assess", mosaics.toString(), dir.resolve("c.csv").toString(), "--no-use-gpu");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.err().contains("Warning: slice 01") && r.err().contains("20 × 18"), r.err());
	}
}
