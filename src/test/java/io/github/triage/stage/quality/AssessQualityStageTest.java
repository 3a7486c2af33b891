package io.github.triage.stage.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cli.QualityCliTestData;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.ReferenceQualityTest;
import io.github.triage.quality.SliceQuality;
import io.github.triage.quality.WarningList;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/** The whole-folder quality stage on files: scores, decisions, outputs, the update rule and bad input. */
class AssessQualityStageTest {
	static AssessQualityStage.Options options(final Path mosaics, final Path out, final QualityDecisions.Options d) {
		return new AssessQualityStage.Options(mosaics, out, null, false, false, null, d, QualitySettings.DEFAULT, 0);
	}

	static AssessQualityStage.Result run(final AssessQualityStage.Options o, final WarningList l) throws Exception {
		try (CpuImageOps ops = new CpuImageOps()) {
			return new AssessQualityStage().run(o, ops, l);
		}
	}

	@Test
	void assessesTheReferenceSeriesAndWritesConfigReportAndDiagnostics(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.referenceCopy(dir);
		final Path out = dir.resolve("out/slice_config.csv");
		final AssessQualityStage.Result r = run(options(mosaics, out, new QualityDecisions.Options(1, false, 1.5, 0.3)),
				new WarningList());
		final Map<String, CSVRecord> exp = ReferenceQualityTest.expected();
		assertEquals(exp.size(), r.metrics().size());
		for (final SliceQuality q : r.metrics()) {
			final CSVRecord e = exp.get(q.sliceId());
			assertEquals(ReferenceQualityTest.d(e, "quality_score"), q.qualityScore(), 0.01, q.sliceId());
			assertEquals(ReferenceQualityTest.d(e, "ssim"), q.ssim(), 0.01, q.sliceId());
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
		assertEquals(rep, r.reportDir());
		assertTrue(Files.readString(rep.resolve("quality_report.csv")).contains("\n05,10,128,128,true,"));
		assertNotNull(ImageIO.read(rep.resolve("quality_report.png").toFile()));
		assertTrue(Files.readString(rep.resolve("slice_07_quality.json")).contains("\"edge\": 0.49"));
		assertEquals(out, r.written().get(r.written().size() - 1), "slice_config is written last");
	}

	@Test
	void updateExistingKeepsEarlierDecisionsAndColumns(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 4, 6, 24, 24);
		final Path existing = dir.resolve("existing.csv");
		Files.writeString(existing, "slice_id,use,galvo_confidence,notes,my_column\n"
				+ "01,true,0.9,,a\n02,false,0.1,manually_excluded,b\n09,true,,,c\n");
		final Path out = dir.resolve("slice_config.csv");
		final AssessQualityStage.Options fromExisting = new AssessQualityStage.Options(mosaics, out, null, false, false,
				existing, QualityDecisions.Options.DEFAULT, QualitySettings.DEFAULT, 0);
		run(fromExisting, new WarningList());
		final byte[] first = Files.readAllBytes(out);
		// rerunning on its own output (update the output file) changes nothing: notes are not appended twice
		run(new AssessQualityStage.Options(mosaics, out, null, false, true, null, QualityDecisions.Options.DEFAULT,
				QualitySettings.DEFAULT, 0), new WarningList());
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
	void updatingAnOutputThatDoesNotExistWritesANewConfigAndAMissingExistingConfigIsBadInput(@TempDir final Path dir)
			throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		final Path out = dir.resolve("new.csv");
		final WarningList l = new WarningList();
		run(new AssessQualityStage.Options(mosaics, out, null, false, true, null, QualityDecisions.Options.DEFAULT,
				QualitySettings.DEFAULT, 0), l);
		assertTrue(l.infos.stream().anyMatch(m -> m.contains("does not exist yet")), l.infos.toString());
		assertEquals(SliceColumns.CANONICAL, SliceConfigFiles.read(out).columns());

		final Path out2 = dir.resolve("other.csv");
		final BadInputException e = assertThrows(BadInputException.class, () -> run(new AssessQualityStage.Options(
				mosaics, out2, null, false, false, dir.resolve("missing.csv"), QualityDecisions.Options.DEFAULT,
				QualitySettings.DEFAULT, 0), new WarningList()));
		assertTrue(e.getMessage().contains("missing.csv") && e.getMessage().contains("not found"), e.getMessage());
		assertFalse(Files.exists(out2));
		// a folder given for the file is named as one, and nothing is written either
		final BadInputException f = assertThrows(BadInputException.class, () -> run(new AssessQualityStage.Options(
				mosaics, out2, null, false, false, mosaics, QualityDecisions.Options.DEFAULT, QualitySettings.DEFAULT,
				0), new WarningList()));
		assertTrue(f.getMessage().contains(mosaics + ": ") && f.getMessage().contains("is a folder, not a file"),
				f.getMessage());
		assertFalse(Files.exists(out2));
	}

