package io.github.triage.commands;

import java.io.File;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.platform.PlatformService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

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
public class RunOctPipelineCommand extends TriageCommand {
	@Parameter(persist = false, label = "Mosaics folder (*z<NN>*.ome.zarr)", style = FileWidget.DIRECTORY_STYLE,
			description = "Folder of the slice mosaics, one *z<NN>*.ome.zarr per slice")
	private File mosaics_dir;

	@Parameter(persist = false, label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
			description = "Where the run writes its steps, slice_config.csv and report.html; a rerun redoes only what changed")
	private File output_dir;

	@Parameter(persist = false, label = "Starting slice_config (optional)", required = false, style = FileWidget.OPEN_STYLE,
			description = "A slice_config.csv to start from (its use and notes are kept); empty: a new one from the mosaics")
	private File slice_config;

	@Parameter(persist = false, label = "Raw tiles folder, galvo detection (optional)", required = false,
			style = FileWidget.DIRECTORY_STYLE,
			description = "Raw tiles of the acquisition, to detect galvo shifts per slice; empty: no galvo step")
	private File tiles_dir;

	@Parameter(label = "Galvo-return rows (n_extra; needed with tiles)", min = "0",
			description = "Number of galvo-return rows in each tile (needed when a tiles folder is given)")
	private int n_extra = 0;

	@Parameter(label = "Galvo confidence threshold", min = "0", max = "1", stepSize = "0.05",
			description = "A slice is flagged for a galvo fix at or above this confidence (0 to 1)")
	private double galvo_threshold = OctRunStage.Galvo.THRESHOLD;

	@Parameter(label = "Minimum quality (the spec's 0.3; 0 = keep all)", min = "0", max = "1", stepSize = "0.05",
			description = "Slices scoring below this quality are set use=false (0 keeps all)")
	private double min_quality = OctRunStage.Quality.MIN_QUALITY;

	@Parameter(label = "Exclude first N slices (calibration)", min = "0",
			description = "The first N slices are calibration slices and are set use=false")
	private int exclude_first = OctRunStage.Quality.EXCLUDE_FIRST;

	@Parameter(persist = false, label = "Shifts file, rehoming + stacking (optional)", required = false,
			style = FileWidget.OPEN_STYLE,
			description = "shifts_xy.csv of the acquisition, to rehome the slices and stack the volume; empty: no stacking")
	private File shifts_file;

	@Parameter(label = "Tile field of view (mm; needed with shifts)", min = "0",
			description = "Width of one tile in mm (needed with a shifts file)")
	private double tile_fov_mm = 0;

	@Parameter(label = "Slice thickness (mm; needed with shifts)", min = "0",
			description = "Thickness of one slice in mm (needed with a shifts file)")
	private double slice_thickness_mm = 0;

	@Parameter(persist = false, label = "Pairwise metrics folder, auto-exclusion (optional)", required = false,
			style = FileWidget.DIRECTORY_STYLE,
			description = "Folder of pairwise slice metrics, to exclude runs of badly matching slices; empty: no auto-exclusion")
	private File metrics_dir;

	@Parameter(persist = false, label = "Interpolation manifests folder (optional)", required = false,
			style = FileWidget.DIRECTORY_STYLE,
			description = "Folder of interpolation manifests, to record interpolated slices; empty: none")
	private File fragments_dir;

	@Parameter(label = "Rerun every step",
			description = "Run every step again, even those whose inputs did not change")
	private boolean force = OctRunStage.Options.FORCE;

	@Parameter(label = "Use the GPU (CLIJ2): auto, on or off", choices = { "auto", "on", "off" },
			description = "auto: a GPU through CLIJ2 when there is one; on: always CLIJ2; off: the CPU")
	private String use_gpu = "auto";

	@Parameter(required = false,
			description = "Used to open the report in the browser")
	private PlatformService platform;

	@Override
	protected void execute() throws Exception {
		if (mosaics_dir == null || output_dir == null) throw new BadInputException("give mosaics_dir=... and output_dir=...");
		if (given(tiles_dir) && n_extra < 1) throw new BadInputException("galvo detection needs n_extra (galvo-return rows)");
		OctRunStage.Options o = OctRunStage.Options.defaults(mosaics_dir.toPath(), output_dir.toPath())
				.withStartConfig(path(slice_config))
				.withQuality(new OctRunStage.Quality(min_quality, exclude_first, false,
						OctRunStage.Quality.CALIBRATION_RATIO, OctRunStage.Quality.SAMPLE_DEPTH,
						OctRunStage.Quality.PYRAMID_LEVEL))
				.withFragments(path(fragments_dir)).withForce(force);
		if (given(tiles_dir)) o = o.withGalvo(new OctRunStage.Galvo(tiles_dir.toPath(), n_extra, galvo_threshold,
				OctRunStage.Galvo.N_SAMPLES, OctRunStage.Galvo.MIN_INTENSITY));
		if (given(shifts_file))
			o = o.withShifts(OctRunStage.Shifts.defaults(shifts_file.toPath(), tile_fov_mm, slice_thickness_mm));
		if (given(metrics_dir)) o = o.withAutoExclusion(OctRunStage.AutoExclusion.defaults(metrics_dir.toPath()));
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
