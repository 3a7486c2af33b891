package io.github.triage.cavg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;

/**
 * SIMPLE's own rejector tests (simple_cluster2D_rejector_tester at 0effd5fc): 32² images, smpd 2, mask 50 Å. SIMPLE
 * applies one criterion at a time; here all four always run, so each test checks the flag of the criterion it is
 * about (and the all-zero images it uses are rejected by mask and local variance as SIMPLE's last two tests say).
 */
class SimpleRejectorSuiteTest {
	private static final int BOX = 32;

	private static List<ClassDecision> run(final double[] pop, final double[] res) {
		final float[][] images = new float[pop.length][BOX * BOX];
		final List<ClassStats> stats = new ArrayList<>();
		for (int i = 0; i < pop.length; i++)
			stats.add(new ClassStats(i + 1, pop[i], res[i]));
		return new ClassAverageRejector(new CpuImageOps(), RejectionParams.of(Tier.P1, 50, 2).withCompatSimple(true))
				.reject(images, BOX, stats, Listener.NONE);
	}

	private static boolean[] pop(final List<ClassDecision> d) {
		final boolean[] b = new boolean[d.size()];
		for (int i = 0; i < b.length; i++)
			b[i] = d.get(i).populationRejects();
		return b;
	}

	private static boolean[] res(final List<ClassDecision> d) {
		final boolean[] b = new boolean[d.size()];
		for (int i = 0; i < b.length; i++)
			b[i] = d.get(i).resolutionRejects();
		return b;
	}

	@Test
	void fourEntriesInClassOrder() {
		final List<ClassDecision> d = run(new double[] { 50, 50, 50, 50 }, new double[] { 10, 10, 10, 10 });
		assertEquals(4, d.size());
		for (int i = 0; i < 4; i++) {
			assertEquals(i + 1, d.get(i).classNumber());
			assertEquals(false, d.get(i).populationRejects() || d.get(i).resolutionRejects());
		}
	}

	@Test
	void populationThresholdOneRejectsOnlyTheEmptyClass() {
		final List<ClassDecision> d = run(new double[] { 0, 50, 50, 50 }, new double[] { 10, 10, 10, 10 });
		assertEquals(1, d.get(0).populationThreshold());
		assertArrayEquals(new boolean[] { true, false, false, false }, pop(d));
	}

	@Test
	void populationAllAboveThreshold() {
		assertArrayEquals(new boolean[] { false, false, false }, pop(run(new double[] { 20, 30, 50 }, new double[] { 10, 10, 10 })));
	}

	@Test
	void resolutionAbove40Rejected() {
		assertArrayEquals(new boolean[] { false, false, false, true },
				res(run(new double[] { 50, 50, 50, 50 }, new double[] { 15, 30, 40, 55 })));
		assertArrayEquals(new boolean[] { false, false, false },
				res(run(new double[] { 50, 50, 50 }, new double[] { 10, 20, 38 })));
	}

	@Test
	void resolutionBoundary() {
		final List<ClassDecision> d = run(new double[] { 50, 50 }, new double[] { 40.0, 40.001 });
		assertArrayEquals(new boolean[] { false, true }, res(d));
		assertEquals(true, d.get(1).reason().contains("res 40.001>40 Å"), d.get(1).reason());
	}

	@Test
	void populationThenResolutionIsCumulative() {
		final List<ClassDecision> d = run(new double[] { 0, 50, 50 }, new double[] { 10, 10, 55 });
		final boolean[] either = new boolean[3];
		for (int i = 0; i < 3; i++)
			either[i] = d.get(i).populationRejects() || d.get(i).resolutionRejects();
		assertArrayEquals(new boolean[] { true, false, true }, either);
	}

	@Test
	void stateZeroExactlyWhereRejected() {
		final List<ClassDecision> d = run(new double[] { 50, 50, 50, 50 }, new double[] { 10, 50, 10, 45 });
		assertArrayEquals(new boolean[] { false, true, false, true }, res(d));
		for (final ClassDecision c : d)
			assertEquals(c.kept() ? 1 : 0, c.state());
	}

	@Test
	void maskAndLocalVarianceRejectAllZeroImages() {
		final List<ClassDecision> d = run(new double[] { 50, 50, 50, 50 }, new double[] { 10, 10, 10, 10 });
		for (final ClassDecision c : d) {
			assertEquals(true, c.maskRejects(), c.toString());
			assertEquals(true, c.localVarianceRejects(), c.toString());
			assertEquals(true, c.localVarianceMeasures().zeroScores());
			assertEquals(0, c.state());
		}
	}
}
