package io.github.triage.stage.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.cli.QualityCliTestData;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.stage.SameFiles;

/** Runs of slices on several threads: the same scores and files as one thread. */
class QualityThreadsTest {
	@Test
	void severalThreadsWriteWhatOneThreadWrites(@TempDir final Path dir) throws Exception {
		final Path mosaics = QualityCliTestData.referenceCopy(dir);
		final QualityDecisions.Options d = new QualityDecisions.Options(1, true, 1.5, 0.3);
		for (final int t : new int[] { 1, 2, 3, 7 }) {
			final AssessQualityStage.Options o = AssessQualityStageTest.options(mosaics,
					dir.resolve("t" + t + "/slice_config.csv"), d).withThreads(t).withDate("2026-11-29T00:00:00Z");
			try (ImageOps ops = new CpuImageOps()) {
				assertEquals(9, new AssessQualityStage().run(o, ops, Listener.NONE).metrics().size());
			}
		}
		for (final int t : new int[] { 2, 3, 7 })
			SameFiles.assertSameTree(dir.resolve("t1"), dir.resolve("t" + t));
	}
}
