package io.github.triage.stage.oct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.demo.SyntheticOct;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.galvo.StampStage;
import io.github.triage.stage.quality.AssessQualityStage;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.RehomingStage;

class OctRunStageTest {
	@TempDir
	static Path shared;
	static SyntheticOct.Inputs in;

	@TempDir
	Path tmp;

	@BeforeAll
	static void series() throws IOException {
		in = SyntheticOct.write(shared.resolve("input"));
	}

	private static OctRunStage.Result run(final OctRunStage.Options o, final List<String> lines) throws IOException {
		final Listener l = new Listener() {
			@Override
			public void progress(final int done, final int total, final String what) {
				lines.add("[" + done + "/" + total + "] " + what);
			}

			@Override
			public void info(final String message) {
				lines.add(message);
			}

			@Override
			public void warning(final String message) {
				lines.add("warning: " + message);
			}
		};
		try (CpuImageOps ops = new CpuImageOps()) {
			return new OctRunStage().run(o, ops, l);
		}
	}

	@Test
	void givesTheSameFinalConfigAsTheStagesOneByOne() throws IOException {
		final Path out = tmp.resolve("run");
		final List<String> lines = new ArrayList<>();
		final OctRunStage.Result r = run(in.options(out), lines);
		assertEquals(List.of("01_config", "02_galvo", "03_quality", "04_rehoming", "05_auto_exclusion",
				"06_interpolation", "07_align", "08_stack", "09_report"), r.ran());

		final Path d = tmp.resolve("one-by-one");
		final Path c1 = d.resolve("c1.csv"), c2 = d.resolve("c2.csv"), c3 = d.resolve("c3.csv"), c4 = d.resolve("c4.csv"),
				c5 = d.resolve("c5.csv"), c6 = d.resolve("c6.csv");
		try (CpuImageOps ops = new CpuImageOps()) {
			new GenerateSliceConfigStage().run(GenerateSliceConfigStage.Options
					.defaults(GenerateSliceConfigStage.Source.MOSAICS, in.mosaics(), c1), ops, Listener.NONE);
			new StampStage().run(StampStage.Options.defaults(c1, c2, in.tiles(), 40), ops, Listener.NONE);
			new AssessQualityStage().run(new AssessQualityStage.Options(in.mosaics(), c3, d.resolve("quality"), false,
					false, c2, new QualityDecisions.Options(1, false, AssessQualityStage.Options.CALIBRATION_RATIO, 0.3),
					QualitySettings.DEFAULT, 0), ops, Listener.NONE);
			new RehomingStage().run(RehomingStage.Options.defaults(c3, in.shifts(), SyntheticOct.TILE_FOV_MM, c4)
					.withShiftsOut(d.resolve("corrected.csv")), ops, Listener.NONE);
			new AutoExclusionStage().run(AutoExclusionStage.Options.defaults(c4, in.metrics(), c5), ops, Listener.NONE);
			new MergeFragmentsStage().run(new MergeFragmentsStage.Options(c5, in.fragments(), c6, true), ops,
					Listener.NONE);
		}
		assertArrayEquals(Files.readAllBytes(c6), Files.readAllBytes(r.finalConfig()));
		assertArrayEquals(Files.readAllBytes(d.resolve("corrected.csv")),
				Files.readAllBytes(out.resolve("04_rehoming/shifts_xy_corrected.csv")));

		// what the series plants: calibration 00, noisy 05 (interpolated), galvo at 02 and 07, re-homing at 04,
		// a low z-correlation run 08–10
		final SliceConfig c = SliceConfigFiles.read(r.finalConfig());
		assertEquals(List.of("01", "02", "03", "04", "06", "07", "08", "09", "10", "11"), c.filterSlicesToUse(),
				SliceConfigFiles.format(c));
		assertEquals(List.of("00", "05", "08", "09", "10"), r.skipped());
		assertEquals("true", c.get("02", SliceColumns.GALVO_FIX));
		assertEquals("true", c.get("07", SliceColumns.GALVO_FIX));
		assertEquals("false", c.get("03", SliceColumns.GALVO_FIX));
		assertEquals("true", c.get("04", SliceColumns.REHOMED));
		assertEquals("true", c.get("05", SliceColumns.INTERPOLATED));
		assertEquals("rehomed 04", r.steps().get(3).summary());
		assertTrue(Files.isDirectory(r.volume()), "volume");
		assertTrue(Files.isRegularFile(r.report()), "report");
		final String html = Files.readString(r.report());
		assertTrue(html.contains("data:image/png;base64,") && html.contains("03_quality"), "report with images and steps");
		// one line per step and per slice, with elapsed time and what is left
		assertTrue(lines.stream().anyMatch(s -> s.startsWith("step 3/9 03_quality: done in ")), String.join("\n", lines));
		assertTrue(lines.stream().anyMatch(s -> s.startsWith("[3/12] 03_quality:") && s.contains("left)")),
				String.join("\n", lines));
	}

