package io.github.triage.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/** The report's plots, built from per-slice numbers (slice id → value) and the audit's decisions. */
public final class ReportPlots {
	static final String BLUE = "#1f5fbf", RED = "#d62728", ORANGE = "#ff8c00", GREY = "#7f7f7f", GREEN = "#2ca02c";

	private ReportPlots() {
	}

	/**
	 * Quality score per slice, the threshold, and the excluded slices crossed: red when quality excluded them,
	 * orange for calibration slices, grey for the other stages.
	 *
	 * @param setBy slice id → the stage that excluded it (used slices absent)
	 */
	public static Plot quality(final SortedMap<Integer, Double> score, final double threshold,
			final Map<Integer, String> setBy) {
		final List<Plot.Marks> marks = new ArrayList<>();
		addMarks(marks, "excluded by quality", score, setBy, Set.of(SliceAudit.QUALITY), RED);
		addMarks(marks, "calibration", score, setBy, Set.of(SliceAudit.CALIBRATION), ORANGE);
		addMarks(marks, "excluded by another stage", score, setBy, otherThan(setBy, SliceAudit.QUALITY,
				SliceAudit.CALIBRATION), GREY);
		return new Plot("Quality score per slice", "slice id", "quality score", 0, 1,
				List.of(line("quality score", score, BLUE)), marks, threshold,
				"Blue: quality score. " + thresholdWords(threshold, "slices below it are excluded") + legend(marks));
	}

	/** Galvo confidence per slice and the threshold at or above which a slice gets the galvo fix (green rings). */
	public static Plot galvo(final SortedMap<Integer, Double> confidence, final double threshold,
			final Set<Integer> fixed) {
		final List<Plot.Marks> marks = new ArrayList<>();
		final List<Integer> ids = confidence.keySet().stream().filter(fixed::contains).toList();
		if (!ids.isEmpty())
			marks.add(new Plot.Marks("galvo fix", toX(ids), ids.stream().mapToDouble(confidence::get).toArray(), GREEN));
		return new Plot("Galvo-return confidence per slice", "slice id", "galvo confidence", 0, 1,
				List.of(line("galvo confidence", confidence, BLUE)), marks, threshold,
				"Blue: confidence that the slice shows a galvo-return band. "
						+ thresholdWords(threshold, "slices at or above it get the galvo fix") + legend(marks));
	}

	/**
	 * One axis of the cumulative shifts (mm) per slice, before and after rehoming correction.
	 *
	 * @param axis "X" or "Y"
	 * @param after null when there is no corrected file
	 */
	public static Plot shifts(final String axis, final SortedMap<Integer, Double> before,
			final SortedMap<Integer, Double> after) {
		final List<Plot.Line> lines = new ArrayList<>();
		lines.add(new Plot.Line("before rehoming", toX(before.keySet()), values(before), after == null ? BLUE : GREY,
				after != null));
		if (after != null) lines.add(line("after rehoming", after, BLUE));
		return new Plot("Cumulative shift " + axis, "slice id", "cumulative " + axis + " shift (mm)", Double.NaN,
				Double.NaN, lines, List.of(), Double.NaN, after == null
						? "Blue: cumulative " + axis + " shift from the pairwise shifts (no rehoming-corrected file given)."
						: "Grey dashed: cumulative " + axis + " shift before rehoming; blue: after rehoming correction. "
								+ "A step that disappears was a rehoming event.");
	}

	/** Pairwise z-correlation per slice, the threshold, and the auto-excluded runs crossed in red. */
	public static Plot zCorrelation(final SortedMap<Integer, Double> zCorr, final double threshold,
			final Set<Integer> autoExcluded) {
		final List<Plot.Marks> marks = new ArrayList<>();
		final List<Integer> ids = zCorr.keySet().stream().filter(autoExcluded::contains).toList();
		if (!ids.isEmpty())
			marks.add(new Plot.Marks("auto-excluded", toX(ids), ids.stream().mapToDouble(zCorr::get).toArray(), RED));
		return new Plot("Pairwise z-correlation per slice", "slice id", "z-correlation", Double.NaN, Double.NaN,
				List.of(line("z-correlation", zCorr, BLUE)), marks, threshold,
				"Blue: z-correlation of each slice with the one below after pairwise registration. "
						+ thresholdWords(threshold, "runs of slices below it are auto-excluded") + legend(marks));
	}

	private static void addMarks(final List<Plot.Marks> marks, final String label, final SortedMap<Integer, Double> v,
			final Map<Integer, String> setBy, final Set<String> stages, final String color) {
		final List<Integer> ids = v.keySet().stream().filter(id -> setBy.containsKey(id) && stages.contains(setBy.get(id))).toList();
		if (!ids.isEmpty()) marks.add(new Plot.Marks(label, toX(ids), ids.stream().mapToDouble(v::get).toArray(), color));
	}

	private static Set<String> otherThan(final Map<Integer, String> setBy, final String... stages) {
		final Set<String> s = new java.util.HashSet<>(setBy.values());
		for (final String st : stages) s.remove(st);
		return s;
	}

	private static Plot.Line line(final String label, final SortedMap<Integer, Double> v, final String color) {
		return new Plot.Line(label, toX(v.keySet()), values(v), color, false);
	}

	private static double[] toX(final java.util.Collection<Integer> ids) {
		return ids.stream().mapToDouble(Integer::doubleValue).toArray();
	}

	private static double[] values(final SortedMap<Integer, Double> v) {
		return v.values().stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static String thresholdWords(final double t, final String meaning) {
		return Double.isNaN(t) ? "No threshold known. "
				: String.format(Locale.ROOT, "Dashed line: threshold %s (%s). ", Numbers.short3(t), meaning);
	}

	private static String legend(final List<Plot.Marks> marks) {
		final List<String> parts = new ArrayList<>();
		for (final Plot.Marks m : marks)
			parts.add(colorName(m.color()) + " marks: " + m.label() + " (" + m.x().length + ")");
		return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
	}

	private static String colorName(final String c) {
		return switch (c) {
		case RED -> "Red";
		case ORANGE -> "Orange";
		case GREEN -> "Green";
		default -> "Grey";
		};
	}
}
