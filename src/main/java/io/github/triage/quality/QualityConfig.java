package io.github.triage.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/**
 * Puts quality decisions into a slice_config: quality_score (3 decimals), use and a short note; nothing else (raw
 * metrics go to diagnostics). On an existing config, earlier decisions are kept: a slice already excluded stays
 * excluded (quality never re-includes it), other columns and extra columns are untouched, and a note already
 * present is not appended again, so a rerun gives the same file.
 */
public final class QualityConfig {
	private QualityConfig() {
	}

	/**
	 * @param existing the config to update, or null for a new one holding only canonical columns
	 * @return the updated (or new) config
	 */
	public static SliceConfig apply(final SliceConfig existing, final List<QualityDecisions.Decision> decisions) {
		final SliceConfig cfg = existing != null ? existing : new SliceConfig();
		final Map<String, Map<String, Object>> values = new LinkedHashMap<>();
		for (final QualityDecisions.Decision d : decisions) {
			final Map<String, Object> v = new LinkedHashMap<>();
			v.put(SliceColumns.QUALITY_SCORE, String.format(Locale.ROOT, "%.3f", d.qualityScore()));
			final boolean had = cfg.contains(d.sliceId());
			final Boolean earlier = had ? cfg.getBoolean(d.sliceId(), SliceColumns.USE) : null;
			if (earlier == null || !d.use()) v.put(SliceColumns.USE, d.use());
			if (!d.note().isEmpty()) {
				final String notes = had ? cfg.get(d.sliceId(), SliceColumns.NOTES) : "";
				if (!List.of(notes.split(";")).stream().map(String::strip).toList().contains(d.note()))
					v.put(SliceColumns.NOTES, d.note());
			}
			values.put(d.sliceId(), v);
		}
		cfg.stampMany(values, true);
		return cfg;
	}
}
