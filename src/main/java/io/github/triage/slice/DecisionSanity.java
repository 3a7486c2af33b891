package io.github.triage.slice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Sanity checks on a stage's per-slice decisions (issue 11): the warnings a person should read before trusting
 * them. Pure: the stages pass the messages to their listener.
 * <ul>
 * <li>a stage that excludes <b>over half</b> of the slices is more likely misconfigured (threshold, inputs) than
 * right;</li>
 * <li>when <b>every</b> slice's score (at least {@link #MIN_VALUES} of them) lies within {@link #HAIR} of the
 * threshold, the decisions hang on noise: a hair's change of threshold flips them.</li>
 * </ul>
 * The report applies the same rules to the final config.
 */
public final class DecisionSanity {
	/** Scores closer than this to the threshold (absolute difference) are "within a hair" of it. */
	public static final double HAIR = 0.02;
	/** Fewer scores say nothing about where they lie (a one-slice fan-out run would always be "near"). */
	public static final int MIN_VALUES = 3;

	private DecisionSanity() {
	}

	/**
	 * The warnings for one stage's decisions.
	 *
	 * @param stage     the stage's name, starting each message ("quality", "galvo", "auto-exclusion")
	 * @param excluded  slices the stage excluded
	 * @param total     slices it decided on
	 * @param scores    the scores compared with the threshold (non-finite ones ignored); empty to skip that check
	 * @param threshold the threshold
	 * @return the warnings, none when all is well
	 */
	public static List<String> check(final String stage, final int excluded, final int total,
			final Collection<Double> scores, final double threshold) {
		final List<String> out = new ArrayList<>();
		excludedMost(stage, excluded, total, out);
		allNearThreshold(stage, scores, threshold, out);
		return out;
	}

	/** {@link #check} without an exclusion count: only the scores against the threshold. */
	public static List<String> scores(final String stage, final Collection<Double> scores, final double threshold) {
		return check(stage, 0, 0, scores, threshold);
	}

	private static void excludedMost(final String stage, final int excluded, final int total, final List<String> out) {
		if (total > 0 && 2L * excluded > total)
			out.add(String.format(Locale.ROOT,
					"%s: %d of %d slices excluded (over half); check the threshold and the inputs before trusting this",
					stage, excluded, total));
	}

	private static void allNearThreshold(final String stage, final Collection<Double> scores, final double threshold,
			final List<String> out) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int n = 0;
		for (final Double s : scores) {
			if (s == null || !Double.isFinite(s)) continue;
			if (!(Math.abs(s - threshold) <= HAIR)) return;
			min = Math.min(min, s);
			max = Math.max(max, s);
			n++;
		}
		if (n < MIN_VALUES || !Double.isFinite(threshold)) return;
		out.add(String.format(Locale.ROOT,
				"%s: every slice's score (%d, from %.4f to %.4f) lies within %.2f of the threshold %.4f: the decisions "
						+ "hang on noise",
				stage, n, min, max, HAIR, threshold));
	}
}
