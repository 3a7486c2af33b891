package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.triage.BadInputException;
import io.github.triage.io.CsvTables;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.oct.OctRunStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triage oct run}: the OCT flow in one command. */
@Command(name = "oct", mixinStandardHelpOptions = true, description = "Serial-section OCT: the whole flow in one command.",
		subcommands = { OctCli.Run.class })
public final class OctCli implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "From a mosaics folder to OUT_DIR/slice_config_final.csv, an assembled volume and "
					+ "OUT_DIR/report.html. Steps, each a stage writing a new config in OUT_DIR/NN_step/: a starting "
					+ "config (generated from the mosaics, or --slice-config) -> galvo detection (--tiles-dir) -> "
					+ "quality -> rehoming (--shifts) -> auto-exclusion (--metrics) -> interpolation finalise "
					+ "(--fragments) -> alignment and stacking (--shifts) -> report.",
					"A rerun skips every step whose options and inputs are unchanged (recorded in "
							+ "OUT_DIR/NN_step/triage_step.json) and redoes every step after one that changed.",
					"Prints one CSV row per step (step,ran,seconds,summary); progress goes to stderr." })
	static final class Run implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "MOSAICS_DIR", description = "Folder of slice mosaics (*z<NN>*.ome.zarr).")
		Path mosaics;

		@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUT_DIR", description = "The run's folder.")
		Path output;

		@Option(names = "--slice-config", paramLabel = "START.csv",
				description = "Start from this slice_config instead of one generated from the mosaics.")
		Path start;

		@Option(names = "--tiles-dir", paramLabel = "RAW", description = "Folder of slice_zNN raw tile folders: "
				+ "detect the galvo shift of every slice (needs --n-extra).")
		Path tiles;

		@Option(names = "--n-extra", paramLabel = "N", description = "Galvo-return rows of the acquisition.")
		Integer nExtra;

		@Option(names = "--galvo-threshold", paramLabel = "C", description = "Galvo confidence at or above which "
				+ "galvo_fix is true (the spec's 0.6).")
		double galvoThreshold = OctRunStage.Galvo.THRESHOLD;

		@Option(names = "--n-samples", paramLabel = "N", description = "Tiles above --min-intensity examined per slice.")
		int nSamples = OctRunStage.Galvo.N_SAMPLES;

		@Option(names = "--min-intensity", paramLabel = "I", description = "Tiles with a lower mean are background.")
		double minIntensity = OctRunStage.Galvo.MIN_INTENSITY;

		@Option(names = "--min-quality", paramLabel = "Q", description = "Slices scoring below Q get use=false. 0.3 is "
				+ "the spec's example threshold, the one to start from (quality assess alone keeps all); 0 keeps all.")
		double minQuality = OctRunStage.Quality.MIN_QUALITY;

		@Option(names = "--exclude-first", paramLabel = "N",
				description = "The first N slices are calibration slices (the spec's default 1).")
		int excludeFirst = OctRunStage.Quality.EXCLUDE_FIRST;

		@Option(names = "--detect-calibration", description = "Also mark thick slices among the first three.")
		boolean detectCalibration;

		@Option(names = "--calibration-ratio", paramLabel = "R", description = "Thickness ratio for --detect-calibration.")
		double calibrationRatio = OctRunStage.Quality.CALIBRATION_RATIO;

		@Option(names = "--sample-depth", paramLabel = "K", description = "Z planes sampled per slice (0 = all).")
		int sampleDepth = OctRunStage.Quality.SAMPLE_DEPTH;

		@Option(names = "--pyramid-level", paramLabel = "L", description = "OME-Zarr level read for quality.")
		int pyramidLevel = OctRunStage.Quality.PYRAMID_LEVEL;

		@Option(names = "--shifts", paramLabel = "shifts_xy.csv", description = "Pairwise shifts: correct re-homing, "
				+ "then align and stack the slices kept (needs --tile-fov-mm and --slice-thickness-mm).")
		Path shifts;

		@Option(names = "--tile-fov-mm", paramLabel = "MM", description = "Tile field of view in mm.")
		Double tileFovMm;

		@Option(names = "--max-shift-mm", paramLabel = "MM", description = "Largest plausible shift between slices.")
		double maxShiftMm = OctRunStage.Shifts.MAX_SHIFT_MM;

		@Option(names = "--slice-thickness-mm", paramLabel = "T", description = "Section thickness in mm.")
		Double thicknessMm;

		@Option(names = "--first-plane", paramLabel = "K", description = "First plane kept of every slice when stacking.")
		int firstPlane = OctRunStage.Shifts.FIRST_PLANE;

		@Option(names = "--blend", description = "Cosine blend across the overlap of consecutive slices.")
		boolean blend = OctRunStage.Shifts.BLEND;

		@Option(names = "--metrics", paramLabel = "DIR",
				description = "Pairwise registration metrics (slice_zNN/pairwise_registration_metrics.json): auto-exclusion.")
		Path metrics;

		@Option(names = "--z-corr-threshold", paramLabel = "Z", description = "A z-correlation below Z is low.")
		double zCorr = OctRunStage.AutoExclusion.Z_CORR_THRESHOLD;

		@Option(names = "--consecutive-threshold", paramLabel = "N", description = "Runs of N or more low slices are excluded.")
		int consecutive = OctRunStage.AutoExclusion.CONSECUTIVE_THRESHOLD;

		@Option(names = "--fragments", paramLabel = "DIR",
				description = "Interpolation manifests (slice_zNN_manifest.csv) to merge: interpolation finalise.")
		Path fragments;

		@Option(names = "--force", description = "Run every step, even unchanged ones.")
		boolean force = OctRunStage.Options.FORCE;

		@Option(names = "--quiet", description = "No per-slice progress lines.")
		boolean quiet;

		@Mixin
		GpuOption gpu;

		@Spec
		CommandSpec spec;

		OctRunStage.Options options(final CliListener l) {
			final List<String> missing = new ArrayList<>();
			if (tiles != null && nExtra == null) missing.add("--tiles-dir needs --n-extra N");
			if (tiles == null && nExtra != null) l.warning("--n-extra given without --tiles-dir: ignored");
			if (shifts != null && (tileFovMm == null || thicknessMm == null))
				missing.add("--shifts needs --tile-fov-mm MM and --slice-thickness-mm T");
			if (shifts == null && (tileFovMm != null || thicknessMm != null))
				l.warning("--tile-fov-mm/--slice-thickness-mm given without --shifts: ignored");
			if (!missing.isEmpty()) throw new BadInputException(String.join("; ", missing));
			return new OctRunStage.Options(mosaics, output, start,
					tiles == null ? null : new OctRunStage.Galvo(tiles, nExtra, galvoThreshold, nSamples, minIntensity),
					new OctRunStage.Quality(minQuality, excludeFirst, detectCalibration, calibrationRatio, sampleDepth,
							pyramidLevel),
					shifts == null ? null
							: new OctRunStage.Shifts(shifts, tileFovMm, maxShiftMm, thicknessMm, firstPlane, blend),
					metrics == null ? null : new OctRunStage.AutoExclusion(metrics, zCorr, consecutive), fragments, force);
		}

		@Override
		public Integer call() throws Exception {
			final CliListener l = new CliListener(spec.commandLine().getErr(), quiet);
			final OctRunStage.Options o = options(l);
			final OctRunStage.Result r;
			try (ImageOps ops = gpu.open(l)) {
				r = new OctRunStage().run(o, ops, l);
			}
			final List<List<String>> rows = new ArrayList<>();
			for (final OctRunStage.StepResult s : r.steps())
				rows.add(List.of(s.name(), Boolean.toString(s.ran()), String.format(Locale.ROOT, "%.1f", s.seconds()),
						s.summary()));
			final PrintWriter out = spec.commandLine().getOut();
			out.print(CsvTables.format(List.of("step", "ran", "seconds", "summary"), rows));
			out.flush();
			l.info(r.used().size() + " slices used; skipped at stacking: "
					+ (r.skipped().isEmpty() ? "none" : String.join(" ", r.skipped())) + "; " + r.warnings().size()
					+ " warning(s)");
			l.info("final config: " + r.finalConfig());
			l.info("report: " + r.report());
			return 0;
		}
	}
}
