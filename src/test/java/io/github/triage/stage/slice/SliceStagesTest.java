package io.github.triage.stage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.TestFiles;
import io.github.triage.slice.Warnings;

/** The slice stages called directly, as every face calls them. */
class SliceStagesTest {
	private static final String MANIFEST = "slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n";

	@TempDir
	Path tmp;

	private Path spec() throws IOException {
		final Path p = tmp.resolve("in/slice_config.csv");
		Files.createDirectories(p.getParent());
		Files.copy(TestFiles.resource("slice/spec_example.csv"), p);
		return p;
	}

	@Test
	void mergeWritesANewConfigAndLeavesTheInput() throws IOException {
		final Path in = spec(), before = tmp.resolve("before.csv");
		Files.copy(in, before);
		final Path frag = Files.createDirectories(tmp.resolve("frag"));
		Files.writeString(frag.resolve("slice_z07_manifest.csv"), MANIFEST + "7,zmorph,zmorph,,false,x\n");
		Files.writeString(frag.resolve("slice_z03_quality.csv"), "slice_id,quality_score\n3,0.5\n");
		final Path out = tmp.resolve("out/merged.csv");
		final MergeFragmentsStage.Result r = new MergeFragmentsStage().run(new MergeFragmentsStage.Options(in, frag, out),
				null, Listener.NONE);
		assertEquals(List.of("03", "07"), r.merged());
		assertEquals(Files.readString(before), Files.readString(in), "the input is not touched");
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals("0.5", c.get("03", SliceColumns.QUALITY_SCORE));
		assertEquals(Boolean.TRUE, c.getBoolean("07", SliceColumns.INTERPOLATED));
		assertEquals(Boolean.FALSE, c.getBoolean("07", SliceColumns.USE), "a manifest never changes use");
	}

