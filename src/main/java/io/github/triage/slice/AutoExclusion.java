package io.github.triage.slice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Auto-exclusion of noisy clusters: a run of at least {@code minRun} slices whose pairwise z-correlation is strictly
 * below {@code threshold} (a value equal to it is not low). As in the reference, runs are counted along the sorted
 * list of slices that have a value, so an id gap or a slice without metrics does not break a run; such slices are
 * not evaluated and are left as they are (the face warns about them).
 */
public final class AutoExclusion {
	/** The reason stamped into auto_exclude_reason (the reference's word). */
	public static final String REASON = "consecutive_low_z_corr";

	private AutoExclusion() {
	}

	/** The runs (ids in order) of at least {@code minRun} consecutive low values. */
	public static List<List<Integer>> runs(final SortedMap<Integer, Double> zCorrelation, final double threshold,
			final int minRun) {
		if (minRun < 1) throw new IllegalArgumentException("consecutive threshold must be >= 1, got " + minRun);
		if (!Double.isFinite(threshold)) throw new IllegalArgumentException("z-correlation threshold must be finite");
		final List<List<Integer>> runs = new ArrayList<>();
		List<Integer> run = new ArrayList<>();
		for (final Map.Entry<Integer, Double> e : zCorrelation.entrySet()) {
			if (e.getValue() < threshold) {
				run.add(e.getKey());
				continue;
			}
			if (run.size() >= minRun) runs.add(run);
			run = new ArrayList<>();
		}
		if (run.size() >= minRun) runs.add(run);
		return runs;
	}

	/**
	 * Stamps the result: slices of a run get auto_excluded=true and the reason (a slice not in the config gets a row
	 * with use=false); every other evaluated slice that is in the config gets auto_excluded=false and an empty
	 * reason. The spec defines auto_excluded as "the slice is in a noisy cluster", so a stale true from an earlier run
	 * is cleared (the reference never writes false and keeps it, a known fault). use is left alone.
	 *
	 * @return the excluded ids, in order
	 */
	public static List<String> stamp(final SliceConfig config, final SortedMap<Integer, Double> zCorrelation,
			final List<List<Integer>> runs) {
		final Map<String, Map<String, ?>> stamps = new LinkedHashMap<>();
		final List<String> excluded = new ArrayList<>();
		for (final List<Integer> run : runs)
			for (final int id : run) excluded.add(SliceConfig.normalizeId(Integer.toString(id)));
		for (final int id : zCorrelation.keySet()) {
			final String sid = SliceConfig.normalizeId(Integer.toString(id));
			if (excluded.contains(sid))
				stamps.put(sid, Map.of(SliceColumns.AUTO_EXCLUDED, true, SliceColumns.AUTO_EXCLUDE_REASON, REASON));
			else if (config.contains(sid))
				stamps.put(sid, Map.of(SliceColumns.AUTO_EXCLUDED, false, SliceColumns.AUTO_EXCLUDE_REASON, ""));
		}
		config.stampMany(stamps, false);
		return excluded;
	}
}
