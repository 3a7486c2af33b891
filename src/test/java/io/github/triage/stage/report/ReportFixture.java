package io.github.triage.stage.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.triage.demo.SyntheticSeries;
import io.github.triage.io.CsvTables;
import io.github.triage.io.JsonDiagnostics;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.quality.SliceSource;
import io.github.triage.slice.SliceConfig;

/**
 * A small finished OCT run on the demo's synthetic series, as the stages leave it on disk: 10 mosaics (slice 00
 * calibration, 05 noisy, 08 a lost section), the final slice_config, quality_report.csv, per-slice diagnostics,
 * shifts before and after rehoming, pairwise metrics and an assembled volume.
 */
final class ReportFixture {
	static final int SLICES = 10, SIZE = 96, DEPTH = 8;
	static final double[] SCORES = { 0.81, 0.74, 0.77, 0.72, 0.70, 0.18, 0.69, 0.71, 0.05, 0.73 };
	static final double[] GALVO = { 0.05, 0.10, 0.08, 0.91, 0.12, 0.30, 0.07, 0.09, 0.02, 0.11 };
	static final double[] ZCORR = { 0.9, 0.9, 0.88, 0.86, 0.35, 0.31, 0.87, 0.85, 0.2, 0.84 };

	private ReportFixture() {
	}

	static ReportStage.Options write(final Path dir) throws Exception {
		final SyntheticSeries series = new SyntheticSeries(SIZE, SIZE, 42);
		final Path mosaics = dir.resolve("mosaics");
		for (int i = 0; i < SLICES; i++) {
			final SyntheticSeries.Kind kind = i == 5 ? SyntheticSeries.Kind.NOISY
					: i == 8 ? SyntheticSeries.Kind.EMPTY : SyntheticSeries.Kind.NORMAL;
			final SliceSource s = series.slice(i, DEPTH, kind);
			OmeZarrWriter.write(mosaics.resolve(String.format(Locale.ROOT, "mosaic_grid_z%02d.ome.zarr", i)), DEPTH, SIZE,
					SIZE, s::plane, new double[] { 0.0035, 0.01, 0.01 }, "millimeter", 2, OmeZarrWriter.Compressor.ZLIB,
					new int[] { 4, 64, 64 });
		}
		final List<String> ids = new ArrayList<>();
		for (int i = 0; i < SLICES; i++) ids.add(Integer.toString(i));
		final SliceConfig c = SliceConfig.generate(ids, List.of(), 1, null);
		final List<List<String>> quality = new ArrayList<>();
		for (int i = 0; i < SLICES; i++) {
			final String id = SliceConfig.normalizeId(Integer.toString(i));
			c.stamp(id, Map.of("quality_score", f(SCORES[i]), "galvo_confidence", f(GALVO[i]), "galvo_fix",
					GALVO[i] >= 0.6), false);
			if (SCORES[i] < 0.3 && i > 0) c.stamp(id, Map.of("use", false, "notes", "low_quality (quality_score<0.3)"), true);
			quality.add(List.of(id, f(SCORES[i]), Boolean.toString(i != 0 && SCORES[i] >= 0.3)));
			JsonDiagnostics.write(dir.resolve("diagnostics/quality/slice_" + id + "_quality.json"), Map.of("slice_id", id,
					"stage", "quality", "quality_score", SCORES[i], "run", Map.of("min_quality", 0.3, "exclude_first", 1)));
			JsonDiagnostics.write(dir.resolve("diagnostics/galvo/slice_z" + id + "_galvo.json"), Map.of("slice", id,
					"stage", "galvo", "confidence", GALVO[i], "settings", Map.of("threshold", 0.6, "n_extra", 10)));
			if (i > 0) JsonDiagnostics.write(dir.resolve("metrics/slice_z" + id + "/pairwise_registration_metrics.json"),
					Map.of("metrics", Map.of("z_correlation", Map.of("value", ZCORR[i]))));
		}
		c.stamp("04", Map.of("auto_excluded", true, "auto_exclude_reason", "consecutive_low_z_corr"), false);
		c.stamp("06", Map.of("rehomed", true, "rehoming_reliable", true), false);
		c.stamp("07", Map.of("interpolated", true, "interpolation_method_used", "zmorph"), false);
		c.stamp("09", Map.of("use", false, "notes", "torn section"), true);
		final Path config = dir.resolve("slice_config_final.csv");
		SliceConfigFiles.write(c, config);
		CsvTables.write(dir.resolve("quality_report.csv"), List.of("slice_id", "quality_score", "use"), quality);

		final List<List<String>> shifts = new ArrayList<>(), corrected = new ArrayList<>();
		for (int i = 1; i < SLICES; i++) {
			final double x = i == 6 ? 1.2 : 0.01 * i, y = i == 6 ? -0.9 : -0.005 * i;
			shifts.add(List.of(Integer.toString(i - 1), Integer.toString(i), f(x), f(y)));
			corrected.add(List.of(Integer.toString(i - 1), Integer.toString(i), f(i == 6 ? 0.02 : x), f(i == 6 ? -0.01 : y)));
		}
		final List<String> header = List.of("fixed_id", "moving_id", "x_shift_mm", "y_shift_mm");
		CsvTables.write(dir.resolve("shifts_xy.csv"), header, shifts);
		CsvTables.write(dir.resolve("shifts_xy_corrected.csv"), header, corrected);

		final int vd = SLICES * 4;
		OmeZarrWriter.write(dir.resolve("stack.ome.zarr"), vd, SIZE, SIZE, z -> series.plane(z / 4, z % 4,
				z / 4 == 8 ? SyntheticSeries.Kind.EMPTY : SyntheticSeries.Kind.NORMAL), new double[] { 0.02, 0.01, 0.01 },
				"millimeter", 1, OmeZarrWriter.Compressor.ZLIB, new int[] { 8, 64, 64 });

		return ReportStage.Options.defaults(config, dir.resolve("out/report.html"))
				.withInputs(dir.resolve("quality_report.csv"), dir.resolve("diagnostics"), dir.resolve("shifts_xy.csv"),
						dir.resolve("shifts_xy_corrected.csv"), dir.resolve("metrics"), mosaics,
						dir.resolve("stack.ome.zarr"))
				.withThresholds(Double.NaN, Double.NaN, 0.4)
				.withSettings(Map.of("run", Map.of("min_quality", "0.3", "tiles_dir", "(none)")));
	}

	static boolean exists(final Path p) {
		return Files.exists(p);
	}

	private static String f(final double v) {
		return String.format(Locale.ROOT, "%.3f", v);
	}
}