	@Test
	void mergeRefusesAFragmentForAnUnknownSliceAndWritesNothing() throws IOException {
		final Path in = spec();
		final Path frag = Files.createDirectories(tmp.resolve("frag"));
		Files.writeString(frag.resolve("slice_z06_manifest.csv"), MANIFEST + "6,zmorph,zmorph,,false,x\n");
		final Path out = tmp.resolve("merged.csv");
		final BadInputException e = assertThrows(BadInputException.class,
				() -> new MergeFragmentsStage().run(new MergeFragmentsStage.Options(in, frag, out), null, Listener.NONE));
		assertTrue(e.getMessage().contains("slice_z06_manifest.csv: line 2: slice 06 is not in slice_config"),
				e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void problemsAreReportedAllAtOnce() {
		final BadInputException e = assertThrows(BadInputException.class,
				() -> new MergeFragmentsStage().run(new MergeFragmentsStage.Options(tmp.resolve("none.csv"),
						tmp.resolve("nofolder"), null), null, Listener.NONE));
		assertTrue(e.getMessage().startsWith("3 problems"), e.getMessage());
		assertTrue(e.getMessage().contains("none.csv") && e.getMessage().contains("nofolder"), e.getMessage());
	}

	@Test
	void aManualStampNotesTheChangeByHandWithTheDate() throws IOException {
		final Path in = spec();
		new StampStage().run(StampStage.Options.sameForAll(in, in, List.of("1"), Map.of(SliceColumns.NOTES, "before"),
				false), null, Listener.NONE);
		new StampStage().run(StampStage.Options.sameForAll(in, in, List.of("1", "2"), Map.of(SliceColumns.USE, "false"),
				false).manual("2025-03-01"), null, Listener.NONE);
		final SliceConfig c = SliceConfigFiles.read(in);
		assertEquals("before; use=false by hand on 2025-03-01", c.get("01", SliceColumns.NOTES));
		assertTrue(c.get("02", SliceColumns.NOTES).endsWith("use=false by hand on 2025-03-01"), c.get("02", SliceColumns.NOTES));
		// a manual note change alone is no change of use: nothing added
		new StampStage().run(StampStage.Options.sameForAll(in, in, List.of("3"), Map.of(SliceColumns.NOTES, "x"), false)
				.manual("2025-03-01"), null, Listener.NONE);
		assertEquals("x", SliceConfigFiles.read(in).get("03", SliceColumns.NOTES));
	}

	@Test
	void stampInPlaceAndStampWithABadValueWritesNothing() throws IOException {
		final Path in = spec();
		final StampStage.Result r = new StampStage().run(StampStage.Options.sameForAll(in, in, List.of("1", "9"),
				Map.of(SliceColumns.NOTES, "checked"), true), null, Listener.NONE);
		assertEquals(List.of("01", "09"), r.stamped());
		final SliceConfig c = SliceConfigFiles.read(in);
		assertEquals("checked", c.get("01", SliceColumns.NOTES));
		assertEquals(Boolean.FALSE, c.getBoolean("09", SliceColumns.USE), "an unknown slice gets a row, use=false");

		final String before = Files.readString(in);
		final BadInputException e = assertThrows(BadInputException.class, () -> new StampStage().run(
				StampStage.Options.sameForAll(in, in, List.of("1"), Map.of(SliceColumns.USE, "perhaps"), false), null,
				Listener.NONE));
		assertTrue(e.getMessage().contains("perhaps") && e.getMessage().contains(in.toString()), e.getMessage());
		assertEquals(before, Files.readString(in));
	}

	@Test
	void generateWarnsThroughTheListenerAndChecksItsOptions() throws IOException {
		final Path shifts = TestFiles.resource("reference/oct/shifts/series_missing_pair/shifts_xy.csv");
		final Path out = tmp.resolve("cfg.csv");
		final Warnings w = new Warnings();
		final GenerateSliceConfigStage.Result r = new GenerateSliceConfigStage().run(new GenerateSliceConfigStage.Options(
				GenerateSliceConfigStage.Source.SHIFTS, shifts, List.of("12", "99"), 1, out, null), null, w);
		assertEquals(List.of("11", "14", "15", "17", "18", "19"), r.used());
		assertEquals(1, w.list.size(), w.list.toString());
		assertTrue(w.list.get(0).contains("99") && !w.list.get(0).contains("--"), "no flag names in core messages");
		assertEquals(r.config().ids(), SliceConfigFiles.read(out).ids());

		final BadInputException e = assertThrows(BadInputException.class,
				() -> new GenerateSliceConfigStage().run(new GenerateSliceConfigStage.Options(
						GenerateSliceConfigStage.Source.MOSAICS, tmp.resolve("nomosaics"), List.of(), -1,
						tmp.resolve("x.csv"), null), null, Listener.NONE));
		assertTrue(e.getMessage().contains("exclude-first must be >= 0") && e.getMessage().contains("nomosaics"),
				e.getMessage());
		assertFalse(Files.exists(tmp.resolve("x.csv")));
	}

	@Test
	void selectListsUsedAndForceSkippedSlices() throws IOException {
		final Path in = spec();
		assertEquals(List.of("01", "03", "04", "05"), new SelectStage().run(
				new SelectStage.Options(in, SelectStage.Selection.USE), null, Listener.NONE).ids());
		assertEquals(List.of("00", "02", "07", "04"), new SelectStage().run(
				new SelectStage.Options(in, SelectStage.Selection.FORCE_SKIP), null, Listener.NONE).ids());
	}

	@Test
	void rehomingAndAutoExclusionOnTheReferenceSeries() throws IOException {
		final Path dir = TestFiles.resource("reference/oct/stages/rehoming/rehome_tile_and_glitch");
		final RehomingStage.Result rh = new RehomingStage().run(RehomingStage.Options.defaults(
				dir.resolve("slice_config.csv"), dir.resolve("shifts_xy.csv"), 0.875, tmp.resolve("rh.csv")), null,
				Listener.NONE);
		assertTrue(rh.rows().contains(List.of("07", "true", "true", "spike")), rh.rows().toString());
		assertEquals(Boolean.TRUE, SliceConfigFiles.read(tmp.resolve("rh.csv")).getBoolean("22", SliceColumns.REHOMED));
		assertFalse(Files.exists(tmp.resolve("shifts_corrected.csv")), "corrected shifts only when asked");
		final BadInputException bad = assertThrows(BadInputException.class, () -> new RehomingStage().run(
				RehomingStage.Options.defaults(dir.resolve("slice_config.csv"), dir.resolve("shifts_xy.csv"), -1,
						tmp.resolve("bad.csv")), null, Listener.NONE));
		assertTrue(bad.getMessage().contains("tile FOV"), bad.getMessage());
		assertFalse(Files.exists(tmp.resolve("bad.csv")));

		final Path ref = TestFiles.resource("reference/oct/stages/auto_exclude/zcorr_runs");
		final Warnings w = new Warnings();
		final AutoExclusionStage.Result ax = new AutoExclusionStage().run(AutoExclusionStage.Options.defaults(
				ref.resolve("slice_config.csv"), ref.resolve("metrics"), tmp.resolve("ax.csv")), null, w);
		assertEquals(List.of("01", "02", "03"), ax.excluded().subList(0, 3));
		assertTrue(ax.notEvaluated().contains("26") && ax.notEvaluated().contains("36"), ax.notEvaluated().toString());
		assertTrue(w.list.stream().anyMatch(m -> m.contains("slice 26")), w.list.toString());
	}

	@Test
	void autoExclusionOfMostSlicesWarnsWithTheNumbers() throws IOException {
		final Path metrics = tmp.resolve("metrics");
		final double[] z = { 0.9, 0.1, 0.2, 0.15, 0.1 };
		for (int i = 0; i < z.length; i++) {
			final Path f = metrics.resolve("slice_z0" + i + "/pairwise_registration_metrics.json");
			Files.createDirectories(f.getParent());
			Files.writeString(f, "{\"metrics\": {\"z_correlation\": {\"value\": " + z[i] + "}}}");
		}
		final Path in = tmp.resolve("in.csv");
		Files.writeString(in, "slice_id,use\n00,true\n01,true\n02,true\n03,true\n04,true\n");
		final Warnings w = new Warnings();
		final AutoExclusionStage.Result r = new AutoExclusionStage().run(
				AutoExclusionStage.Options.defaults(in, metrics, tmp.resolve("out.csv")), null, w);
		assertEquals(List.of("01", "02", "03", "04"), r.excluded());
		assertTrue(w.list.contains("auto-exclusion: 4 of 5 slices excluded (over half); check the threshold and the "
				+ "inputs before trusting this"), w.list.toString());
	}

	@Test
	void cumulativeShiftsWritesTheTableWhenAsked() throws IOException {
		final Path dir = TestFiles.resource("reference/oct/shifts/series_missing_pair");
		final Path out = tmp.resolve("cum.csv");
		final Warnings w = new Warnings();
		final CumulativeShiftsStage.Result r = new CumulativeShiftsStage().run(new CumulativeShiftsStage.Options(
				dir.resolve("shifts_xy.csv"), dir.resolve("slice_config.csv"), CumulativeShiftsStage.Resolution.parse("8,12"),
				false, out), null, w);
		assertEquals(r.csv(), Files.readString(out));
		assertEquals("11,-0.0126,-0.0043,-1.575,-0.35833333333333334", Files.readAllLines(out).get(2));
		assertTrue(w.list.stream().anyMatch(m -> m.contains("15 -> 17")), w.list.toString());
		assertEquals(new CumulativeShiftsStage.Resolution(10, 10), CumulativeShiftsStage.Resolution.parse(" 10 "));
		for (final String bad : List.of("0", "-3", "abc", "1,2,3", ""))
			assertThrows(BadInputException.class, () -> CumulativeShiftsStage.Resolution.parse(bad), bad);
	}
}
