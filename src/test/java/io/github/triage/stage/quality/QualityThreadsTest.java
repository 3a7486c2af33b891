package io.github.triage.stage.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.cli.QualityCliTestData;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.stage.SameFiles;

/** Runs of slices on several threads: the same scores and files as one thread, and one progress count. */
class QualityThreadsTest {
	@Test
	void severalThreadsWriteWhatOneThreadWrites(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.referenceCopy(dir);
		final QualityDecisions.Options d = new QualityDecisions.Options(1, true, 1.5, 0.3);
		for (final int t : new int[] { 1, 2, 3, 7 }) {
			final AssessQualityStage.Options o = AssessQualityStageTest.options(mosaics,
					dir.resolve("t" + t + "/slice_config.csv"), d).withThreads(t).withDate("2026-11-29T00:00:00Z");
			final java.util.List<Integer> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
			final Listener progress = new Listener() {
				@Override
				public void progress(final int done, final int total, final String what) {
					assertEquals(9, total);
					seen.add(done);
				}
			};
			try (ImageOps ops = new CpuImageOps()) {
				assertEquals(9, new AssessQualityStage().run(o, ops, progress).metrics().size());
			}
			// one count for all the runs, going up to the series' length (not each run's slice numbers in turn)
			for (int k = 1; k < seen.size(); k++)
				assertTrue(seen.get(k) >= seen.get(k - 1), t + " threads: progress " + seen);
			assertEquals(9, seen.get(seen.size() - 1), t + " threads: progress " + seen);
		}
		for (final int t : new int[] { 2, 3, 7 })
			SameFiles.assertSameTree(dir.resolve("t1"), dir.resolve("t" + t));
	}
}
