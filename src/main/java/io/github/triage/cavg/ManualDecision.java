package io.github.triage.cavg;

/**
 * A class kept or rejected by a person (review window, {@code cavg override}), recorded in {@code rejection.csv}
 * with {@code decided_by = manual}. It overrides both the rejector's verdict and the class's earlier state, and a
 * later automatic rejection of the same folder keeps it.
 *
 * @param classNumber 1-based class number
 * @param state       1 kept, 0 rejected
 * @param note        why (free text; "" when none)
 * @param date        when (ISO date, as recorded)
 */
public record ManualDecision(int classNumber, int state, String note, String date) {
	/** {@code decided_by} values in rejection.csv. */
	public static final String MANUAL = "manual", REJECTOR = "rejector";

	public ManualDecision {
		if (classNumber < 1) throw new IllegalArgumentException("class numbers start at 1, got " + classNumber);
		if (state != 0 && state != 1) throw new IllegalArgumentException("a state is 0 or 1, got " + state);
		note = note == null ? "" : note;
		date = date == null ? "" : date;
	}

	public boolean kept() {
		return state == 1;
	}

	/** The contact-sheet reason of a class rejected by hand (the note stays in rejection.csv). */
	public String reason() {
		return "rejected by hand";
	}
}
