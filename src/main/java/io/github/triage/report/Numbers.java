package io.github.triage.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers for a person to read in the report: thresholds, axis ticks. */
public final class Numbers {
	private Numbers() {
	}

	/** A number in at most 3 significant digits, without trailing zeros: "0.3", "1250", "0.0123". */
	public static String short3(final double v) {
		if (!Double.isFinite(v)) return Double.toString(v);
		return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
	}
}
