package io.github.triage.stage.stream;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 90s}, {@code 15m}, {@code 2h}, {@code 250ms} (CLI and Fiji alike). */
public final class Durations {
	private static final Pattern P = Pattern.compile("(\\d+)(ms|s|m|h)");

	private Durations() {
	}

	/** Parses {@code 90s}, {@code 15m}, {@code 2h}, {@code 250ms}; anything else is an IllegalArgumentException. */
	public static Duration parse(final String value) {
		final Matcher m = P.matcher(value == null ? "" : value.trim());
		if (!m.matches()) throw new IllegalArgumentException("'" + value + "' is not a duration like 90s, 15m or 2h");
		final long n = Long.parseLong(m.group(1));
		return switch (m.group(2)) {
			case "ms" -> Duration.ofMillis(n);
			case "s" -> Duration.ofSeconds(n);
			case "m" -> Duration.ofMinutes(n);
			default -> Duration.ofHours(n);
		};
	}

	/** The shortest exact form: {@code 2h}, {@code 15m}, {@code 90s}, {@code 250ms}. */
	public static String format(final Duration d) {
		final long ms = d.toMillis();
		if (ms != 0 && ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
		if (ms != 0 && ms % 60_000 == 0) return ms / 60_000 + "m";
		return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
	}
}
