package io.github.triage.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.github.triage.Listener;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.CumulativeShiftsStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.RehomingStage;
import io.github.triage.stage.slice.StampStage;

/**
 * The slice_config stage of the demo, as the stages of {@code io.github.triage.stage.slice} run one after another
 * (each writes a new file), on a synthetic series 0–11: slice 6 never acquired, the 8 → 9 shift lost, a tile-column
 * re-homing at 3 → 4 and an encoder glitch at slice 10. It generates a config (calibration slice and slice 4
 * excluded), stamps a galvo decision and a row for slice 6, runs rehoming and auto-exclusion (low z-correlation at
 * 9–11), merges a folder of interpolation manifests, and writes the cumulative shifts of the slices kept.
 */
public final class SliceConfigDemo implements DemoStage {
	private static final double TILE_FOV_MM = 0.875;

	@Override
	public String name() {
		return "slice-config";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final Path shiftsFile = dir.resolve("shifts_xy.csv");
		writeShifts(shiftsFile);
		final List<String> warnings = new ArrayList<>();
		final Listener listener = new Listener() {
			@Override
			public void warning(final String message) {
				warnings.add(message);
				log.println("warning: " + message);
			}
		};

		// generate, then stamp a note, a galvo decision and a row for slice 6 (never acquired: interpolated later)
		final Path generated = dir.resolve("slice_config_generated.csv");
		new GenerateSliceConfigStage().run(new GenerateSliceConfigStage.Options(GenerateSliceConfigStage.Source.SHIFTS,
				shiftsFile, List.of("4"), 1, generated, null), null, listener);
		final Map<String, Map<String, ?>> stamps = new LinkedHashMap<>();
		stamps.put("04", Map.of(SliceColumns.NOTES, "motion artifact"));
		stamps.put("02", Map.of(SliceColumns.GALVO_CONFIDENCE, "0.812", SliceColumns.GALVO_FIX, true));
		stamps.put("06", Map.of(SliceColumns.NOTES, "not acquired"));
		final Path stamped = dir.resolve("slice_config_stamped.csv");
		new StampStage().run(new StampStage.Options(generated, stamped, stamps, true), null, listener);

		// rehoming: corrected shifts + rehomed / rehoming_reliable
		final Path rehomed = dir.resolve("slice_config_rehomed.csv"), corrected = dir.resolve("shifts_xy_corrected.csv");
		new RehomingStage().run(RehomingStage.Options.defaults(stamped, shiftsFile, TILE_FOV_MM, rehomed)
				.withShiftsOut(corrected), null, listener);

		// auto-exclusion from pairwise registration metrics
		final Path excluded = dir.resolve("slice_config_auto_excluded.csv");
		final List<String> autoExcluded = new AutoExclusionStage().run(AutoExclusionStage.Options.defaults(rehomed,
				writeMetrics(dir.resolve("pairwise_registration")), excluded), null, listener).excluded();

		// interpolation manifests, one per slice, merged by a single writer
		final Path fragments = Files.createDirectories(dir.resolve("interpolate_missing_slice"));
		final String header = "slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n";
		AtomicFiles.writeString(fragments.resolve("slice_z04_manifest.csv"),
				header + "04,zmorph,zmorph,,false,slice_z04_interpolated.ome.zarr\n");
		AtomicFiles.writeString(fragments.resolve("slice_z06_manifest.csv"),
				header + "06,zmorph,,low_overlap_ncc,true,\n");
		final Path configFile = dir.resolve("slice_config.csv");
		final SliceConfig config = new MergeFragmentsStage().run(
				new MergeFragmentsStage.Options(excluded, fragments, configFile), null, listener).config();
		log.println("wrote " + configFile + " and " + corrected);

		final double resolutionUm = 10;
		final CumulativeShiftsStage.Result cum = new CumulativeShiftsStage().run(new CumulativeShiftsStage.Options(
				corrected, configFile, new CumulativeShiftsStage.Resolution(resolutionUm, resolutionUm), true,
				dir.resolve("cumulative_shifts.csv")), null, listener);

		return "slices: " + config.size() + ", used: " + String.join(" ", config.filterSlicesToUse())
				+ "\nrehomed: " + withFlag(config, SliceColumns.REHOMED) + "; auto-excluded: " + String.join(" ", autoExcluded)
				+ "\ninterpolated: " + withFlag(config, SliceColumns.INTERPOLATED) + "; interpolation failed: "
				+ withFlag(config, SliceColumns.INTERPOLATION_FAILED)
				+ "\nforce-skip (stacking): " + String.join(" ", config.forceSkipSlices())
				+ "\nwarnings: " + warnings.size()
				+ "\ncumulative shifts at " + resolutionUm + " µm, centred (cumulative_shifts.csv):\n" + cum.csv().strip();
	}

	private static String withFlag(final SliceConfig config, final String column) {
		final StringBuilder sb = new StringBuilder();
		for (final String id : config.ids())
			if (Boolean.TRUE.equals(config.getBoolean(id, column))) sb.append(sb.length() == 0 ? "" : " ").append(id);
		return sb.length() == 0 ? "none" : sb.toString();
	}

	/**
	 * A drifting series 0–11 without slice 6 (never acquired) and without the 8 → 9 row (lost), with a one-FOV
	 * re-homing jump in x at 3 → 4 and an encoder glitch in y at slice 10 (0.9 mm out, back at 11).
	 */
	private static void writeShifts(final Path file) throws IOException {
		final Random random = new Random(42);
		final StringBuilder sb = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n");
		final int[] ids = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11 };
		for (int i = 0; i + 1 < ids.length; i++) {
			if (ids[i] == 8) continue;
			double xMm = Math.round((0.02 + 0.01 * random.nextGaussian()) * 1e4) / 1e4;
			double yMm = Math.round((-0.01 + 0.01 * random.nextGaussian()) * 1e4) / 1e4;
			if (ids[i] == 3) xMm += TILE_FOV_MM;
			if (ids[i] == 9) yMm += 0.9;
			if (ids[i] == 10) yMm -= 0.9;
			sb.append(String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.4f,%.4f%n", ids[i], ids[i + 1], xMm * 100, yMm * 100,
					xMm, yMm));
		}
		AtomicFiles.writeString(file, sb.toString());
	}

	/** pairwise_registration_metrics.json per moving slice, z-correlation low (< 0.4) at slices 9, 10 and 11. */
	private static Path writeMetrics(final Path dir) throws IOException {
		final int[] ids = { 1, 2, 3, 4, 5, 7, 8, 9, 10, 11 };
		final double[] z = { 0.82, 0.79, 0.85, 0.31, 0.77, 0.74, 0.81, 0.22, 0.18, 0.35 };
		for (int i = 0; i < ids.length; i++)
			AtomicFiles.writeString(dir.resolve(String.format("slice_z%02d", ids[i])).resolve(PairwiseMetricsFiles.FILE_NAME),
					String.format(Locale.ROOT, "{\"step_name\": \"pairwise_registration\", \"metrics\": "
							+ "{\"z_correlation\": {\"value\": %s, \"unit\": \"\"}}}", z[i]));
		return dir;
	}
}
