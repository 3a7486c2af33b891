package io.github.triage.cavg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;

/**
 * Compat mode against SIMPLE's own decisions on the reference stacks (src/test/resources/cavg): every class, every
 * flag, every tier; and the intermediate numbers against the reference run's debug print.
 */
class ReferenceDecisionsTest {

	static Stream<Arguments> stacksAndTiers() {
		final List<Arguments> a = new ArrayList<>();
		for (final String n : ReferenceStacks.NAMES)
			for (final Tier t : Tier.values())
				a.add(Arguments.of(n, t));
		return a.stream();
	}

	static Stream<String> stacks() {
		return Stream.of(ReferenceStacks.NAMES);
	}

	private static List<ClassDecision> run(final ReferenceStacks.Ref r, final Tier t) {
		final ClassAverageRejector rej = new ClassAverageRejector(new CpuImageOps(),
				RejectionParams.of(t, r.mskdiam(), r.smpd()).withCompatSimple(true));
		return rej.reject(r.stack().sections(), r.box(), r.stats(), Listener.NONE);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("stacksAndTiers")
	void compatDecisionsEqualTheReference(final String name, final Tier tier) {
		final ReferenceStacks.Ref r = ReferenceStacks.load(name);
		final List<ClassDecision> got = run(r, tier);
		final List<String[]> exp = ReferenceStacks.csv(name + "_expected_" + tier.name().toLowerCase(Locale.ROOT) + ".csv");
		assertEquals(exp.size(), got.size());
		final List<String> wrong = new ArrayList<>();
		for (int k = 0; k < got.size(); k++) {
			final ClassDecision d = got.get(k);
			final String[] e = exp.get(k);
			final String g = d.classNumber() + "," + d.state() + "," + d.populationRejects() + ","
					+ d.resolutionRejects() + "," + d.maskRejects() + "," + d.localVarianceRejects();
			if (!g.equals(String.join(",", e))) wrong.add("got " + g + " want " + String.join(",", e));
		}
		assertTrue(wrong.isEmpty(), name + " " + tier + ": " + wrong);
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void intermediatesEqualTheReferencePrint(final String name) {
		final ReferenceStacks.Ref r = ReferenceStacks.load(name);
		final Map<String, List<String>> dbg = ReferenceStacks.debug(name);
		final List<ClassDecision> got = run(r, Tier.P2);
		for (int k = 0; k < got.size(); k++) {
			final String where = name + " class " + (k + 1);
			final ClassDecision.MaskMeasures m = got.get(k).maskMeasures();
			final ClassDecision.LocalVarianceMeasures lv = got.get(k).localVarianceMeasures();
			assertClose(dbg.get("mask_otsu_thr").get(k), m.otsuThreshold(), 1e-5, where + " mask Otsu");
			assertEquals(Integer.parseInt(dbg.get("mask_n_fg").get(k)), m.foregroundPixels(), where + " mask fg");
			assertEquals(Integer.parseInt(dbg.get("mask_nccs").get(k)), m.components(), where + " components");
			assertEquals(Integer.parseInt(dbg.get("mask_n_pruned").get(k)), m.componentsPruned(), where + " pruned");
			assertEquals(Integer.parseInt(dbg.get("mask_nccs_kept").get(k)), m.componentsKept(), where + " kept");
			assertEquals(Integer.parseInt(dbg.get("mask_n_centroids_outside").get(k)), m.centroidsOutside(),
					where + " centroids outside");
			final String out = dbg.get("mask_px_outside_disc").get(k);
			assertEquals(out.equals("NA") ? -1 : Integer.parseInt(out), m.pxOutsideDisc(), where + " px outside");
			if (!out.equals("NA")) {
				assertEquals(Integer.parseInt(dbg.get("mask_largest_cc_size").get(k)), m.largestPixels(), where);
				// printed with 3 decimals
				assertEquals(Double.parseDouble(dbg.get("mask_max_centroid_dist_px").get(k)), m.maxCentroidDistPx(), 6e-4,
						where + " centroid distance");
			}
			assertClose(dbg.get("lv_otsu_thr").get(k), lv.otsuThreshold(), 1e-5, where + " lv Otsu");
			assertEquals(Integer.parseInt(dbg.get("lv_n_fg").get(k)), lv.foregroundPixels(), where + " lv fg");
			assertClose(dbg.get("lv_score_in").get(k), lv.scoreIn(), 1e-4, where + " score in");
			assertClose(dbg.get("lv_score_out").get(k), lv.scoreOut(), 1e-4, where + " score out");
			assertEquals(Boolean.parseBoolean(dbg.get("lv_zero").get(k)), lv.zeroScores(), where + " zero");
			if (!lv.zeroScores()) {
				assertEquals(Double.parseDouble(dbg.get("lv_z_in").get(k)), lv.zIn(), 2e-3, where + " z in");
				assertEquals(Double.parseDouble(dbg.get("lv_z_out").get(k)), lv.zOut(), 2e-3, where + " z out");
			}
		}
	}

	/**
	 * Relative tolerance on the reference's single-precision print, absolute 1e-5 near 0 (a constant class is
	 * exactly 0 here after edge normalisation but carries ~1e-7 of rounding in SIMPLE).
	 */
	private static void assertClose(final String ref, final double got, final double rel, final String what) {
		final double e = Double.parseDouble(ref);
		assertEquals(e, got, Math.max(rel * Math.abs(e), 1e-5), what);
	}
}
