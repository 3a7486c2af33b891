package io.github.triage.commands.ij1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import io.github.triage.io.layout.SliceFolders;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.commands.SliceIdList;
import io.github.triage.io.AtomicFiles;
import io.github.triage.slice.CumulativeShifts;
import io.github.triage.slice.PlainNumbers;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;

/**
 * slice_config operations for ImageJ macros, also where no menu exists (truly headless macros):
 * {@code call("io.github.triage.commands.ij1.MacroFunctions.filter", "/d/slice_config.csv")} returns "01,03,05".
 * Every argument and result is a string (call() passes strings). Bad input writes nothing, logs "Triage error: ..."
 * and returns "error: ..." (call() cannot stop a macro: an exception thrown here only prints a stack trace), so a
 * macro checks {@code if (startsWith(r, "error")) exit(r);}. Warnings go to the Log window.
 */
public final class MacroFunctions {
	private static final String ERROR = "error: ";

	private MacroFunctions() {}

	/** Ids whose use is true, comma-separated, in row order. */
	public static String filter(final String config) {
		return run(() -> String.join(",", SliceConfigFiles.read(path(config, "config")).filterSlicesToUse()));
	}

	/** Ids the stacking stage skips (use false or auto_excluded), comma-separated. */
	public static String forceSkip(final String config) {
		return run(() -> String.join(",", SliceConfigFiles.read(path(config, "config")).forceSkipSlices()));
	}

	/** A new config from a shifts file's ids; returns "N slices, U used". */
	public static String generateFromShifts(final String shifts, final String output, final String exclude,
			final String excludeFirst) {
		return run(() -> generate(SliceConfigFiles.readShifts(path(shifts, "shifts")).sliceIds(), output, exclude,
				excludeFirst));
	}

	/** A new config from a mosaics folder's slice ids; returns "N slices, U used". */
	public static String generateFromMosaics(final String mosaics, final String output, final String exclude,
			final String excludeFirst) {
		return run(() -> generate(SliceFolders.mosaicIds(path(mosaics, "mosaics")), output, exclude, excludeFirst));
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
			final SliceConfig c = SliceConfigFiles.read(in);
			final Map<String, Map<String, Object>> stamps = new LinkedHashMap<>();
			for (final String id : ids) stamps.put(id, Map.of(column.strip(), value == null ? "" : value));
			c.stampMany(stamps, flag(appendNotes));
			SliceConfigFiles.write(c, output == null || output.isBlank() ? in : path(output, "output"));
			return String.join(",", ids);
		});
	}

	/** Merges a folder of per-slice fragment CSVs; writes {@code output} (the input when empty); returns the ids. */
	public static String mergeFragments(final String config, final String fragments, final String output) {
		return run(() -> {
			final Path in = path(config, "config");
			final SliceConfig c = SliceConfigFiles.read(in);
			final List<String> ids = c.mergeFragments(SliceConfigFiles.readFragments(path(fragments, "fragments")));
			SliceConfigFiles.write(c, output == null || output.isBlank() ? in : path(output, "output"));
			return String.join(",", ids);
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
		final ShiftsTable table = SliceConfigFiles.readShifts(path(shifts, "shifts"));
		final List<Integer> selected = new ArrayList<>();
		if (config == null || config.isBlank()) selected.addAll(table.ids());
		else for (final String id : SliceConfigFiles.read(path(config, "config")).filterSlicesToUse())
			selected.add(SliceConfig.idValue(id));
		final double[] res = resolution(resolutionUm);
		final CumulativeShifts cum = CumulativeShifts.compute(table, selected, flag(center));
		cum.warnings().forEach(w -> IJ.log("Triage warning: " + w));
		final List<String> lines = new ArrayList<>();
		lines.add(res == null ? "slice_id,dx_mm,dy_mm" : "slice_id,dx_mm,dy_mm,dx_px,dy_px");
		for (final CumulativeShifts.Entry e : cum.entries()) {
			String line = e.id() + "," + num(e.dxMm()) + "," + num(e.dyMm());
			if (res != null) line += "," + num(e.dxPx(res[0])) + "," + num(e.dyPx(res[1]));
			lines.add(line);
		}
		return lines;
	}

	/** Writes text lines atomically (LF line ends). */
	static void writeLines(final Path file, final List<String> lines) throws IOException {
		final byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, out -> out.write(bytes));
	}

	private static String generate(final List<String> ids, final String output, final String exclude,
			final String excludeFirst) throws IOException {
		final Path out = path(output, "output");
		final int first;
		try {
			first = excludeFirst == null || excludeFirst.isBlank() ? 0 : Integer.parseInt(excludeFirst.strip());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("exclude_first '" + excludeFirst + "' is not a whole number");
		}
		final List<String> warnings = new ArrayList<>();
		final SliceConfig c = SliceConfig.generate(ids, SliceIdList.parse(exclude), first, warnings);
		warnings.forEach(w -> IJ.log("Triage warning: " + w));
		SliceConfigFiles.write(c, out);
		return c.size() + " slices, " + c.filterSlicesToUse().size() + " used";
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
	static double[] resolution(final String text) {
		if (text == null || text.isBlank()) return null;
		final String[] parts = text.strip().split("\\s*,\\s*");
		try {
			final double x = Double.parseDouble(parts[0]);
			final double y = parts.length > 1 ? Double.parseDouble(parts[1]) : x;
			if (parts.length > 2 || !(x > 0) || !(y > 0) || Double.isInfinite(x) || Double.isInfinite(y))
				throw new NumberFormatException();
			return new double[] { x, y };
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("resolution '" + text.strip() + "' must be X or X,Y in µm (> 0)");
		}
	}

	static String num(final double v) {
		return PlainNumbers.format(v); // as `triage shifts cumulative` prints them
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
