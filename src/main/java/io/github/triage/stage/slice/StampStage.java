package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Sets columns of some slices of a slice_config.csv, other columns untouched (an unknown slice gets a new row with
 * use=false, as the reference). The output may be the input: the stamps are checked and applied in memory, then the
 * file is replaced atomically.
 */
public final class StampStage implements Stage<StampStage.Options, StampStage.Result> {

	/**
	 * @param input       slice_config.csv to read
	 * @param output      slice_config.csv to write (may be {@code input})
	 * @param stamps      slice id → column → value ({@link SliceConfig#stampMany})
	 * @param appendNotes join a new note to the old one with "; " instead of replacing it
	 */
	public record Options(Path input, Path output, Map<String, ? extends Map<String, ?>> stamps, boolean appendNotes) {
		public static final boolean APPEND_NOTES = false;

		public Options {
			stamps = stamps == null ? Map.of() : stamps;
		}

		/** The same columns for every slice of {@code ids}. */
		public static Options sameForAll(final Path input, final Path output, final List<String> ids,
				final Map<String, ?> values, final boolean appendNotes) {
			final Map<String, Map<String, ?>> stamps = new java.util.LinkedHashMap<>();
			for (final String id : ids) stamps.put(id, values);
			return new Options(input, output, stamps, appendNotes);
		}
	}

	/** @param stamped the slices stamped (normalised ids), {@code config} the config written to {@code output} */
	public record Result(List<String> stamped, SliceConfig config, Path output) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		final SliceConfig config = Inputs.config(problems, o.input());
		Inputs.output(problems, o.output(), "output slice_config");
		problems.check(!o.stamps().isEmpty(), "no slices to stamp");
		if (config != null) {
			try {
				config.stampMany(o.stamps(), o.appendNotes()); // all checked before any is applied
			}
			catch (final IllegalArgumentException e) {
				problems.add(o.input() + ": " + e.getMessage());
			}
		}
		problems.throwIfAny();
		// In place: the file is replaced atomically, so a reader sees the old or the new config, never half of one.
		SliceConfigFiles.write(config, o.output());
		return new Result(o.stamps().keySet().stream().map(SliceConfig::normalizeId).toList(), config, o.output());
	}
}
