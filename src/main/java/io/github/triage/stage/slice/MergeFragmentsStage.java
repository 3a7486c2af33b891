package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.SliceFragments;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Consolidation: merges a folder of per-slice fragment CSVs (quality and galvo fragments of per-slice stages,
 * interpolation manifests {@code slice_zNN_manifest.csv}) into a new slice_config, the single writer of the
 * merged file. Every fragment is read and checked before anything is written; a fragment row for a slice that is
 * not in the config is an error naming the fragment and the slice. Interpolation manifests never change {@code use}.
 */
public final class MergeFragmentsStage implements Stage<MergeFragmentsStage.Options, MergeFragmentsStage.Result> {

	/**
	 * @param input     slice_config.csv to read
	 * @param fragments folder of fragment CSVs (read in name order: later files win)
	 * @param output    slice_config.csv to write; the input is overwritten only when {@code output} is it
	 * @param addMissing a fragment row for a slice not in the config adds a row (use=false) instead of failing, as
	 *                   the whole-folder galvo stamp does; off by default (an unknown id is a wrong folder or config)
	 */
	public record Options(Path input, Path fragments, Path output, boolean addMissing) {
		public static final boolean ADD_MISSING = false;

		public Options(final Path input, final Path fragments, final Path output) {
			this(input, fragments, output, ADD_MISSING);
		}
	}

	/** @param merged the slices stamped, once per fragment row, in the order applied */
	public record Result(List<String> merged, SliceConfig config, Path output) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		final SliceConfig config = Inputs.config(problems, o.input());
		problems.requireFolder(o.fragments(), "fragment folder");
		problems.requireOutputFile(o.output(), "output slice_config");
		List<String> merged = List.of();
		if (config != null && problems.list().isEmpty()) {
			try {
				final List<SliceFragments.Stamp> stamps = SliceConfigFiles.readFragments(o.fragments());
				merged = config.mergeFragments(stamps, o.addMissing());
			}
			catch (final BadInputException e) {
				problems.add(e.getMessage());
			}
		}
		problems.throwIfAny();
		if (merged.isEmpty()) Listener.orNone(listener).warning(o.fragments() + ": no fragment rows to merge");
		SliceConfigFiles.write(config, o.output());
		return new Result(merged, config, o.output());
	}
}
