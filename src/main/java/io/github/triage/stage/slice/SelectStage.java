package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.triage.Listener;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/** The slice ids a later stage takes from a slice_config.csv (writes nothing; faces print or save the list). */
public final class SelectStage implements Stage<SelectStage.Options, SelectStage.Result> {

	/** Which slices. */
	public enum Selection {
		/** use=true, in row order ({@link SliceConfig#filterSlicesToUse}). */
		USE,
		/** use not true (unset reads as false) or auto_excluded=true, in row order ({@link SliceConfig#forceSkipSlices}). */
		FORCE_SKIP
	}

	public record Options(Path input, Selection selection) {
	}

	public record Result(List<String> ids) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		final SliceConfig config = Inputs.config(problems, o.input());
		problems.check(o.selection() != null, "selection: not given");
		problems.throwIfAny();
		return new Result(o.selection() == Selection.USE ? config.filterSlicesToUse() : config.forceSkipSlices());
	}
}
