package io.github.triage.stage.stack;

import static io.github.triage.stage.stack.StackTestVolumes.csv;
import static io.github.triage.stage.stack.StackTestVolumes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.io.StackVolumes;
import io.github.triage.stage.stack.AlignFromShiftsStage.Options;

/**
 * The spec's index bug as a regression test (ids used as array indices): non-consecutive ids, a shifts file with
 * more ids than mosaics, a first shifts id with no mosaic; and the warnings and errors of the stage.
 */
class AlignFromShiftsStageTest {
	@TempDir
	Path tmp;

	/** Pixel size: a binary fraction of a mm, so that the sums of shifts are exact. */
	private static final double RES = 0.015625;

	/** Shifts 0→1 … 6→7, each (+k+1 px, +1 px) for step k → k+1. */
	private Path shifts() throws Exception {
		final StringBuilder b = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm,reliable\n");
		for (int k = 0; k < 7; k++)
			b.append(k).append(".0,").append(k + 1).append(".0,").append(k + 1).append(",1,")
					.append((k + 1) * RES).append(",").append(RES).append(",1\n");
		return csv(tmp.resolve("shifts_xy.csv"), b.toString().strip());
	}

	/** Cumulative X in px of slice id (steps 1, 2, 3, …): id·(id+1)/2; Y: id. */
	private static int cx(final int id) {
		return id * (id + 1) / 2;
	}

	private Path mosaics(final int... ids) throws Exception {
		final Path dir = tmp.resolve("mosaics");
		for (final int id : ids)
			StackTestVolumes.write(dir.resolve(String.format("slice_z%02d_normalize.ome.zarr", id)), id, 2, 6, 5, RES);
		return dir;
	}

	@Test
	void nonConsecutiveIdsAreMatchedById() throws Exception {
		final Path shifts = shifts();
		final AlignFromShiftsStage.Result r = new AlignFromShiftsStage()
				.run(Options.defaults(mosaics(0, 2, 5), shifts, tmp.resolve("out")), null, null);
		assertEquals(List.of("00", "02", "05"), r.selected().stream().map(AlignFromShiftsStage.Slice::sliceId).toList());
		// Canvas: X offsets 0, 3, 15 and Y offsets 0, 2, 5 (ids, not list positions 0, 1, 2).
		assertEquals(cx(5) + 5, r.canvasWidth());
		assertEquals(5 + 6, r.canvasHeight());
		for (final AlignFromShiftsStage.Slice s : r.selected()) {
			final int id = Integer.parseInt(s.sliceId());
			assertEquals(cx(id), s.ax(), 1e-9, "slice " + id);
			assertEquals(id, s.ay(), 1e-9, "slice " + id);
			final StackVolumes.Volume v = StackVolumes.open(s.file(), "out", null);
			for (int z = 0; z < 2; z++) {
				final float[] p = v.plane(z);
				for (int y = 0; y < r.canvasHeight(); y++)
					for (int x = 0; x < r.canvasWidth(); x++) {
						final int ix = x - cx(id), iy = y - id;
						final float want = ix >= 0 && ix < 5 && iy >= 0 && iy < 6 ? value(id, z, iy, ix) : 0f;
						assertEquals(want, p[y * r.canvasWidth() + x], 1e-4, "slice " + id + " at " + x + "," + y);
					}
			}
		}
	}

	@Test
	void firstShiftsIdWithoutMosaicAndMoreIdsThanMosaics() throws Exception {
		final AlignFromShiftsStage.Result r = new AlignFromShiftsStage()
				.run(Options.defaults(mosaics(3, 4, 6), shifts(), tmp.resolve("out")), null, null);
		// Offsets relative to the smallest placed one (slice 03): X 0, 4, 15; Y 0, 1, 3.
		assertEquals(List.of(0.0, 4.0, 15.0), r.selected().stream().map(AlignFromShiftsStage.Slice::ax).toList());
		assertEquals(List.of(0.0, 1.0, 3.0), r.selected().stream().map(AlignFromShiftsStage.Slice::ay).toList());
		assertEquals(15 + 5, r.canvasWidth());
	}

