package io.github.triage.commands.ij1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.gui.GenericDialog;

/**
 * The dialog of a Plugins > Triage > Macro entry run from the menu. Its fields carry the SciJava commands' keys
 * ({@code config_file=}, {@code output_file=}, {@code shifts_file=}, ...), so the Macro Recorder records a call that
 * the entry (and the SciJava command of the same operation) reads back.
 */
final class MenuDialog {
	/** New key → the earlier short key that macros may still use. */
	private static final Map<String, String> LEGACY = Map.of("config_file", "config", "output_file", "output",
			"shifts_file", "shifts", "mosaics_dir", "mosaics", "fragments_dir", "fragments");

	/** Field kinds: text fields, and checkboxes (keys ending in '?'). */
	private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
	static {
		FIELDS.put("generate", List.of("shifts_file", "mosaics_dir", "output_file", "exclude", "exclude_first"));
		FIELDS.put("stamp", List.of("config_file", "slices", "column", "value", "append_notes?", "output_file"));
		FIELDS.put("merge", List.of("config_file", "fragments_dir", "output_file"));
		FIELDS.put("filter", List.of("config_file", "output_file"));
		FIELDS.put("force_skip", List.of("config_file", "output_file"));
		FIELDS.put("shifts", List.of("shifts_file", "config_file", "resolution", "center?", "output_file"));
	}

	private MenuDialog() {
	}

	/** The keys to look an option up by: the new one, then its earlier short form. */
	static List<String> keys(final String key) {
		for (final Map.Entry<String, String> e : LEGACY.entrySet())
			if (e.getValue().equals(key) || e.getKey().equals(key)) return List.of(e.getKey(), e.getValue());
		return List.of(key);
	}

	/** Shows the operation's dialog; its values as a macro options string, or null when cancelled. */
	static String ask(final String operation) {
		final List<String> fields = FIELDS.getOrDefault(operation, List.of());
		final GenericDialog gd = new GenericDialog("Triage: " + operation.replace('_', ' '));
		for (final String f : fields)
			if (f.endsWith("?")) gd.addCheckbox(f.substring(0, f.length() - 1), false);
			else gd.addStringField(f, "", 40);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final StringBuilder sb = new StringBuilder();
		for (final String f : fields)
			if (f.endsWith("?")) {
				if (gd.getNextBoolean()) sb.append(f, 0, f.length() - 1).append(' ');
			}
			else {
				final String v = gd.getNextString().strip();
				if (!v.isEmpty()) sb.append(f).append("=[").append(v).append("] ");
			}
		return sb.toString();
	}
}
