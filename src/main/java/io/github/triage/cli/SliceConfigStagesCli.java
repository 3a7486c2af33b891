package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;

import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.AutoExclusion;
import io.github.triage.slice.Rehoming;
import io.github.triage.slice.RehomingShiftsFile;
import io.github.triage.slice.SliceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The pipeline stages that stamp slice_config: {@code slice-config rehoming} and {@code slice-config auto-exclude}. */
final class SliceConfigStagesCli {
	private SliceConfigStagesCli() {
	}

	@Command(name = "rehoming", mixinStandardHelpOptions = true,
			description = "Correct tile-column re-homing and encoder glitches in SHIFTS, stamp rehomed / rehoming_reliable, "
					+ "print slice_id,rehomed,rehoming_reliable,correction for every step.")
	static final class Rehome implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;

		@Option(names = "--shifts", paramLabel = "F", required = true, description = "shifts_xy.csv (motor-position steps).")
		Path shifts;

		@Option(names = "--tile-fov-mm", paramLabel = "MM", required = true, description = "Tile field of view in mm.")
		double tileFovMm;

		@Option(names = "--max-shift-mm", paramLabel = "MM", defaultValue = "0.5",
				description = "Largest plausible step; larger ones are glitch candidates / unreliable. Default: ${DEFAULT-VALUE}.")
		double maxShiftMm;

		@Option(names = "--return-fraction", paramLabel = "F", defaultValue = "0.4",
				description = "A glitch is undone when |step + next| < F·|step|. Default: ${DEFAULT-VALUE}.")
		double returnFraction;

		@Option(names = "--tile-fov-tolerance", paramLabel = "F", defaultValue = "0.05",
				description = "A step within F·N·FOV of N FOVs is a re-homing. Default: ${DEFAULT-VALUE}.")
		double tolerance;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true, description = "slice_config.csv to write.")
		Path output;

		@Option(names = "--shifts-out", paramLabel = "F", description = "Write the corrected shifts (with a reliable column) to F.")
		Path shiftsOut;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final Rehoming.Params params = new Rehoming.Params(tileFovMm, maxShiftMm, returnFraction, tolerance);
			final SliceConfig config = SliceConfigFiles.read(input);
			final RehomingShiftsFile file = SliceConfigFiles.readShiftsForRehoming(shifts);
			final List<String> warnings = new ArrayList<>();
			final List<Rehoming.Result> results = Rehoming.correct(file.steps(), params, warnings);
			Rehoming.stamp(config, results);
			SliceConfigCli.warn(spec.commandLine().getErr(), warnings);
			if (shiftsOut != null) SliceConfigFiles.writeRehomedShifts(file, results, shiftsOut);
			SliceConfigFiles.write(config, output);
			final PrintWriter out = spec.commandLine().getOut();
			out.println("slice_id,rehomed,rehoming_reliable,correction");
			for (final Rehoming.Result r : results)
				out.println(SliceConfig.normalizeId(Integer.toString(r.step().movingId())) + "," + r.changed() + ","
						+ r.reliable() + "," + r.correction().label);
			out.flush();
			return 0;
		}
	}

	@Command(name = "auto-exclude", mixinStandardHelpOptions = true,
			description = "Stamp auto_excluded / auto_exclude_reason from runs of low pairwise z-correlation; "
					+ "print the excluded ids, one per line.")
	static final class AutoExclude implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;

		@Option(names = "--metrics", paramLabel = "DIR", required = true,
				description = "Folder with slice_zNN/pairwise_registration_metrics.json files (searched recursively).")
		Path metrics;

		@Option(names = "--z-corr-threshold", paramLabel = "T", defaultValue = "0.4",
				description = "A z-correlation strictly below T is low. Default: ${DEFAULT-VALUE}.")
		double threshold;

		@Option(names = "--consecutive-threshold", paramLabel = "N", defaultValue = "3",
				description = "Exclude runs of at least N low slices. Default: ${DEFAULT-VALUE}.")
		int minRun;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true, description = "slice_config.csv to write.")
		Path output;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final SliceConfig config = SliceConfigFiles.read(input);
			final List<String> warnings = new ArrayList<>();
			final SortedMap<Integer, Double> z = PairwiseMetricsFiles.zCorrelation(metrics, warnings);
			final List<String> excluded = AutoExclusion.stamp(config, z, AutoExclusion.runs(z, threshold, minRun));
			for (final String id : config.ids())
				if (!z.containsKey(SliceConfig.idValue(id))) warnings.add("slice " + id + ": no z-correlation, not evaluated");
			SliceConfigCli.warn(spec.commandLine().getErr(), warnings);
			SliceConfigFiles.write(config, output);
			final PrintWriter out = spec.commandLine().getOut();
			for (final String id : excluded) out.println(id);
			out.flush();
			return 0;
		}
	}
}
