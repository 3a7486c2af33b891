package io.github.triage.galvo;

/** The spec's reading of an artifact-presence score (its table; 0.2–0.4 is left open by the spec). */
public enum Interpretation {
	NONE("no clear discontinuity"),
	WEAK("weak discontinuity, likely clean"),
	BORDERLINE("borderline, likely clean"),
	MILD("mild discontinuity, consider correction"),
	CLEAR("clear discontinuity");

	public final String text;

	Interpretation(final String text) {
		this.text = text;
	}

	public static Interpretation of(final double score) {
		if (score < 0.2) return NONE;
		if (score < 0.4) return WEAK;
		if (score < 0.5) return BORDERLINE;
		if (score < 0.6) return MILD;
		return CLEAR;
	}
}
