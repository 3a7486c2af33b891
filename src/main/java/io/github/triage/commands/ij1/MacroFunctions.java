package io.github.triage.commands.ij1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.commands.SliceIdList;
import io.github.triage.io.AtomicFiles;
import io.github.triage.stage.slice.CumulativeShiftsStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage.Source;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.SelectStage;
import io.github.triage.stage.slice.StampStage;

/**
 * slice_config operations for ImageJ macros, also where no menu exists (truly headless macros):
 * {@code call("io.github.triage.commands.ij1.MacroFunctions.filter", "/d/slice_config.csv")} returns "01,03,05".
 * Every argument and result is a string (call() passes strings). Bad input writes nothing, logs "Triage error: ..."
 * and returns "error: ..." (call() cannot stop a macro: an exception thrown here only prints a stack trace), so a
 * macro checks {@code if (startsWith(r, "error")) exit(r);}. Warnings go to the Log window.
 */
public final class MacroFunctions {
	private static final String ERROR = "error: ";
	/** Warnings and information go to the Log window. */
	private static final Listener LOG = new Listener() {
		@Override
		public void warning(final String message) {
			IJ.log("Triage warning: " + message);
		}
	};

	private MacroFunctions() {}

	/** Ids whose use is true, comma-separated, in row order. */
	public static String filter(final String config) {
		return run(() -> select(config, SelectStage.Selection.USE));
	}

	/** Ids the stacking stage skips (use false or auto_excluded), comma-separated. */
	public static String forceSkip(final String config) {
		return run(() -> select(config, SelectStage.Selection.FORCE_SKIP));
	}

	/** A new config from a shifts file's ids; returns "N slices, U used". */
	public static String generateFromShifts(final String shifts, final String output, final String exclude,
			final String excludeFirst) {
		return run(() -> generate(Source.SHIFTS, path(shifts, "shifts"), output, exclude, excludeFirst));
	}

	/** A new config from a mosaics folder's slice ids; returns "N slices, U used". */
	public static String generateFromMosaics(final String mosaics, final String output, final String exclude,
			final String excludeFirst) {
		return run(() -> generate(Source.MOSAICS, path(mosaics, "mosaics"), output, exclude, excludeFirst));
	}

	/**
	 * Sets {@code column} to {@code value} for the listed slices; {@code appendNotes} "true" joins notes with "; ".
	 * Writes {@code output} (the input when empty); returns the ids stamped, comma-separated.
	 */
	public static String stamp(final String config, final String slices, final String column, final String value,
			final String appendNotes, final String output) {
		return run(() -> {
			final Path in = path(config, "config");
			final List<String> ids = SliceIdList.parse(slices);
			if (ids.isEmpty()) throw new IllegalArgumentException("no slices given");
			if (column == null || column.isBlank()) throw new IllegalArgumentException("no column given");
			return String.join(",", new StampStage().run(StampStage.Options.sameForAll(in, outputOr(in, output), ids,
					Map.of(column.strip(), value == null ? "" : value), flag(appendNotes)), null, LOG).stamped());
		});
	}

	/** Merges a folder of per-slice fragment CSVs; writes {@code output} (the input when empty); returns the ids. */
	public static String mergeFragments(final String config, final String fragments, final String output) {
		return run(() -> {
			final Path in = path(config, "config");
			return String.join(",", new MergeFragmentsStage().run(new MergeFragmentsStage.Options(in,
					path(fragments, "fragments"), outputOr(in, output)), null, LOG).merged());
		});
	}

	/**
	 * Cumulative shifts of the selected slices (all of the shifts file without a config) as CSV text
	 * {@code slice_id,dx_mm,dy_mm[,dx_px,dy_px]}, one line per slice after the header. {@code resolutionUm}: "" or
	 * "X" or "X,Y" µm per pixel; {@code center}: "true" to centre on the middle selected slice.
	 */
	public static String cumulativeShifts(final String shifts, final String config, final String resolutionUm,
			final String center) {
		return run(() -> String.join("\n", shiftsCsv(shifts, config, resolutionUm, center)));
	}

