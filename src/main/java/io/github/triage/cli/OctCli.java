package io.github.triage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.triage.BadInputException;
import io.github.triage.io.CsvTables;
import io.github.triage.stage.oct.OctRunStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage oct run}: the OCT flow in one command. */
@Command(name = "oct", mixinStandardHelpOptions = true, description = "Serial-section OCT: the whole flow in one command.",
		subcommands = { OctCli.Run.class })
public final class OctCli extends CommandGroup {
	@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "From a mosaics folder to OUT_DIR/slice_config_final.csv, an assembled volume and "
					+ "OUT_DIR/report.html. Steps, each a stage writing a new config in OUT_DIR/NN_step/: a starting "
					+ "config (generated from the mosaics, or --slice-config) -> galvo detection (--tiles-dir) -> "
					+ "quality -> rehoming (--shifts) -> auto-exclusion (--metrics) -> interpolation finalise "
					+ "(--fragments) -> alignment and stacking (--shifts) -> report.",
					"A rerun skips every step whose options and inputs are unchanged (recorded in "
							+ "OUT_DIR/NN_step/triage_step.json) and redoes every step after one that changed.",
					"Prints one CSV row per step (step,ran,seconds,summary); progress goes to stderr." })
	static final class Run extends Subcommand {
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

		@Mixin
		GalvoStepOptions galvo;

		@Mixin
		GalvoCli.Sampling sampling;

		@Mixin
		QualityCli.DecisionOptions quality = new QualityCli.DecisionOptions(OctRunStage.Quality.MIN_QUALITY);

		@Mixin
		QualityCli.Reading reading;

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

		@Mixin
		AutoExclusionOptions autoExclusion;

		@Option(names = "--fragments", paramLabel = "DIR",
				description = "Interpolation manifests (slice_zNN_manifest.csv) to merge: interpolation finalise.")
		Path fragments;

		@Option(names = "--force", description = "Run every step, even unchanged ones.")
		boolean force = OctRunStage.Options.FORCE;

		@Option(names = "--quiet", description = "No per-slice progress lines.")
		boolean quiet;

		@Mixin
		ThreadsOption threads;

		OctRunStage.Options options(final CliListener l) {
			final List<String> missing = new ArrayList<>();
			if (tiles != null && galvo.nExtra == null) missing.add("--tiles-dir needs --n-extra N");
			if (tiles == null && galvo.nExtra != null) l.warning("--n-extra given without --tiles-dir: ignored");
			if (shifts != null && (tileFovMm == null || thicknessMm == null))
				missing.add("--shifts needs --tile-fov-mm MM and --slice-thickness-mm T");
			if (shifts == null && (tileFovMm != null || thicknessMm != null))
				l.warning("--tile-fov-mm/--slice-thickness-mm given without --shifts: ignored");
			if (!missing.isEmpty()) throw new BadInputException(String.join("; ", missing));
			return new OctRunStage.Options(mosaics, output, start,
					tiles == null ? null : new OctRunStage.Galvo(tiles, galvo.nExtra, galvo.threshold,
							sampling.nSamples, sampling.minIntensity),
					new OctRunStage.Quality(quality.minQuality, quality.excludeFirst, quality.detectCalibration,
							quality.calibrationRatio, reading.sampleDepth, reading.pyramidLevel),
					shifts == null ? null
							: new OctRunStage.Shifts(shifts, tileFovMm, maxShiftMm, thicknessMm, firstPlane, blend),
					metrics == null ? null : new OctRunStage.AutoExclusion(metrics, autoExclusion.zCorr,
							autoExclusion.consecutive), fragments, force, threads.count());
		}

		@Override
		void execute() throws Exception {
			final CliListener l = listener(quiet);
			final OctRunStage.Options o = options(l);
			final OctRunStage.Result r = reading.gpu.run(l, ops -> new OctRunStage().run(o, ops, l));
			final List<List<String>> rows = new ArrayList<>();
			for (final OctRunStage.StepResult s : r.steps())
				rows.add(List.of(s.name(), Boolean.toString(s.ran()), String.format(Locale.ROOT, "%.1f", s.seconds()),
						s.summary()));
			print(CsvTables.format(List.of("step", "ran", "seconds", "summary"), rows));
			l.info(r.used().size() + " slices used; skipped at stacking: "
					+ (r.skipped().isEmpty() ? "none" : String.join(" ", r.skipped())) + "; " + r.warnings().size()
					+ " warning(s)");
			l.info("final config: " + r.finalConfig());
			l.info("report: " + r.report());
		}
	}
}
