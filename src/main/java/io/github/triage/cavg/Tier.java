package io.github.triage.cavg;

/**
 * The four rejection passes of SIMPLE's microchunked 2D workflow, each with its own population fraction and
 * local-variance thresholds (resolution and mask criteria are the same in every tier).
 */
public enum Tier {
	/** Pass-1 chunk: population fraction 0.005, local variance (strong, weak) = (-0.5, -0.1). */
	P1(0.005, -0.5, -0.1),
	/** Pass-2 chunk: 0.0035, (-1, -1). */
	P2(0.0035, -1.0, -1.0),
	/** Reference chunk: 0.0025, (-2, -2). */
	REF(0.0025, -2.0, -2.0),
	/** Match chunk: the same thresholds as the reference chunk. */
	MATCH(0.0025, -2.0, -2.0);

	/** Fraction of the chunk's particles a class needs to be kept. */
	public final double popFraction;
	/** Robust-z thresholds of the local-variance criterion. */
	public final double lvStrong, lvWeak;

	Tier(final double popFraction, final double lvStrong, final double lvWeak) {
		this.popFraction = popFraction;
		this.lvStrong = lvStrong;
		this.lvWeak = lvWeak;
	}

	/** Parses {@code p1}, {@code p2}, {@code ref} or {@code match} (any case). */
	public static Tier parse(final String s) {
		for (final Tier t : values())
			if (t.name().equalsIgnoreCase(s.trim())) return t;
		throw new IllegalArgumentException("Unknown tier '" + s + "': expected p1, p2, ref or match");
	}
}
