package io.github.triage.cavg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.OpenClTestSupport;

/** The CLIJ2 kernels against the CPU ones, and the rejector's decisions through both, on PoCL (skipped without OpenCL). */
class Clij2RejectorParityTest {

	@Test
	void kernelsAgreeOnReferenceClasses() {
		final ImageOps gpu = OpenClTestSupport.clij2();
		final ImageOps cpu = new CpuImageOps();
		final ReferenceStacks.Ref r = ReferenceStacks.load("cavgA01_b64_s2p00_n120");
		final int box = r.box();
		final int[] limits = { (int) (box * r.smpd() / 30), (int) (box * r.smpd() / 10) };
		// classes 1 (two pruned components), 3 (particle, off the disc) and 116 (empty_const)
		for (final int k : new int[] { 0, 2, 115 }) {
			final float[] w = r.stack().sections()[k].clone();
			cpu.cavg().edgeNormalise(w, box, box);
			final float[][] lp = { new float[box * box], new float[box * box] };
			cpu.cavg().lowPass(w, box, limits, 10, lp);
			for (final float[] img : lp) {
				final float tc = cpu.cavg().otsuThreshold(img), tg = gpu.cavg().otsuThreshold(img);
				assertEquals(tc, tg, 0f, "Otsu threshold, class " + (k + 1));
				final int[] lc = new int[box * box], lg = new int[box * box];
				assertEquals(cpu.cavg().labelComponents(img, box, box, tc, lc), gpu.cavg().labelComponents(img, box, box, tc, lg));
				assertArrayEquals(lc, lg, "labels, class " + (k + 1));
				final double[] vc = new double[2], vg = new double[2];
				cpu.cavg().localVarianceMeans(img, box, box, tc, 10, vc);
				gpu.cavg().localVarianceMeans(img, box, box, tc, 10, vg);
				assertEquals(vc[0], vg[0], 1e-5 * Math.abs(vc[0]) + 1e-9, "score in, class " + (k + 1));
				assertEquals(vc[1], vg[1], 1e-5 * Math.abs(vc[1]) + 1e-9, "score out, class " + (k + 1));
			}
		}
	}

	@Test
	void decisionsAgreeWithCpuAndReference() {
		final ImageOps gpu = OpenClTestSupport.clij2();
		final ReferenceStacks.Ref r = ReferenceStacks.load("cavgA00_handcheck_b64_s1p00_n6");
		for (final Tier t : new Tier[] { Tier.P1 }) {
			final RejectionParams p = RejectionParams.of(t, r.mskdiam(), r.smpd()).withCompatSimple(true);
			final List<ClassDecision> g = new ClassAverageRejector(gpu, p).reject(r.stack().sections(), r.box(),
					r.stats(), Listener.NONE);
			final List<ClassDecision> c = new ClassAverageRejector(new CpuImageOps(), p).reject(r.stack().sections(),
					r.box(), r.stats(), Listener.NONE);
			assertEquals(flags(c), flags(g));
			final List<String[]> exp = ReferenceStacks.csv(r.name() + "_expected_" + t.name().toLowerCase() + ".csv");
			for (int k = 0; k < exp.size(); k++)
				assertEquals(String.join(",", exp.get(k)), flags(g).get(k));
		}
	}

	private static List<String> flags(final List<ClassDecision> d) {
		return Arrays.asList(d.stream()
				.map(x -> x.classNumber() + "," + x.state() + "," + x.populationRejects() + ","
						+ x.resolutionRejects() + "," + x.maskRejects() + "," + x.localVarianceRejects())
				.toArray(String[]::new));
	}
}
