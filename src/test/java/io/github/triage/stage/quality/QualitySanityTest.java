package io.github.triage.stage.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.triage.quality.QualityDecisions.Decision;

/** The quality stages warn through slice.DecisionSanity (both write through QualityOutputs). */
class QualitySanityTest {
	private static Decision d(final String id, final boolean use, final double score, final boolean calibration) {
		return new Decision(id, use, score, calibration, false, !use && !calibration, "");
	}

	@Test
	void mostSlicesExcludedAndScoresAtTheThresholdAreNamed() {
		final List<String> w = QualityOutputs.sanity(List.of(d("00", false, 0.1, true), d("01", false, 0.49, false),
				d("02", false, 0.495, false), d("03", true, 0.51, false)), 0.5);
		assertEquals(2, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("quality: 3 of 4 slices excluded (over half)"), w.get(0));
		// the calibration slice's 0.1 is not judged: the three others lie within 0.02 of 0.5
		assertTrue(w.get(1).startsWith("quality: every slice's score (3, from 0.4900 to 0.5100)"), w.get(1));
		assertEquals(List.of(), QualityOutputs.sanity(List.of(d("00", true, 0.9, false), d("01", true, 0.8, false),
				d("02", false, 0.3, false)), 0.5));
	}
}
