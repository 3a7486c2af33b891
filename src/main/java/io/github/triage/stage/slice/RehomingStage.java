package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.Rehoming;
import io.github.triage.slice.RehomingShiftsFile;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Corrects tile-column re-homing and encoder glitches in shifts_xy.csv ({@link Rehoming}), stamps rehomed /
 * rehoming_reliable into a new slice_config and, when asked, writes the corrected shifts (with a reliable column).
 */
public final class RehomingStage implements Stage<RehomingStage.Options, RehomingStage.Result> {

	/**
	 * @param input            slice_config.csv to read
	 * @param shifts           shifts_xy.csv (motor-position steps)
	 * @param tileFovMm        tile field of view in mm (no default: it depends on the acquisition)
	 * @param maxShiftMm       largest plausible step; larger ones are glitch candidates / unreliable
	 * @param returnFraction   a glitch is undone when |step + next| &lt; F·|step|
	 * @param tileFovTolerance a step within F·N·FOV of N FOVs is a re-homing
	 * @param output           slice_config.csv to write
	 * @param shiftsOut        corrected shifts to write, or null
	 */
	public record Options(Path input, Path shifts, double tileFovMm, double maxShiftMm, double returnFraction,
			double tileFovTolerance, Path output, Path shiftsOut) {
		public static final double MAX_SHIFT_MM = 0.5;
		public static final double RETURN_FRACTION = 0.4;
		public static final double TILE_FOV_TOLERANCE = 0.05;

		public static Options defaults(final Path input, final Path shifts, final double tileFovMm, final Path output) {
			return new Options(input, shifts, tileFovMm, MAX_SHIFT_MM, RETURN_FRACTION, TILE_FOV_TOLERANCE, output, null);
		}

		/** The same, also writing the corrected shifts to {@code file}. */
		public Options withShiftsOut(final Path file) {
			return new Options(input, shifts, tileFovMm, maxShiftMm, returnFraction, tileFovTolerance, output, file);
		}

		Rehoming.Params params() {
			return new Rehoming.Params(tileFovMm, maxShiftMm, returnFraction, tileFovTolerance);
		}
	}

	/** @param steps every step after correction, in file order; {@code stamped} their moving slices */
	public record Result(List<Rehoming.Result> steps, List<String> stamped, SliceConfig config, Path output,
			Path shiftsOut) {
		/** The header of {@link #rows()}. */
		public static final List<String> HEADER = List.of("slice_id", "rehomed", "rehoming_reliable", "correction");

		/** One row per step: its moving slice, whether it was changed, whether it is reliable, which pass. */
		public List<List<String>> rows() {
			final List<List<String>> rows = new ArrayList<>();
			for (final Rehoming.Result r : steps)
				rows.add(List.of(SliceConfig.normalizeId(Integer.toString(r.step().movingId())),
						Boolean.toString(r.changed()), Boolean.toString(r.reliable()), r.correction().label));
			return rows;
		}
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		final SliceConfig config = Inputs.config(problems, o.input());
		Rehoming.Params params = null;
		try {
			params = o.params();
		}
		catch (final IllegalArgumentException e) {
			problems.add(e.getMessage());
		}
		problems.requireFile(o.shifts(), "shifts file");
		RehomingShiftsFile file = null;
		if (o.shifts() != null && Files.isRegularFile(o.shifts())) {
			try {
				file = SliceConfigFiles.readShiftsForRehoming(o.shifts());
				// No steps would clear every rehomed / rehoming_reliable: an empty export, not a clean dataset.
				if (file.steps().isEmpty()) {
					problems.add(o.shifts() + ": no shifts, only a header (nothing to correct)");
					file = null;
				}
			}
			catch (final BadInputException e) {
				problems.add(e.getMessage());
			}
		}
		problems.requireOutputFile(o.output(), "output slice_config");
		if (o.shiftsOut() != null) problems.requireOutputFile(o.shiftsOut(), "corrected shifts");
		List<Rehoming.Result> results = null;
		if (file != null && params != null) {
			try {
				results = Rehoming.correct(file.steps(), params, listener);
			}
			catch (final BadInputException e) {
				problems.add(o.shifts() + ": " + e.getMessage());
			}
		}
		problems.throwIfAny();
		final List<String> stamped = Rehoming.stamp(config, results);
		if (o.shiftsOut() != null) SliceConfigFiles.writeRehomedShifts(file, results, o.shiftsOut());
		SliceConfigFiles.write(config, o.output());
		return new Result(results, stamped, config, o.output(), o.shiftsOut());
	}
}
