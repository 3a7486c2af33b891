package io.github.triage.slice;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The slice_config.csv schema: the 14 canonical columns in the spec's order, which of them are booleans, and the
 * boolean words files from the reference pipeline use.
 */
public final class SliceColumns {
	public static final String SLICE_ID = "slice_id";
	public static final String USE = "use";
	public static final String QUALITY_SCORE = "quality_score";
	public static final String GALVO_CONFIDENCE = "galvo_confidence";
	public static final String GALVO_FIX = "galvo_fix";
	public static final String REHOMED = "rehomed";
	public static final String REHOMING_RELIABLE = "rehoming_reliable";
	public static final String AUTO_EXCLUDED = "auto_excluded";
	public static final String AUTO_EXCLUDE_REASON = "auto_exclude_reason";
	public static final String INTERPOLATED = "interpolated";
	public static final String INTERPOLATION_FAILED = "interpolation_failed";
	public static final String INTERPOLATION_METHOD_USED = "interpolation_method_used";
	public static final String INTERPOLATION_FALLBACK_REASON = "interpolation_fallback_reason";
	public static final String NOTES = "notes";

	/** Canonical columns, in the order every writer puts them first. */
	public static final List<String> CANONICAL = List.of(SLICE_ID, USE, QUALITY_SCORE, GALVO_CONFIDENCE, GALVO_FIX,
			REHOMED, REHOMING_RELIABLE, AUTO_EXCLUDED, AUTO_EXCLUDE_REASON, INTERPOLATED, INTERPOLATION_FAILED,
			INTERPOLATION_METHOD_USED, INTERPOLATION_FALLBACK_REASON, NOTES);

	/** Canonical columns holding booleans: read leniently (see {@link #parseBoolean}), written lowercase. */
	public static final Set<String> BOOLEAN = Set.of(USE, GALVO_FIX, REHOMED, REHOMING_RELIABLE, AUTO_EXCLUDED,
			INTERPOLATED, INTERPOLATION_FAILED);

	private static final Set<String> TRUE_WORDS = Set.of("true", "t", "yes", "y", "1");
	private static final Set<String> FALSE_WORDS = Set.of("false", "f", "no", "n", "0");

	private SliceColumns() {
	}

	public static boolean isCanonical(final String column) {
		return CANONICAL.contains(column);
	}

	public static boolean isBoolean(final String column) {
		return BOOLEAN.contains(column);
	}

	/**
	 * Reads a boolean cell as the reference pipeline writes them: true/t/yes/y/1 and false/f/no/n/0, any case,
	 * surrounding spaces ignored.
	 *
	 * @return {@code null} for an empty (unset) cell
	 * @throws IllegalArgumentException for any other word (the reference reads it as false; Triage refuses to guess)
	 */
	public static Boolean parseBoolean(final String text) {
		if (text == null) return null;
		final String s = text.strip().toLowerCase(Locale.ROOT);
		if (s.isEmpty()) return null;
		if (TRUE_WORDS.contains(s)) return Boolean.TRUE;
		if (FALSE_WORDS.contains(s)) return Boolean.FALSE;
		throw new IllegalArgumentException("unknown boolean '" + text.strip()
				+ "' (expected true/t/yes/y/1, false/f/no/n/0 or empty)");
	}
}
