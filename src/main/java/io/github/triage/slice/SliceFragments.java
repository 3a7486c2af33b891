package io.github.triage.slice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.BadInputException;

/**
 * Per-slice fragment CSVs for {@link SliceConfig#mergeFragments} (the io layer reads a folder of them in name
 * order, so that later files win). Each needs a {@code slice_id} column; every row becomes one stamp.
 * <p>
 * Interpolation manifests ({@code slice_z{NN}_manifest.csv}: slice_id, method, method_used, fallback_reason,
 * interpolation_failed, output_path) map as the reference's finalise step does: {@code interpolated} = not
 * {@code interpolation_failed} (an empty cell counts as not failed); {@code method_used} →
 * {@code interpolation_method_used}, forced empty on failure; {@code fallback_reason} →
 * {@code interpolation_fallback_reason}; {@code method} and {@code output_path} are dropped. Other columns are
 * stamped under their own names.
 */
public final class SliceFragments {
	static final String METHOD = "method";
	static final String METHOD_USED = "method_used";
	static final String FALLBACK_REASON = "fallback_reason";
	static final String OUTPUT_PATH = "output_path";

	/** One row of one fragment: the slice, its cells mapped to slice_config columns, and "file: line N". */
	public record Stamp(String sliceId, Map<String, String> values, String source) {
	}

	private SliceFragments() {
	}

	/** The stamps of fragment tables, in order. */
	public static List<Stamp> parse(final List<TextTable> tables) {
		final List<Stamp> out = new ArrayList<>();
		for (final TextTable t : tables) readOne(t, out);
		return out;
	}

	private static void readOne(final TextTable t, final List<Stamp> out) {
		final int idCol = t.column(SliceColumns.SLICE_ID);
		if (idCol < 0) throw t.error(t.headerLine(), null, "no 'slice_id' column in the fragment header " + t.header());
		final boolean manifest = t.column(SliceColumns.INTERPOLATION_FAILED) >= 0 || t.column(METHOD_USED) >= 0
				|| t.column(FALLBACK_REASON) >= 0;
		for (final TextTable.Row row : t.rows()) {
			final String id;
			try {
				id = SliceConfig.normalizeId(row.get(idCol));
			}
			catch (final IllegalArgumentException e) {
				throw t.error(row.line(), SliceColumns.SLICE_ID, e.getMessage());
			}
			final Map<String, String> v = new LinkedHashMap<>();
			for (int i = 0; i < t.header().size(); i++) {
				final String name = t.header().get(i);
				if (i == idCol || (manifest && (name.equals(METHOD) || name.equals(OUTPUT_PATH)))) continue;
				final String key = !manifest ? name
						: name.equals(METHOD_USED) ? SliceColumns.INTERPOLATION_METHOD_USED
								: name.equals(FALLBACK_REASON) ? SliceColumns.INTERPOLATION_FALLBACK_REASON : name;
				final String text = row.get(i);
				if (SliceColumns.isBoolean(key)) {
					try {
						SliceColumns.parseBoolean(text);
					}
					catch (final IllegalArgumentException e) {
						throw t.error(row.line(), name, e.getMessage());
					}
				}
				v.put(key, text);
			}
			if (manifest) {
				final boolean failed = Boolean.TRUE.equals(SliceColumns.parseBoolean(
						v.getOrDefault(SliceColumns.INTERPOLATION_FAILED, "")));
				v.put(SliceColumns.INTERPOLATION_FAILED, Boolean.toString(failed));
				v.put(SliceColumns.INTERPOLATED, Boolean.toString(!failed));
				if (failed) v.put(SliceColumns.INTERPOLATION_METHOD_USED, "");
			}
			out.add(new Stamp(id, v, t.source() + ": line " + row.line()));
		}
	}
}