	// ------------------------------------------------------------------------------------------------ shared

	/** The CSV lines (header first) of {@link #cumulativeShifts}; warnings go to the Log. */
	static List<String> shiftsCsv(final String shifts, final String config, final String resolutionUm,
			final String center) throws IOException {
		final CumulativeShiftsStage.Resolution res = resolution(resolutionUm);
		final CumulativeShiftsStage.Result r = new CumulativeShiftsStage().run(new CumulativeShiftsStage.Options(
				path(shifts, "shifts"), config == null || config.isBlank() ? null : path(config, "config"), res,
				flag(center), null), null, LOG);
		return List.of(r.csv().split("\n"));
	}

	/** Writes text lines atomically (LF line ends). */
	static void writeLines(final Path file, final List<String> lines) throws IOException {
		final byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, out -> out.write(bytes));
	}

	private static String generate(final Source source, final Path from, final String output, final String exclude,
			final String excludeFirst) throws IOException {
		final Path out = path(output, "output");
		final int first;
		try {
			first = excludeFirst == null || excludeFirst.isBlank() ? GenerateSliceConfigStage.Options.EXCLUDE_FIRST
					: Integer.parseInt(excludeFirst.strip());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("exclude_first '" + excludeFirst + "' is not a whole number");
		}
		final GenerateSliceConfigStage.Result r = new GenerateSliceConfigStage().run(new GenerateSliceConfigStage.Options(
				source, from, SliceIdList.parse(exclude), first, out, null), null, LOG);
		return r.config().size() + " slices, " + r.used().size() + " used";
	}

	private static String select(final String config, final SelectStage.Selection selection) throws IOException {
		return String.join(",", new SelectStage().run(new SelectStage.Options(path(config, "config"), selection), null,
				LOG).ids());
	}

	/** {@code output}, or the input when empty (in place). */
	private static Path outputOr(final Path in, final String output) {
		return output == null || output.isBlank() ? in : path(output, "output");
	}

	static Path path(final String text, final String what) {
		if (text == null || text.isBlank()) throw new IllegalArgumentException("no " + what + " path given");
		return Paths.get(text.strip());
	}

	static boolean flag(final String text) {
		if (text == null || text.isBlank()) return false;
		final String s = text.strip().toLowerCase(Locale.ROOT);
		return s.equals("true") || s.equals("1") || s.equals("yes");
	}

	/** "" → none; "10" → 10 × 10 µm; "10,5" → x 10 µm, y 5 µm. */
	static CumulativeShiftsStage.Resolution resolution(final String text) {
		if (text == null || text.isBlank()) return null;
		try {
			return CumulativeShiftsStage.Resolution.parse(text);
		}
		catch (final BadInputException e) {
			throw new IllegalArgumentException("resolution '" + text.strip() + "' must be X or X,Y in µm (> 0)");
		}
	}

	interface Op {
		String call() throws Exception;
	}

	static String message(final Throwable e) {
		if (e instanceof LinkageError) // a jar missing from the installation, not bad input: say which class
			return "missing class " + e.getMessage() + " (" + e.getClass().getSimpleName()
					+ "): is Triage installed with its dependencies? See docs/fiji.md";
		return e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage()
				: e.getMessage() != null ? e.getMessage() : e.toString();
	}

	/** Whether a result of these functions is a failure ("error: message"). */
	public static boolean isError(final String result) {
		return result != null && result.startsWith(ERROR);
	}

	/** Runs an operation; a failure is logged and returned as "error: message" (see class comment). */
	static String run(final Op op) {
		try {
			return op.call();
		}
		catch (final Exception | LinkageError e) {
			final String message = message(e);
			IJ.log("Triage error: " + message);
			return ERROR + message;
		}
	}
}
