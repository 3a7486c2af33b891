package io.github.triage.commands.ij1;

import java.util.List;

import ij.IJ;
import ij.Macro;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

/**
 * The ImageJ 1.x menu entries of plugins.config (Plugins > Triage > Macro), one per operation named by the
 * argument, for plain ImageJ macros: options are read with {@link Macro#getValue}, results are printed to the Log
 * (ids one per line; shifts as CSV) and written to {@code output=} when given. For example
 * {@code run("Slice config filter", "config=/d/slice_config.csv output=/d/ids.txt");}
 */
public class SliceConfigMacro implements PlugIn {

	@Override
	public void run(final String arg) {
		String options = Macro.getOptions();
		if (options == null) {
			if (java.awt.GraphicsEnvironment.isHeadless()) {
				abort("'" + arg + "' needs its options without a display, e.g. run(\"Slice config filter\", "
						+ "\"config_file=/path/slice_config.csv\"); see docs/fiji.md");
				return;
			}
			// run from the menu: a dialog, so that the Macro Recorder records the call with its keys
			options = MenuDialog.ask(arg);
			if (options == null) return; // cancelled
		}
		switch (arg) {
			case "generate" -> generate(options);
			case "stamp" -> report(MacroFunctions.stamp(get(options, "config"), get(options, "slices"),
					get(options, "column"), get(options, "value"), Boolean.toString(flag(options, "append_notes")),
					get(options, "output")), "stamped: ", null);
			case "merge" -> report(MacroFunctions.mergeFragments(get(options, "config"), get(options, "fragments"),
					get(options, "output")), "merged: ", null);
			case "filter" -> report(MacroFunctions.filter(get(options, "config")), "", get(options, "output"));
			case "force_skip" -> report(MacroFunctions.forceSkip(get(options, "config")), "", get(options, "output"));
			case "shifts" -> shifts(options);
			default -> abort("unknown operation '" + arg + "' in plugins.config");
		}
	}

	private static void generate(final String options) {
		final String shifts = get(options, "shifts"), mosaics = get(options, "mosaics");
		if (shifts.isBlank() == mosaics.isBlank()) {
			abort("give either shifts=FILE or mosaics=FOLDER");
			return;
		}
		final String summary = shifts.isBlank()
				? MacroFunctions.generateFromMosaics(mosaics, get(options, "output"), get(options, "exclude"),
						get(options, "exclude_first"))
				: MacroFunctions.generateFromShifts(shifts, get(options, "output"), get(options, "exclude"),
						get(options, "exclude_first"));
		if (MacroFunctions.isError(summary)) Macro.abort();
		else IJ.log("Triage: wrote " + get(options, "output") + ": " + summary);
	}

	/** Logs ids one per line (after a prefix, if any) and writes them to {@code output} when given. */
	private static void report(final String joined, final String prefix, final String output) {
		if (MacroFunctions.isError(joined)) {
			Macro.abort();
			return;
		}
		final List<String> ids = joined.isEmpty() ? List.of() : List.of(joined.split(","));
		if (!prefix.isEmpty()) {
			IJ.log("Triage: " + prefix + joined);
			return;
		}
		ids.forEach(IJ::log);
		if (output != null && !output.isBlank() && MacroFunctions.isError(MacroFunctions.run(() -> {
			MacroFunctions.writeLines(MacroFunctions.path(output, "output"), ids);
			return "";
		}))) Macro.abort();
	}

	private static void shifts(final String options) {
		final List<String> lines;
		try {
			lines = MacroFunctions.shiftsCsv(get(options, "shifts"), get(options, "config"),
					get(options, "resolution"), Boolean.toString(flag(options, "center")));
			final String output = get(options, "output");
			if (!output.isBlank()) MacroFunctions.writeLines(MacroFunctions.path(output, "output"), lines);
		}
		catch (final Exception | LinkageError e) {
			abort(MacroFunctions.message(e));
			return;
		}
		lines.forEach(IJ::log);
		// Also as a table, which macros read with Table.get / getResult.
		final String[] header = lines.get(0).split(",");
		final ResultsTable rt = new ResultsTable();
		for (final String line : lines.subList(1, lines.size())) {
			final String[] cells = line.split(",");
			rt.incrementCounter();
			rt.addValue(header[0], cells[0]);
			for (int i = 1; i < header.length; i++) rt.addValue(header[i], Double.parseDouble(cells[i]));
		}
		if (!java.awt.GraphicsEnvironment.isHeadless()) rt.show("Cumulative shifts");
	}

	/**
	 * Logs the failure and stops the macro the ImageJ way (Macro.abort: quietly in Fiji; in "-batch" runs the macro
	 * goes on, as after any ImageJ error). Never a modal dialog: that would hang a batch run under Xvfb.
	 */
	private static void abort(final String message) {
		IJ.log("Triage error: " + message);
		Macro.abort();
	}

	/**
	 * An option by its key, the SciJava commands' key first ({@code config_file}, {@code output_file},
	 * {@code shifts_file}, {@code mosaics_dir}, {@code fragments_dir}), then the earlier short one ({@code config},
	 * {@code output}, ...), so that older macros still run.
	 */
	private static String get(final String options, final String key) {
		for (final String k : MenuDialog.keys(key)) {
			final String v = Macro.getValue(options, k, null);
			if (v != null) return v.strip();
		}
		return "";
	}

	/** A checkbox key: present as a bare word ("center") or as key=true. */
	private static boolean flag(final String options, final String key) {
		return (" " + options + " ").contains(" " + key + " ") || MacroFunctions.flag(get(options, key));
	}
}
