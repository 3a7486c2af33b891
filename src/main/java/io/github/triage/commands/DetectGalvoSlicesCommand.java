package io.github.triage.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.galvo.DetectSliceStage;
import io.github.triage.stage.galvo.DetectedSlice;
import io.github.triage.stage.galvo.StampStage;

/**
 * Plugins > Triage > Galvo > Detect galvo shift of slices: slice-level detection for a folder of slice_zNN tile
 * folders (or one slice folder), with progress; optionally stamps galvo_confidence and galvo_fix into a
 * slice_config (per-slice JSON diagnostics next to it). Macro:
 * {@code run("Detect galvo shift of slices", "tiles_dir=/d/tiles n_extra=40 threshold=0.6 n_samples=5 min_intensity=20 config_file=/d/slice_config.csv");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Galvo>Detect galvo shift of slices",
		label = "Detect galvo shift of slices", description = "One galvo shift per slice from a few of its tiles")
public class DetectGalvoSlicesCommand extends DetectGalvoSlicesFields {
	public static final String TABLE = "Galvo slices";

	private ResultsTable table;

	@Override
	protected void execute() throws Exception {
		final Path tiles = required(tiles_dir, "tiles folder", "tiles_dir");
		final List<SliceDetection> all;
		try (ImageOps ops = ops(use_gpu)) {
			if (given(config_file)) {
				final Path in = config_file.toPath();
				final Path out = optional(output_file, in);
				all = detections(new StampStage().run(new StampStage.Options(in, out, tiles, n_extra,
						threshold, n_samples, min_intensity), ops, listener()).slices());
				log.info("Triage: galvo_confidence and galvo_fix stamped; saved " + out);
			}
			else all = detections(new DetectSliceStage().run(new DetectSliceStage.Options(tiles, null,
					n_extra, threshold, n_samples, min_intensity), ops, listener()).slices());
		}
		table = new ResultsTable();
		table.showRowNumbers(false);
		for (final SliceDetection d : all) {
			table.incrementCounter();
			table.addValue("slice", d.slice());
			table.addValue("shift", d.shift());
			table.addValue("confidence", d.confidence());
			table.addValue("galvo_fix", String.valueOf(d.galvoFix()));
			table.addValue("tiles_sampled", d.detections().size());
			table.addValue("tiles_skipped", d.skipped().size());
			table.addValue("reason", d.reason());
		}
		if (!(ui == null || ui.isHeadless() || java.awt.GraphicsEnvironment.isHeadless())) table.show(TABLE);
		log.info(String.format(Locale.ROOT, "Triage: galvo detection on %d slice(s) of %s", all.size(), tiles_dir));
	}

	private static List<SliceDetection> detections(final List<DetectedSlice> slices) {
		return slices.stream().map(DetectedSlice::detection).toList();
	}

	/** The results of the last run (for tests and scripts). */
	public ResultsTable resultsTable() {
		return table;
	}
}
