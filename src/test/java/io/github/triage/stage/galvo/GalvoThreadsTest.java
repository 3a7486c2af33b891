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
		for (final int t : new int[] { 1, 2, 5 })
			new DetectSliceStage().run(DetectSliceStage.Options.defaults(tiles, tmp.resolve("t" + t + "/frag.csv"), 32)
					.withThreads(t).withDate("2026-11-29T00:00:00Z"), new CpuImageOps(), Listener.NONE);
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t2"));
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t5"));
	}

	@Test
	void tilesOfOneSliceOnSeveralThreadsDecideAsOneThread() throws IOException {
		final Path slice = GalvoStagesTest.ref("tiles/slice_z00");
		for (final int t : new int[] { 1, 2, 4 })
			new DetectSliceStage().run(DetectSliceStage.Options.defaults(slice, tmp.resolve("t" + t + "/frag.csv"), 40)
					.withThreads(t).withDate("2026-11-29T00:00:00Z"), new CpuImageOps(), Listener.NONE);
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t2"));
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t4"));
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
