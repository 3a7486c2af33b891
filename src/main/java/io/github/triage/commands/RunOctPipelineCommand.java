package io.github.triage.commands;

import java.io.File;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.oct.OctRunStage;

/**
 * Plugins > Triage > OCT > Run OCT pipeline: the CLI's {@code triage oct run} in Fiji (progress on the status bar,
 * steps in the log, cancel between slices); opens report.html in the browser at the end when interactive. Optional
 * inputs left empty (numbers left at 0) turn their steps off. Macro:
 * {@code run("Run OCT pipeline", "mosaics_dir=/d/mosaics output_dir=/d/run shifts_file=/d/shifts_xy.csv tile_fov_mm=0.875 slice_thickness_mm=0.2");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>Triage>OCT>Run OCT pipeline", headless = true,
		label = "Run OCT pipeline", description = "Mosaics folder to slice_config_final.csv, a volume and report.html")
public class RunOctPipelineCommand extends RunOctPipelineFields {
	@Override
	protected void execute() throws Exception {
		if (mosaics_dir == null || output_dir == null) throw new BadInputException("give mosaics_dir=... and output_dir=...");
		if (given(tiles_dir) && n_extra < 1) throw new BadInputException("galvo detection needs n_extra (galvo-return rows)");
		final OctRunStage.Options o = new OctRunStage.Options(mosaics_dir.toPath(), output_dir.toPath(),
				path(slice_config),
				given(tiles_dir) ? new OctRunStage.Galvo(tiles_dir.toPath(), n_extra, galvo_threshold,
						OctRunStage.Galvo.N_SAMPLES, OctRunStage.Galvo.MIN_INTENSITY) : null,
				new OctRunStage.Quality(min_quality, exclude_first, false, OctRunStage.Quality.CALIBRATION_RATIO,
						OctRunStage.Quality.SAMPLE_DEPTH, OctRunStage.Quality.PYRAMID_LEVEL),
				given(shifts_file) ? OctRunStage.Shifts.defaults(shifts_file.toPath(), tile_fov_mm, slice_thickness_mm)
						: null,
				given(metrics_dir) ? OctRunStage.AutoExclusion.defaults(metrics_dir.toPath()) : null,
				path(fragments_dir), force);
		final OctRunStage.Result r;
		try (ImageOps ops = ops(use_gpu)) {
			r = new OctRunStage().run(o, ops, listener());
		}
		log.info("Triage: " + r.used().size() + " slices used, skipped at stacking: " + String.join(" ", r.skipped())
				+ "; steps run: " + (r.ran().isEmpty() ? "none (nothing changed)" : String.join(" ", r.ran())));
		log.info("Triage: final config " + r.finalConfig() + ", report " + r.report());
		if (!isHeadlessOrMacro()) OpenReportCommand.open(r.report(), platform, log);
	}

	private static Path path(final File f) {
		return given(f) ? f.toPath() : null;
	}
}