	@Test
	void reportOnlyWritesNothingAndDetectsCalibration(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("mosaics"), 4, 4, 16, 16);
		QualityCliTestData.write(mosaics.resolve("slice_z00.ome.zarr"), 8, 16, 16, 0); // thick first slice
		final AssessQualityStage.Result r = run(new AssessQualityStage.Options(mosaics, null, null, true, false, null,
				new QualityDecisions.Options(0, true, 1.5, 0), QualitySettings.DEFAULT, 0), new WarningList());
		assertEquals(List.of("00"), r.decisions().stream().filter(QualityDecisions.Decision::calibrationDetected)
				.map(QualityDecisions.Decision::sliceId).toList());
		assertTrue(r.written().isEmpty());
		assertNull(r.config());
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(List.of("mosaics"), s.map(p -> p.getFileName().toString()).toList());
		}
	}

	@Test
	void badInputIsNamedAndNothingIsWritten(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("cfg.csv");
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		assertBad(options(empty, out, QualityDecisions.Options.DEFAULT), "no slice mosaics found");

		final Path one = QualityCliTestData.synthetic(dir.resolve("one"), 1, 4, 16, 16);
		assertBad(options(one, out, QualityDecisions.Options.DEFAULT), "slice 00", "only slice");

		final Path corrupt = QualityCliTestData.synthetic(dir.resolve("corrupt"), 3, 4, 16, 16);
		Files.writeString(corrupt.resolve("slice_z01.ome.zarr/0/.zarray"), "{\"zarr_format\": 2, \"shape\": [4,");
		assertBad(options(corrupt, out, QualityDecisions.Options.DEFAULT), "slice 01", ".zarray");

		final Path badLevel = QualityCliTestData.synthetic(dir.resolve("level"), 3, 4, 16, 16);
		assertBad(new AssessQualityStage.Options(badLevel, out, null, false, false, null,
				QualityDecisions.Options.DEFAULT, QualitySettings.DEFAULT, 3), "slice 00", "pyramid level 3");
		// every problem at once, in the user's words (no flag names)
		final BadInputException all = assertBad(new AssessQualityStage.Options(dir.resolve("nowhere"), null, null, false,
				false, null, QualityDecisions.Options.DEFAULT, QualitySettings.DEFAULT, -1), "3 problems");
		assertTrue(all.getMessage().contains("pyramid level must be >= 0") && !all.getMessage().contains("--"),
				all.getMessage());
		final IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
				() -> new QualityDecisions.Options(-1, false, 1.5, 0));
		assertEquals("exclude-first must be >= 0, got -1", neg.getMessage());
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(dir.resolve("cfg_quality")));

		// a missing chunk: the slice is named in a warning, the run completes
		final Path missing = QualityCliTestData.synthetic(dir.resolve("missing"), 3, 4, 16, 16);
		Files.delete(missing.resolve("slice_z02.ome.zarr/0/1/0/0"));
		final WarningList l = new WarningList();
		run(options(missing, out, QualityDecisions.Options.DEFAULT), l);
		assertTrue(l.stream().anyMatch(w -> w.startsWith("slice 02") && w.contains("missing")), l.toString());
		assertTrue(Files.readString(dir.resolve("cfg_quality/slice_02_quality.json")).contains("missing"));
	}

	@Test
	void mismatchedPlaneSizesAreComparedOnTheCommonRegionWithAWarning(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		QualityCliTestData.write(mosaics.resolve("slice_z01.ome.zarr"), 4, 20, 18, 1);
		final WarningList l = new WarningList();
		run(options(mosaics, dir.resolve("c.csv"), QualityDecisions.Options.DEFAULT), l);
		assertTrue(l.stream().anyMatch(w -> w.startsWith("slice 01") && w.contains("20 × 18")), l.toString());
	}

	private static BadInputException assertBad(final AssessQualityStage.Options o, final String... parts) {
		final BadInputException e = assertThrows(BadInputException.class, () -> run(o, new WarningList()));
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), e.getMessage());
		return e;
	}
}