	@Test
	void aSecondRunRunsNothingAndANewThresholdRerunsQualityAndWhatFollows() throws IOException {
		final Path out = tmp.resolve("run");
		run(in.options(out), new ArrayList<>());
		final Map<String, FileTime> before = recordTimes(out);
		final byte[] config = Files.readAllBytes(out.resolve(OctRunStage.FINAL_CONFIG));
		final FileTime configTime = Files.getLastModifiedTime(out.resolve(OctRunStage.FINAL_CONFIG));

		final OctRunStage.Result again = run(in.options(out), new ArrayList<>());
		assertEquals(List.of(), again.ran());
		assertEquals(before, recordTimes(out));
		assertEquals(configTime, Files.getLastModifiedTime(out.resolve(OctRunStage.FINAL_CONFIG)));

		final OctRunStage.Options o = in.options(out);
		final OctRunStage.Options stricter = new OctRunStage.Options(o.mosaicsDir(), out, null, o.galvo(),
				OctRunStage.Quality.DEFAULT.withMinQuality(0.5), o.shifts(), o.autoExclusion(), o.fragments(), false);
		final OctRunStage.Result changed = run(stricter, new ArrayList<>());
		assertEquals(List.of("03_quality", "04_rehoming", "05_auto_exclusion", "06_interpolation", "07_align",
				"08_stack", "09_report"), changed.ran());
		final Map<String, FileTime> after = recordTimes(out);
		assertEquals(before.get("01_config"), after.get("01_config"));
		assertEquals(before.get("02_galvo"), after.get("02_galvo"));
		assertFalse(before.get("03_quality").equals(after.get("03_quality")));
		assertFalse(java.util.Arrays.equals(config, Files.readAllBytes(out.resolve(OctRunStage.FINAL_CONFIG))));

		// force reruns everything
		assertEquals(9, run(new OctRunStage.Options(o.mosaicsDir(), out, null, o.galvo(),
				stricter.quality(), o.shifts(), o.autoExclusion(), o.fragments(), true), new ArrayList<>()).ran().size());
	}

	@Test
	void theThreadCountChangesNoResultAndNoStepsKey() throws IOException {
		final Path one = tmp.resolve("one"), two = tmp.resolve("two");
		run(in.options(one).withThreads(1), new ArrayList<>());
		run(in.options(two).withThreads(2), new ArrayList<>());
		assertArrayEquals(Files.readAllBytes(one.resolve(OctRunStage.FINAL_CONFIG)),
				Files.readAllBytes(two.resolve(OctRunStage.FINAL_CONFIG)));
		final Map<String, byte[]> volume1 = files(one.resolve("08_stack")), volume2 = files(two.resolve("08_stack"));
		assertEquals(volume1.keySet(), volume2.keySet());
		assertTrue(volume1.keySet().stream().anyMatch(f -> f.contains("volume.ome.zarr")), volume1.keySet().toString());
		for (final String f : volume1.keySet())
			if (!f.endsWith("_metrics.json") && !f.endsWith(StepRecord.FILE_NAME)) // the run's date, its paths
				assertArrayEquals(volume1.get(f), volume2.get(f), f);
		// another count on the same folder: every step unchanged
		assertEquals(List.of(), run(in.options(one).withThreads(2), new ArrayList<>()).ran());
	}

