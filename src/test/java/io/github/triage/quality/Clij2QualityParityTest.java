package io.github.triage.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.OpenClTestSupport;

/** The whole assessment through CLIJ2 (PoCL in CI) gives the CPU scores within 1e-4 on reference slices. */
class Clij2QualityParityTest {
	/** Two planes per slice keep the test quick on PoCL; the kernels are the same whatever the sampling. */
	static final QualitySettings SETTINGS = new QualitySettings(2, 7);

	@Test
	void clij2ScoresEqualCpuScores() throws Exception {
		final ImageOps clij = OpenClTestSupport.clij2();
		final List<SliceSource> slices = ReferenceQualityTest.open(true).subList(1, 4);
		final List<SliceQuality> cpu = new SliceQualityAssessor(new CpuImageOps(), SETTINGS)
				.assess(slices, null, Listener.NONE);
		final List<SliceQuality> gpu = new SliceQualityAssessor(clij, SETTINGS).assess(slices, null,
				Listener.NONE);
		for (int i = 0; i < cpu.size(); i++) {
			final SliceQuality c = cpu.get(i), g = gpu.get(i);
			final String id = "slice " + c.sliceId();
			assertEquals(c.ssim(), g.ssim(), 1e-4, id + " ssim");
			assertEquals(c.edge(), g.edge(), 1e-4, id + " edge");
			assertEquals(c.variance(), g.variance(), 1e-4, id + " variance");
			assertEquals(c.qualityScore(), g.qualityScore(), 1e-4, id + " quality_score");
		}
	}
}
