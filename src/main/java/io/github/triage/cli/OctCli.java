package io.github.triage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.triage.BadInputException;
import io.github.triage.io.CsvTables;
import io.github.triage.stage.oct.OctRunStage;
import picocli.CommandLine.Command;

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
	static final class Run extends OctRunFields {
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
