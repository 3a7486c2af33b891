package io.github.triage.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/**
 * The audit trail of a final slice_config: one row per slice with every column, whether the slice goes into the
 * volume, which stage decided that and why. slice_config keeps no history, so the stage is read back from what each
 * stage leaves behind: its note ({@code calibration_slice}, {@code low_quality (…)}, {@code excluded}), its columns
 * ({@code auto_excluded}, {@code interpolation_failed}, {@code rehomed}) or, failing those, a manual edit.
 */
public final class SliceAudit {
	/** Who set {@code use}: the names the report groups exclusions by. */
	public static final String CALIBRATION = "calibration", QUALITY = "quality", GALVO = "galvo",
			REHOMING = "rehoming", AUTO_EXCLUSION = "auto-exclusion", INTERPOLATION = "interpolation", MANUAL = "manual",
			UNSET = "unset";

	/**
	 * One slice.
	 *
	 * @param cells  every slice_config column (canonical first, then extras), as text
	 * @param used   whether the slice goes into the volume: use true and not auto-excluded
	 * @param setBy  the stage that excluded it (one of the constants), or "" for a used slice
	 * @param reason why, in the stage's words; for a used slice, what was done to it (galvo fix, interpolation)
	 */
	public record Row(String sliceId, Map<String, String> cells, boolean used, String setBy, String reason) {
	}

	private SliceAudit() {
	}

	/** The rows of {@code config}, in its row order. */
	public static List<Row> of(final SliceConfig config) {
		final List<Row> out = new ArrayList<>();
		for (final String id : config.ids()) {
			final Map<String, String> cells = new LinkedHashMap<>();
			for (final String c : config.columns()) cells.put(c, config.get(id, c));
			out.add(row(id, cells));
		}
		return out;
	}

	static Row row(final String id, final Map<String, String> c) {
		final Boolean use = bool(c.get(SliceColumns.USE));
		final boolean auto = Boolean.TRUE.equals(bool(c.get(SliceColumns.AUTO_EXCLUDED)));
		final String notes = c.getOrDefault(SliceColumns.NOTES, "").strip();
		final String lower = notes.toLowerCase(Locale.ROOT);
		if (Boolean.TRUE.equals(use) && !auto) return new Row(id, c, true, "", doneTo(c));
		if (auto) // auto-exclusion leaves use alone; stacking skips the slice all the same
			return new Row(id, c, false, AUTO_EXCLUSION, orElse(c.get(SliceColumns.AUTO_EXCLUDE_REASON),
					"in a run of low z-correlation"));
		if (use == null) return new Row(id, c, false, UNSET, "use is empty, which reads as not used");
		if (lower.contains("calibration")) return new Row(id, c, false, CALIBRATION, note(notes, "calibration"));
		if (lower.contains("low_quality")) return new Row(id, c, false, QUALITY, note(notes, "low_quality"));
		if (lower.contains("galvo")) return new Row(id, c, false, GALVO, note(notes, "galvo"));
		if (Boolean.TRUE.equals(bool(c.get(SliceColumns.INTERPOLATION_FAILED))))
			return new Row(id, c, false, INTERPOLATION, "interpolation failed"
					+ suffix(c.get(SliceColumns.INTERPOLATION_FALLBACK_REASON)));
		if (notes.isEmpty() && (!blank(c.get(SliceColumns.REHOMED)) || !blank(c.get(SliceColumns.REHOMING_RELIABLE))))
			return new Row(id, c, false, REHOMING, "added by rehoming: the shifts name a slice slice_config had no row for");
		if (notes.isEmpty() && !blank(c.get(SliceColumns.AUTO_EXCLUDED)))
			return new Row(id, c, false, AUTO_EXCLUSION, "added by auto-exclusion: the metrics name a slice slice_config had no row for");
		return new Row(id, c, false, MANUAL, notes.isEmpty() ? "use=false without a note (edited by hand?)" : notes);
	}

	/** What was done to a used slice, for its row. */
	private static String doneTo(final Map<String, String> c) {
		final List<String> done = new ArrayList<>();
		if (Boolean.TRUE.equals(bool(c.get(SliceColumns.GALVO_FIX)))) done.add("galvo fix");
		if (Boolean.TRUE.equals(bool(c.get(SliceColumns.REHOMED))))
			done.add(Boolean.FALSE.equals(bool(c.get(SliceColumns.REHOMING_RELIABLE))) ? "rehomed (unreliable)" : "rehomed");
		if (Boolean.TRUE.equals(bool(c.get(SliceColumns.INTERPOLATED))))
			done.add("interpolated" + suffix(c.get(SliceColumns.INTERPOLATION_METHOD_USED)));
		final String notes = c.getOrDefault(SliceColumns.NOTES, "").strip();
		if (!notes.isEmpty()) done.add(notes);
		return String.join("; ", done);
	}

	/** The part of the notes that names this stage (notes are "; "-joined). */
	private static String note(final String notes, final String key) {
		for (final String part : notes.split(";"))
			if (part.toLowerCase(Locale.ROOT).contains(key)) return part.strip();
		return notes;
	}

	/** A cell as a boolean; a word slice_config does not know reads as unset here (the config reader refuses it). */
	static Boolean bool(final String text) {
		try {
			return SliceColumns.parseBoolean(text);
		}
		catch (final IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean blank(final String s) {
		return s == null || s.isBlank();
	}

	private static String orElse(final String s, final String other) {
		return blank(s) ? other : s.strip();
	}

	private static String suffix(final String s) {
		return blank(s) ? "" : " (" + s.strip() + ")";
	}
}
