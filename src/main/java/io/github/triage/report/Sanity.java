package io.github.triage.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warnings about decisions that look wrong from their numbers alone: a stage that excluded more than half of the
 * slices (a threshold on the wrong scale, a wrong folder), or every slice within a hair of a threshold (the
 * decisions then hang on noise).
 */
public final class Sanity {
	/** "Within a hair": this close to the threshold (scores and correlations live in [0, 1]). */
	public static final double HAIR = 0.02;
	/** Too few values say nothing about where they lie. */
	static final int MIN_VALUES = 3;

	private Sanity() {
	}

	/** One warning per stage that excluded more than half of the slices. */
	public static List<String> mostExcluded(final Summary s) {
		final List<String> out = new ArrayList<>();
		for (final Map.Entry<String, Integer> e : s.excludedBy().entrySet())
			if (e.getValue() * 2 > s.slices())
				out.add(String.format(Locale.ROOT, "%s excluded %d of %d slices (%.0f%%): check its threshold and inputs",
						e.getKey(), e.getValue(), s.slices(), 100.0 * e.getValue() / s.slices()));
		return out;
	}

	/** A warning when every one of {@code values} (at least three) lies within {@link #HAIR} of the threshold. */
	public static List<String> allNearThreshold(final String what, final Collection<Double> values,
			final double threshold) {
		if (Double.isNaN(threshold) || values.size() < MIN_VALUES) return List.of();
		final DoubleSummaryStatistics st = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
		if (st.getMin() < threshold - HAIR || st.getMax() > threshold + HAIR) return List.of();
		return List.of(String.format(Locale.ROOT,
				"every one of the %d %s values lies within %s of the threshold %s (from %s to %s): the decisions "
						+ "hang on noise",
				values.size(), what, number(HAIR), number(threshold), number(st.getMin()), number(st.getMax())));
	}

	/** A number in at most 3 significant digits, without trailing zeros. */
	public static String number(final double v) {
		if (!Double.isFinite(v)) return Double.toString(v);
		return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
	}
}