	@Test
	void selectedWithoutMosaicAndAbsentFromShiftsAreNamed() throws Exception {
		final Path config = csv(tmp.resolve("slice_config.csv"), "slice_id,use", "01,true", "02,true", "03,false",
				"09,true", "12,true");
		final Path dir = mosaics(1, 2, 3, 12);
		final StackTestVolumes.Warnings w = new StackTestVolumes.Warnings();
		final AlignFromShiftsStage.Result r = new AlignFromShiftsStage()
				.run(Options.defaults(dir, shifts(), tmp.resolve("out")).withSliceConfig(config), null, w);
		assertEquals(List.of("01", "02", "12"), r.selected().stream().map(AlignFromShiftsStage.Slice::sliceId).toList());
		assertEquals(List.of("09"), r.missing());
		assertEquals(List.of("03"), r.excluded());
		assertTrue(w.any("slice 09", "no volume"), w.list.toString());
		assertTrue(w.any("slice 12 is not in the shifts file", "placed where slice 0", "canvas offset"), w.list.toString());
		assertFalse(Files.exists(tmp.resolve("out/slice_z03_normalize.ome.zarr")));
		assertTrue(Files.isDirectory(tmp.resolve("out/slice_z12_normalize.ome.zarr")));
	}

	@Test
	void differentPixelSizesAreAnErrorNamingBoth() throws Exception {
		final Path dir = tmp.resolve("mosaics");
		StackTestVolumes.write(dir.resolve("a_z01.ome.zarr"), 1, 1, 4, 4, RES);
		StackTestVolumes.write(dir.resolve("a_z02.ome.zarr"), 2, 1, 4, 4, new double[] { RES, RES, 2 * RES });
		final BadInputException e = assertThrows(BadInputException.class, () -> new AlignFromShiftsStage()
				.run(Options.defaults(dir, shifts(), tmp.resolve("out")), null, null));
		assertTrue(e.getMessage().contains("a_z01.ome.zarr") && e.getMessage().contains("a_z02.ome.zarr"), e.getMessage());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void anOutputFolderThatIsAFileIsRefusedFirst() throws Exception {
		final Path file = Files.writeString(tmp.resolve("out"), "x");
		final BadInputException e = assertThrows(BadInputException.class, () -> new AlignFromShiftsStage()
				.run(Options.defaults(mosaics(1, 2, 3), shifts(), file), null, null));
		assertEquals(file + ": output folder is a file, not a folder", e.getMessage());
		assertEquals("x", Files.readString(file));
	}

	@Test
	void localMedianWarnsThatItIsForReproduction() throws Exception {
		final Path config = csv(tmp.resolve("slice_config.csv"), "slice_id,use", "01,true", "02,false", "03,true");
		final StackTestVolumes.Warnings w = new StackTestVolumes.Warnings();
		new AlignFromShiftsStage().run(new Options(mosaics(1, 2, 3), shifts(), tmp.resolve("out"), config,
				AlignFromShiftsStage.ExcludedSliceMode.LOCAL_MEDIAN, Options.WINDOW, Options.CENTER_DRIFT, Options.FILL),
				null, w);
		assertTrue(w.any("local-median", "reproduce"), w.list.toString());
	}

	@Test
	void linumpyFillIsTheFirstPercentileOfPositiveVoxels() throws Exception {
		final AlignFromShiftsStage.Result r = new AlignFromShiftsStage().run(new Options(mosaics(0, 2), shifts(),
				tmp.resolve("out"), null, Options.MODE, Options.WINDOW, Options.CENTER_DRIFT,
				AlignFromShiftsStage.Fill.LINUMPY), null, null);
		final float[] p = StackVolumes.open(r.selected().get(0).file(), "out", null).plane(0);
		assertEquals(r.selected().get(0).fill(), p[p.length - 1], 0);
		assertTrue(r.selected().get(0).fill() > 1);
	}
}
