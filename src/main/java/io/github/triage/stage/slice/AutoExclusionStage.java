package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.AutoExclusion;
import io.github.triage.slice.DecisionSanity;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Stamps auto_excluded / auto_exclude_reason into a new slice_config from runs of low pairwise z-correlation
 * ({@link AutoExclusion}), read from the {@code slice_zNN/pairwise_registration_metrics.json} files under a folder.
 * Slices of the config without a value are not evaluated (a warning each).
 */
public final class AutoExclusionStage implements Stage<AutoExclusionStage.Options, AutoExclusionStage.Result> {

	/**
	 * @param input                slice_config.csv to read
	 * @param metrics              folder searched recursively for the metrics files
	 * @param zCorrThreshold       a z-correlation strictly below this is low
	 * @param consecutiveThreshold runs of at least this many low slices are excluded
	 * @param output               slice_config.csv to write
	 */
	public record Options(Path input, Path metrics, double zCorrThreshold, int consecutiveThreshold, Path output) {
		public static final double Z_CORR_THRESHOLD = 0.4;
		public static final int CONSECUTIVE_THRESHOLD = 3;

		public static Options defaults(final Path input, final Path metrics, final Path output) {
			return new Options(input, metrics, Z_CORR_THRESHOLD, CONSECUTIVE_THRESHOLD, output);
		}
	}

	/** @param excluded the slices stamped auto_excluded=true, in order; {@code notEvaluated} config slices without a value */
	public record Result(List<String> excluded, List<String> notEvaluated, SliceConfig config, Path output) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		final SliceConfig config = Inputs.config(problems, o.input());
		problems.requireFolder(o.metrics(), "registration metrics folder");
		problems.check(o.consecutiveThreshold() >= 1,
				"consecutive threshold must be >= 1, got " + o.consecutiveThreshold());
		problems.check(Double.isFinite(o.zCorrThreshold()), "z-correlation threshold must be finite");
		problems.requireOutputFile(o.output(), "output slice_config");
		SortedMap<Integer, Double> z = null;
		if (problems.list().isEmpty()) {
			try {
				z = PairwiseMetricsFiles.zCorrelation(o.metrics(), l);
			}
			catch (final BadInputException e) {
				problems.add(e.getMessage());
			}
		}
		problems.throwIfAny();
		final List<String> excluded = AutoExclusion.stamp(config, z,
				AutoExclusion.runs(z, o.zCorrThreshold(), o.consecutiveThreshold()));
		final List<String> notEvaluated = new ArrayList<>();
		final List<Double> evaluated = new ArrayList<>();
		for (final String id : config.ids())
			if (!z.containsKey(SliceConfig.idValue(id))) {
				notEvaluated.add(id);
				l.warning("slice " + id + ": no z-correlation, not evaluated");
			}
			else evaluated.add(z.get(SliceConfig.idValue(id)));
		DecisionSanity.check("auto-exclusion", excluded.size(), evaluated.size(), evaluated, o.zCorrThreshold())
				.forEach(l::warning);
		SliceConfigFiles.write(config, o.output());
		return new Result(excluded, notEvaluated, config, o.output());
	}
}
