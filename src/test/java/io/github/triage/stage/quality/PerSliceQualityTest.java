package io.github.triage.stage.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cli.QualityCliTestData;
import io.github.triage.io.MosaicFolder;
import io.github.triage.io.QualityFragments;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.WarningList;

/**
 * The fan-out route (measure each slice with its neighbours, then consolidate) against the whole-folder stage: the
 * same slice_config and report CSV, byte for byte.
 */
class PerSliceQualityTest {
	private static final QualityDecisions.Options DECISIONS = new QualityDecisions.Options(1, true, 1.5, 0.3);

	/** Measures every slice of a folder, one stage run per slice, into {@code fragments}. */
	static void measureEach(final Path mosaics, final Path fragments, final QualitySettings settings, final int level)
			throws Exception {
		final List<MosaicFolder.Entry> es = MosaicFolder.list(mosaics, null);
		try (CpuImageOps ops = new CpuImageOps()) {
			for (int i = 0; i < es.size(); i++) {
				final Path prev = i > 0 ? es.get(i - 1).path : null, next = i + 1 < es.size() ? es.get(i + 1).path : null;
				final MeasureSliceStage.Result r = new MeasureSliceStage().run(
						new MeasureSliceStage.Options(es.get(i).path, prev, next, fragments, settings, level), ops,
						new WarningList());
				assertTrue(Files.isRegularFile(r.diagnostics()));
				assertEquals(fragments.resolve(QualityFragments.fileName(es.get(i).sliceId())), r.fragment());
			}
		}
	}

	@Test
	void perSliceRouteWritesTheSameConfigAndReportAsTheWholeFolder(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.referenceCopy(dir);
		final Path existing = dir.resolve("existing.csv");
		Files.writeString(existing, "slice_id,use,galvo_confidence,notes\n01,true,0.9,\n02,false,0.1,manually_excluded\n");

		final Path whole = dir.resolve("whole/slice_config.csv");
		try (CpuImageOps ops = new CpuImageOps()) {
			new AssessQualityStage().run(new AssessQualityStage.Options(mosaics, whole, null, false, false, existing,
					DECISIONS, QualitySettings.DEFAULT, 0), ops, new WarningList());
		}
		final Path fragments = dir.resolve("fragments");
		measureEach(mosaics, fragments, QualitySettings.DEFAULT, 0);
		final Path perSlice = dir.resolve("per-slice/slice_config.csv");
		final WarningList l = new WarningList();
		final ConsolidateQualityStage.Result r = new ConsolidateQualityStage().run(new ConsolidateQualityStage.Options(
				fragments, perSlice, null, false, existing, DECISIONS), null, l);
		assertTrue(l.isEmpty(), l.toString());
		assertEquals(9, r.metrics().size());

		assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(perSlice), "slice_config");
		assertArrayEquals(Files.readAllBytes(dir.resolve("whole/slice_config_quality/quality_report.csv")),
				Files.readAllBytes(dir.resolve("per-slice/slice_config_quality/quality_report.csv")), "report CSV");
		assertTrue(Files.isRegularFile(dir.resolve("per-slice/slice_config_quality/quality_report.png")));
		assertEquals(perSlice, r.written().get(r.written().size() - 1), "slice_config is written last");
	}

	@Test
	void consolidationWarnsAboutAMissingSliceAndRefusesMixedSettings(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 4, 4, 16, 16);
		final Path fragments = dir.resolve("f");
		measureEach(mosaics, fragments, QualitySettings.DEFAULT, 0);
		Files.delete(fragments.resolve(QualityFragments.fileName("02")));
		final WarningList l = new WarningList();
		final ConsolidateQualityStage.Result r = new ConsolidateQualityStage().run(
				ConsolidateQualityStage.Options.defaults(fragments, dir.resolve("c.csv")), null, l);
		assertEquals(List.of("00", "01", "03"), r.metrics().stream().map(q -> q.sliceId()).toList());
		assertTrue(l.stream().anyMatch(w -> w.startsWith("slice 01") && w.contains("missing")), l.toString());

		// a fragment measured with another sample depth cannot be compared with the others
		final Path other = dir.resolve("other");
		measureEach(mosaics, other, QualitySettings.ofSampleDepth(2), 0);
		Files.copy(other.resolve(QualityFragments.fileName("02")), fragments.resolve(QualityFragments.fileName("02")));
		final Path out = dir.resolve("d.csv");
		final BadInputException e = assertThrows(BadInputException.class, () -> new ConsolidateQualityStage()
				.run(ConsolidateQualityStage.Options.defaults(fragments, out), null, null));
		assertTrue(e.getMessage().contains("slice_z02_quality_metrics.csv") && e.getMessage().contains("sample depth 2"),
				e.getMessage());
		assertFalse(Files.exists(out));

		// a folder given for the output slice_config is refused before anything is written
		final Path folder = Files.createDirectories(dir.resolve("config-folder"));
		final BadInputException f = assertThrows(BadInputException.class, () -> new ConsolidateQualityStage()
				.run(ConsolidateQualityStage.Options.defaults(other, folder), null, null));
		assertEquals(folder + ": output slice_config is a folder, not a file", f.getMessage());
		try (var left = Files.list(folder)) {
			assertEquals(0, left.count());
		}
	}

	@Test
	void measureSliceValidatesItsInputsFirst(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		final Path s0 = mosaics.resolve("slice_z00.ome.zarr"), s1 = mosaics.resolve("slice_z01.ome.zarr");
		final Path out = dir.resolve("out");
		try (CpuImageOps ops = new CpuImageOps()) {
			BadInputException e = assertThrows(BadInputException.class, () -> new MeasureSliceStage()
					.run(MeasureSliceStage.Options.defaults(s1, null, null, out), ops, null));
			assertTrue(e.getMessage().contains("no neighbouring slice"), e.getMessage());
			e = assertThrows(BadInputException.class, () -> new MeasureSliceStage()
					.run(MeasureSliceStage.Options.defaults(s0, s1, dir.resolve("slice_z09.tif"), out), ops, null));
			assertTrue(e.getMessage().contains("must come before slice 00") && e.getMessage().contains("slice_z09.tif"),
					e.getMessage());
		}
		assertFalse(Files.exists(out));
		// an output folder that is a file is refused before anything is measured
		final Path file = Files.writeString(dir.resolve("a-file"), "x");
		try (CpuImageOps ops = new CpuImageOps()) {
			final BadInputException e = assertThrows(BadInputException.class, () -> new MeasureSliceStage()
					.run(MeasureSliceStage.Options.defaults(s1, s0, null, file), ops, null));
			assertEquals(file + ": output folder is a file, not a folder", e.getMessage());
		}
		assertEquals("x", Files.readString(file));
		// a fragment whose row does not match its name is refused, naming file, line and column
		final Path f = Files.createDirectories(dir.resolve("frag")).resolve(QualityFragments.fileName("04"));
		Files.writeString(f, String.join(",", QualityFragments.COLUMNS) + "\n05,04,06,4,16,16,true,1,1,1,1,1,1,0,5\n");
		final BadInputException e = assertThrows(BadInputException.class, () -> QualityFragments.read(f));
		assertTrue(e.getMessage().contains("line 2, column 'slice_id'"), e.getMessage());
	}
}
