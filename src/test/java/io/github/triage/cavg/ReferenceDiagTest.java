package io.github.triage.cavg;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.triage.Progress;
import io.github.triage.ops.CpuImageOps;

class ReferenceDiagTest {
	@Test
	void diag() {
		for (final String name : ReferenceStacks.NAMES) {
			final ReferenceStacks.Ref r = ReferenceStacks.load(name);
			final Map<String, List<String>> dbg = ReferenceStacks.debug(name);
			for (final Tier t : Tier.values()) {
				final ClassAverageRejector rej = new ClassAverageRejector(new CpuImageOps(),
						RejectionParams.of(t, r.mskdiam(), r.smpd()).withCompatSimple(true));
				final List<ClassDecision> d = rej.reject(r.stack().sections(), r.box(), r.stats(), Progress.NONE);
				final List<String[]> exp = ReferenceStacks.csv(name + "_expected_" + t.name().toLowerCase() + ".csv");
				int bad = 0;
				for (int k = 0; k < d.size(); k++) {
					final ClassDecision c = d.get(k);
					final String got = c.state() + "," + c.populationRejects() + "," + c.resolutionRejects() + ","
							+ c.maskRejects() + "," + c.localVarianceRejects();
					final String[] e = exp.get(k);
					final String want = e[1] + "," + e[2] + "," + e[3] + "," + e[4] + "," + e[5];
					if (!got.equals(want)) {
						bad++;
						final ClassDecision.MaskMeasures m = c.maskMeasures();
						final ClassDecision.LocalVarianceMeasures lv = c.localVarianceMeasures();
						System.out.printf("%s %s class %d got %s want %s | otsu %g/%s fg %d/%s ncc %d/%s pruned %d/%s out %d/%s | lvthr %g/%s in %g/%s out %g/%s z %g/%s %g/%s%n",
								name, t, k + 1, got, want, m.otsuThreshold(), dbg.get("mask_otsu_thr").get(k),
								m.foregroundPixels(), dbg.get("mask_n_fg").get(k), m.components(),
								dbg.get("mask_nccs").get(k), m.componentsPruned(), dbg.get("mask_n_pruned").get(k),
								m.pxOutsideDisc(), dbg.get("mask_px_outside_disc").get(k), lv.otsuThreshold(),
								dbg.get("lv_otsu_thr").get(k), lv.scoreIn(), dbg.get("lv_score_in").get(k),
								lv.scoreOut(), dbg.get("lv_score_out").get(k), lv.zIn(), dbg.get("lv_z_in").get(k),
								lv.zOut(), dbg.get("lv_z_out").get(k));
					}
				}
				System.out.println(name + " " + t + ": " + bad + " mismatches of " + d.size());
			}
			// intermediate values, first tier
			final ClassAverageRejector rej = new ClassAverageRejector(new CpuImageOps(),
					RejectionParams.of(Tier.P1, r.mskdiam(), r.smpd()).withCompatSimple(true));
			final List<ClassDecision> d = rej.reject(r.stack().sections(), r.box(), r.stats(), Progress.NONE);
			int otsuOff = 0, fgOff = 0, lvOff = 0, scOff = 0;
			for (int k = 0; k < d.size(); k++) {
				final ClassDecision c = d.get(k);
				if (Math.abs(c.maskMeasures().otsuThreshold() - Double.parseDouble(dbg.get("mask_otsu_thr").get(k))) > 1e-4 * Math.max(1, Math.abs(c.maskMeasures().otsuThreshold()))) otsuOff++;
				if (c.maskMeasures().foregroundPixels() != Integer.parseInt(dbg.get("mask_n_fg").get(k))) fgOff++;
				if (c.localVarianceMeasures().foregroundPixels() != Integer.parseInt(dbg.get("lv_n_fg").get(k))) lvOff++;
				final double si = Double.parseDouble(dbg.get("lv_score_in").get(k));
				if (Math.abs(c.localVarianceMeasures().scoreIn() - si) > 1e-3 * Math.abs(si) + 1e-9) {
					scOff++;
					if (scOff < 4) System.out.println(name + " class " + (k + 1) + " score_in " + c.localVarianceMeasures().scoreIn() + " vs " + si + " out " + c.localVarianceMeasures().scoreOut() + " vs " + dbg.get("lv_score_out").get(k));
				}
			}
			System.out.println(name + " intermediates off: otsu " + otsuOff + " maskfg " + fgOff + " lvfg " + lvOff + " scorein " + scOff);
		}
	}
}
