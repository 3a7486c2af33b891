package io.github.triage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DecisionSanityTest {

	@Test
	void overHalfExcludedWarnsWithTheNumbers() {
		final List<String> w = DecisionSanity.check("quality", 4, 7, List.of(), 0.5);
		assertEquals(1, w.size());
		assertTrue(w.get(0).startsWith("quality: 4 of 7 slices excluded (over half)"), w.get(0));
		assertEquals(List.of(), DecisionSanity.check("quality", 3, 6, List.of(), 0.5), "exactly half is not most");
		assertEquals(List.of(), DecisionSanity.check("quality", 0, 0, List.of(), 0.5));
	}

	@Test
	void everyScoreWithinAHairOfTheThresholdWarns() {
		final List<String> w = DecisionSanity.scores("galvo", List.of(0.59, 0.605, 0.6199), 0.6);
		assertEquals(1, w.size());
		assertTrue(w.get(0).contains("every slice's score (3, from 0.5900 to 0.6199) lies within 0.02 of the threshold 0.6000"),
				w.get(0));
		// one slice clearly away from it: the decisions are not all fragile
		assertEquals(List.of(), DecisionSanity.scores("galvo", List.of(0.59, 0.605, 0.7), 0.6));
		// NaN (no score) is ignored; fewer than three scores say nothing
		assertEquals(1, DecisionSanity.scores("galvo", Arrays.asList(0.6, 0.61, Double.NaN, null, 0.59), 0.6).size());
		assertEquals(List.of(), DecisionSanity.scores("galvo", Arrays.asList(0.6, 0.6, Double.NaN), 0.6));
		assertEquals(List.of(), DecisionSanity.scores("galvo", List.of(0.65, 0.6, 0.6), 0.6));
	}

	@Test
	void bothAtOnce() {
		assertEquals(2, DecisionSanity.check("auto-exclusion", 2, 3, List.of(0.39, 0.395, 0.41), 0.4).size());
	}
}
