package io.github.triage.stage.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.stage.SameFiles;

/** Aligned slices written on several threads: the same files as one thread. */
class AlignThreadsTest {
	@TempDir
	Path tmp;

	@Test
	void severalThreadsWriteWhatOneThreadWrites() throws Exception {
		final Path mosaics = tmp.resolve("mosaics");
		for (int id = 0; id < 6; id++)
			StackTestVolumes.write(mosaics.resolve(String.format("slice_z%02d_normalize.ome.zarr", id)), id, 2, 6, 5,
					0.015625);
		final StringBuilder b = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm,reliable\n");
		for (int k = 0; k < 5; k++)
			b.append(k).append(".0,").append(k + 1).append(".0,").append(k + 1).append(",1,")
					.append((k + 1) * 0.015625).append(",0.015625,1\n");
		final Path shifts = StackTestVolumes.csv(tmp.resolve("shifts_xy.csv"), b.toString().strip());
		for (final int t : new int[] { 1, 2, 4 })
			new AlignFromShiftsStage().run(new AlignFromShiftsStage.Options(mosaics, shifts, tmp.resolve("t" + t + "/aligned"),
					null, AlignFromShiftsStage.Options.MODE, AlignFromShiftsStage.Options.WINDOW,
					AlignFromShiftsStage.Options.CENTER_DRIFT, AlignFromShiftsStage.Options.FILL, t, "2026-11-29T00:00:00Z"),
					null, null);
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t2"));
		SameFiles.assertSameTree(tmp.resolve("t1"), tmp.resolve("t4"));
	}

	@Test
	void theSliceConfigKeepsTheThreadsAndDate() {
		final AlignFromShiftsStage.Options d = AlignFromShiftsStage.Options.defaults(tmp, tmp, tmp);
		final AlignFromShiftsStage.Options o = new AlignFromShiftsStage.Options(tmp, tmp, tmp, null, d.mode(), d.window(),
				d.centerDrift(), d.fill(), 3, "2026-11-29").withSliceConfig(tmp);
		org.junit.jupiter.api.Assertions.assertEquals(3, o.threads());
		org.junit.jupiter.api.Assertions.assertEquals("2026-11-29", o.date());
	}
}
