package io.github.triage.slice;

import java.math.BigDecimal;

/** Numbers for machine-read CSV: the shortest decimal that reads back as the same double, without exponent. */
public final class PlainNumbers {
	private PlainNumbers() {
	}

	/** "0.0038", "6", "-1.575", "0" (also for -0.0); NaN gives an empty cell. */
	public static String format(final double v) {
		if (Double.isNaN(v)) return "";
		if (v == 0) return "0";
		return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
	}
}
