package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cavg.Tier;
import io.github.triage.stage.SameFiles;

/** Classes on several threads: the same decisions and files as one thread. */
class CavgThreadsTest {
	@TempDir
	Path tmp;

	@Test
	void severalThreadsWriteWhatOneThreadWrites() throws IOException {
		for (final int t : new int[] { 1, 2, 3, 16 })
			RejectStageTest.run(RejectStageTest.options(RejectStageTest.res(RejectStageTest.HANDCHECK + ".mrc"),
					RejectStageTest.res(RejectStageTest.HANDCHECK + "_classes.csv"), 50, Tier.P1, tmp.resolve("t" + t))
					.withThreads(t));
		for (final int t : new int[] { 2, 3, 16 })
			SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t" + t));
	}
}
