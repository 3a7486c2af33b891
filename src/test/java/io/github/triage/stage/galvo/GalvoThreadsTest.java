package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.stage.SameFiles;

/** Slices and tiles on several threads: the same decisions and files as one thread. */
class GalvoThreadsTest {
	@TempDir
	Path tmp;

	@Test
	void slicesOnSeveralThreadsWriteWhatOneThreadWrites() throws IOException {
		final Path tiles = tmp.resolve("tiles");
		for (final String s : List.of("slice_z00", "slice_z01", "slice_z03"))
			GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/" + s), tiles.resolve(s));
		detectOnThreads(tiles, 32, 2, 5);
	}

	/** Detects on 1 and on each of {@code threads} threads (t1/, t2/, ...): every file the same as one thread's. */
	private void detectOnThreads(final Path tiles, final int nExtra, final int... threads) throws IOException {
		detect(tiles, nExtra, 1);
		for (final int t : threads) {
			detect(tiles, nExtra, t);
			SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t" + t));
		}
	}

	private void detect(final Path tiles, final int nExtra, final int t) throws IOException {
		new DetectSliceStage().run(DetectSliceStage.Options.defaults(tiles, tmp.resolve("t" + t + "/frag.csv"), nExtra)
				.withThreads(t).withDate("2026-11-29T00:00:00Z"), new CpuImageOps(), Listener.NONE);
	}

	@Test
	void tilesOfOneSliceOnSeveralThreadsDecideAsOneThread() throws IOException {
		final Path slice = GalvoStagesTest.ref("tiles/slice_z00");
		detectOnThreads(slice, 40, 2, 4);
	}

	@Test
	void tileTableOnSeveralThreadsIsTheSame() throws IOException {
		final List<Path> files;
		try (Stream<Path> s = Files.list(GalvoStagesTest.ref("tiles/slice_z01"))) {
			files = s.sorted().toList();
		}
		for (final int t : new int[] { 1, 3 })
			new DetectTileStage().run(new DetectTileStage.Options(files, tmp.resolve("t" + t + "/tiles.csv"), 32, 0.6, t),
					new CpuImageOps(), Listener.NONE);
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t3"));
	}
}
