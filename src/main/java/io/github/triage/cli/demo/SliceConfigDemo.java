package io.github.triage.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.github.triage.io.AtomicFiles;
import io.github.triage.slice.CumulativeShifts;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.SliceSources;

/**
 * The slice_config stage of the demo: a synthetic shifts_xy.csv (slices 0–11, slice 6 never acquired, the 8 → 9
 * shift lost), a config generated from it with the calibration slice and slice 4 excluded, a few stamps, a folder of
 * interpolation manifests merged in, and the cumulative shifts of the slices kept.
 */
public final class SliceConfigDemo implements DemoStage {
	@Override
	public String name() {
		return "slice-config";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final Path shiftsFile = dir.resolve("shifts_xy.csv");
		writeShifts(shiftsFile);
		log.println("wrote " + shiftsFile);

		final ShiftsTable shifts = ShiftsTable.read(shiftsFile);
		final SliceConfig config = SliceConfig.generate(SliceSources.fromShifts(shifts), List.of("4"), 1, null);
		config.stamp("04", Map.of(SliceColumns.NOTES, "motion artifact"), true);
		config.stamp("02", Map.of(SliceColumns.GALVO_CONFIDENCE, "0.812", SliceColumns.GALVO_FIX, true), false);
		config.stamp("05", Map.of(SliceColumns.REHOMED, true, SliceColumns.REHOMING_RELIABLE, true,
				SliceColumns.NOTES, "rehomed after tile-column expansion"), true);
		config.stamp("10", Map.of(SliceColumns.AUTO_EXCLUDED, true, SliceColumns.AUTO_EXCLUDE_REASON,
				"consecutive_low_z_corr"), false);
		config.write(dir.resolve("slice_config_generated.csv"));

		final Path fragments = Files.createDirectories(dir.resolve("interpolate_missing_slice"));
		final String header = "slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n";
		AtomicFiles.writeString(fragments.resolve("slice_z04_manifest.csv"),
				header + "04,zmorph,zmorph,,false,slice_z04_interpolated.ome.zarr\n");
		AtomicFiles.writeString(fragments.resolve("slice_z06_manifest.csv"),
				header + "06,zmorph,,low_overlap_ncc,true,\n");
		final List<String> merged = config.mergeFragments(fragments);
		final Path configFile = dir.resolve("slice_config.csv");
		config.write(configFile);
		log.println("wrote " + configFile + " (" + merged.size() + " interpolation fragments merged)");

		final List<Integer> selected = config.filterSlicesToUse().stream().map(SliceConfig::idValue).toList();
		final double resolutionUm = 10;
		final CumulativeShifts cum = CumulativeShifts.compute(shifts, selected, true);
		final StringBuilder csv = new StringBuilder("slice_id,dx_mm,dy_mm,dx_px,dy_px\n");
		for (final CumulativeShifts.Entry e : cum.entries())
			csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.2f,%.2f%n", e.id(), e.dxMm(), e.dyMm(),
					e.dxPx(resolutionUm), e.dyPx(resolutionUm)));
		AtomicFiles.writeString(dir.resolve("cumulative_shifts.csv"), csv.toString());
		for (final String w : cum.warnings()) log.println("warning: " + w);

		return "slices: " + config.size() + ", used: " + String.join(" ", config.filterSlicesToUse())
				+ "\nforce-skip (stacking): " + String.join(" ", config.forceSkipSlices())
				+ "\ninterpolated: " + withFlag(config, SliceColumns.INTERPOLATED) + "; interpolation failed: "
				+ withFlag(config, SliceColumns.INTERPOLATION_FAILED)
				+ "\ngap warnings: " + cum.warnings().size()
				+ "\ncumulative shifts at " + resolutionUm + " µm, centred (cumulative_shifts.csv):\n" + csv.toString().strip();
	}

	private static String withFlag(final SliceConfig config, final String column) {
		final StringBuilder sb = new StringBuilder();
		for (final String id : config.ids())
			if (Boolean.TRUE.equals(config.getBoolean(id, column))) sb.append(sb.length() == 0 ? "" : " ").append(id);
		return sb.length() == 0 ? "none" : sb.toString();
	}

	/** A drifting series 0–11 without slice 6 (never acquired) and without the 8 → 9 row (lost). */
	private static void writeShifts(final Path file) throws java.io.IOException {
		final Random random = new Random(42);
		final StringBuilder sb = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n");
		final int[] ids = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11 };
		for (int i = 0; i + 1 < ids.length; i++) {
			if (ids[i] == 8) continue;
			final double xMm = Math.round((0.02 + 0.01 * random.nextGaussian()) * 1e4) / 1e4;
			final double yMm = Math.round((-0.01 + 0.01 * random.nextGaussian()) * 1e4) / 1e4;
			sb.append(String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.4f,%.4f%n", ids[i], ids[i + 1], xMm * 100, yMm * 100,
					xMm, yMm));
		}
		AtomicFiles.writeString(file, sb.toString());
	}
}