	private static Map<String, byte[]> files(final Path dir) throws IOException {
		final Map<String, byte[]> m = new java.util.TreeMap<>();
		try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
			for (final Path p : s.filter(Files::isRegularFile).toList())
				m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
		}
		return m;
	}

	@Test
	void theRunsWarningsAreInTheReportsSummaryAlsoWhenTheirStepIsSkipped() throws IOException {
		final SyntheticOct.Inputs mine = SyntheticOct.write(tmp.resolve("input"));
		deleteTree(mine.tiles().resolve("slice_z11"));
		final Path out = tmp.resolve("run");
		final OctRunStage.Result first = run(mine.options(out), new ArrayList<>());
		final String warning = "02_galvo: galvo: slice 11: no tile folder in " + mine.tiles().toAbsolutePath().normalize();
		assertTrue(first.warnings().stream().anyMatch(w -> w.startsWith(warning)), first.warnings().toString());
		assertTrue(summaryWarnings(out).contains(warning), summaryWarnings(out));

		final OctRunStage.Result again = run(mine.options(out), new ArrayList<>());
		assertEquals(List.of(), again.ran());
		assertTrue(again.warnings().stream().anyMatch(w -> w.startsWith(warning)), again.warnings().toString());
		// the report written again from steps that were all skipped still lists their warnings
		Files.delete(out.resolve(OctRunStage.REPORT));
		final OctRunStage.Result third = run(mine.options(out), new ArrayList<>());
		assertEquals(List.of("09_report"), third.ran());
		assertTrue(summaryWarnings(out).contains(warning), summaryWarnings(out));
	}

	@Test
	void everyJsonDiagnosticCarriesTheVersionAndTheDateOfTheRunThatWroteIt() throws IOException {
		final Path out = tmp.resolve("run");
		run(in.options(out), new ArrayList<>());
		final List<Path> json = new ArrayList<>();
		try (var s = Files.walk(out)) {
			s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains(".ome.zarr")
					&& !p.getFileName().toString().equals(StepRecord.FILE_NAME)).forEach(json::add);
		}
		assertTrue(json.stream().anyMatch(p -> p.startsWith(out.resolve("02_galvo/galvo_diagnostics"))), json.toString());
		assertTrue(json.stream().anyMatch(p -> p.startsWith(out.resolve("03_quality"))), json.toString());
		assertTrue(json.stream().anyMatch(p -> p.startsWith(out.resolve("07_align"))), json.toString());
		assertTrue(json.stream().anyMatch(p -> p.startsWith(out.resolve("08_stack"))), json.toString());
		final String date = StepRecord.read(out.resolve("01_config")).date();
		for (final Path f : json) {
			final Map<String, Object> m = io.github.triage.io.JsonDiagnostics.readObject(Files.readString(f));
			assertEquals(io.github.triage.Version.current(), m.get("triage_version"), f.toString());
			assertEquals(date, m.get("date"), f.toString());
		}
		assertTrue(Files.readString(out.resolve(OctRunStage.REPORT)).contains(date), "the report's date");
	}

	private static String summaryWarnings(final Path out) throws IOException {
		final String html = Files.readString(out.resolve(OctRunStage.REPORT));
		final int from = html.indexOf("<b>Warnings</b>");
		assertTrue(from >= 0, "no warnings in the summary");
		return html.substring(from, html.indexOf("</ul>", from));
	}

	private static void deleteTree(final Path dir) throws IOException {
		try (var s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}

	@Test
	void aFailedStepNamesItselfAndTheSliceAndKeepsTheEarlierOutputs() throws IOException {
		final Path input = tmp.resolve("input");
		final SyntheticOct.Inputs broken = SyntheticOct.write(input);
		Files.writeString(broken.mosaics().resolve("mosaic_grid_3d_z04.ome.zarr/0/.zarray"), "{ not json");
		final Path out = tmp.resolve("run");
		final BadInputException e = assertThrows(BadInputException.class,
				() -> run(broken.options(out), new ArrayList<>()));
		assertTrue(e.getMessage().startsWith("step 03_quality failed"), e.getMessage());
		assertTrue(e.getMessage().contains("z04"), e.getMessage());
		assertTrue(Files.isRegularFile(out.resolve("02_galvo/slice_config.csv")));
		assertTrue(Files.isRegularFile(out.resolve("02_galvo").resolve(StepRecord.FILE_NAME)));
		assertFalse(Files.exists(out.resolve("03_quality").resolve(StepRecord.FILE_NAME)));
		assertFalse(Files.exists(out.resolve(OctRunStage.FINAL_CONFIG)));
	}

	@Test
	void badOptionsAreAllReportedAtOnceBeforeAnythingIsWritten() {
		final Path out = tmp.resolve("run");
		final OctRunStage.Options all = in.options(out);
		final OctRunStage.Options o = new OctRunStage.Options(all.mosaicsDir(), out, null, all.galvo(), all.quality(),
				OctRunStage.Shifts.defaults(in.shifts(), 0, 0), all.autoExclusion(), tmp.resolve("nowhere"), false);
		final BadInputException e = assertThrows(BadInputException.class, () -> run(o, new ArrayList<>()));
		assertTrue(e.getMessage().contains("tile field of view"), e.getMessage());
		assertTrue(e.getMessage().contains("slice thickness"), e.getMessage());
		assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	private static Map<String, FileTime> recordTimes(final Path out) throws IOException {
		final Map<String, FileTime> m = new LinkedHashMap<>();
		for (final String s : OctRun.ALL_STEPS) {
			final Path f = out.resolve(s).resolve(StepRecord.FILE_NAME);
			if (Files.exists(f)) m.put(s, Files.getLastModifiedTime(f));
		}
		return m;
	}
}
