package io.github.triage.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers at the top of the report.
 *
 * @param excludedBy excluded slices per stage, in the order stages run
 * @param reasons    per stage, reason → count
 */
public record Summary(int slices, int used, Map<String, Integer> excludedBy, Map<String, Map<String, Integer>> reasons) {

	/** Stages in the order the pipeline runs them. */
	static final List<String> ORDER = List.of(SliceAudit.CALIBRATION, SliceAudit.MANUAL, SliceAudit.GALVO,
			SliceAudit.QUALITY, SliceAudit.REHOMING, SliceAudit.AUTO_EXCLUSION, SliceAudit.INTERPOLATION,
			SliceAudit.UNSET);

	public int excluded() {
		return slices - used;
	}

	public static Summary of(final List<SliceAudit.Row> rows) {
		final Map<String, Integer> by = new TreeMap<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0
				? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
		final Map<String, Map<String, Integer>> reasons = new LinkedHashMap<>();
		int used = 0;
		for (final SliceAudit.Row r : rows) {
			if (r.used()) {
				used++;
				continue;
			}
			by.merge(r.setBy(), 1, Integer::sum);
			reasons.computeIfAbsent(r.setBy(), k -> new TreeMap<>()).merge(r.reason(), 1, Integer::sum);
		}
		final Map<String, Map<String, Integer>> ordered = new LinkedHashMap<>();
		for (final String s : by.keySet()) ordered.put(s, reasons.get(s));
		return new Summary(rows.size(), used, new LinkedHashMap<>(by), ordered);
	}

	private static int rank(final String stage) {
		final int i = ORDER.indexOf(stage);
		return i < 0 ? ORDER.size() : i;
	}
}
