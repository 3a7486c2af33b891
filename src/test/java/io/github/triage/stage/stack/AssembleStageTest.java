package io.github.triage.stage.stack;

import static io.github.triage.stage.stack.StackTestVolumes.csv;
import static io.github.triage.stage.stack.StackTestVolumes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.io.StackVolumes;
import io.github.triage.stage.stack.AssembleStage.Options;

/** Stacking by slice id: gaps keep the Z scale true; overlap and blend. */
class AssembleStageTest {
	@TempDir
	Path tmp;

	/** Slices 1, 2, 4, 5 (3 missing), 6 planes of 4 × 3, Z 0.01 mm; thickness 0.04 mm = 4 planes. */
	private Path aligned(final int... ids) throws Exception {
		final Path dir = tmp.resolve("aligned");
		for (final int id : ids)
			StackTestVolumes.write(dir.resolve(String.format("slice_z%02d_normalize.ome.zarr", id)), id, 6, 4, 3, 0.01);
		return dir;
	}

	@Test
	void anOutputVolumeThatIsAFileIsRefusedFirst() throws Exception {
		final Path file = Files.writeString(tmp.resolve("stack.ome.zarr"), "x");
		final BadInputException e = assertThrows(BadInputException.class, () -> new AssembleStage().run(
				new Options(aligned(1, 2), file, null, 0.04, 1, Options.BLEND), null, null));
		assertEquals(file + ": output volume is a file, not a folder", e.getMessage());
		assertEquals("x", Files.readString(file));
	}

	@Test
	void gapsKeepTheZScale() throws Exception {
		final Path config = csv(tmp.resolve("slice_config.csv"), "slice_id,use,auto_excluded,interpolation_failed",
				"01,true,,", "02,true,,", "03,true,,", "04,true,,true", "05,true,false,", "06,true,true,");
		final StackTestVolumes.Warnings w = new StackTestVolumes.Warnings();
		final AssembleStage.Result r = new AssembleStage().run(new Options(aligned(1, 2, 4, 5, 6),
				tmp.resolve("stack.ome.zarr"), config, 0.04, 1, Options.BLEND), null, w);
		// 04: interpolation failed, 06: auto-excluded; 03 has no volume. Slots 1..5 of 4 planes, 5 brings 5 planes.
		assertEquals(List.of("01", "02", "05"), r.placed());
		assertEquals(List.of("03", "04"), r.gaps().stream().map(AssembleStage.Gap::sliceId).toList());
		assertEquals("interpolation failed", r.gaps().get(1).reason());
		assertEquals(4, r.planesPerSlice());
		assertEquals(4 * 4 + 5, r.depth());
		assertTrue(w.any("slice 03", "no volume"), w.list.toString());
		final StackVolumes.Volume v = StackVolumes.open(r.volume(), "stack", null);
		assertEquals(21, v.depth());
		assertEquals(0.01, v.scaleZyxMm()[0], 1e-12);
		// Plane 16 is slice 05's plane 1 (its first kept plane): id 5 − 1 = 4 slots of 4 planes.
		assertEquals(value(5, 1, 2, 1), v.plane(16)[2 * 3 + 1], 1e-4);
		// Slot of 03 (planes 8..11): empty except where slice 02's overlap (its planes 5) runs in: plane 8.
		assertEquals(value(2, 5, 0, 0), v.plane(8)[0], 1e-4);
		for (int z = 9; z < 16; z++)
			for (final float f : v.plane(z))
				assertEquals(0f, f, "plane " + z);
		// Overlap without blend: plane 4 is slice 02's plane 1 (the later slice wins over slice 01's plane 5).
		assertEquals(value(2, 1, 3, 2), v.plane(4)[3 * 3 + 2], 1e-4);
		assertTrue(Files.isRegularFile(tmp.resolve("stack_metrics.json")));
		assertTrue(Files.readString(tmp.resolve("stack_metrics.json")).contains("\"step_name\": \"stack_slices\""));
	}

	@Test
	void blendRampsAcrossTheOverlap() throws Exception {
		// Thickness 3 planes, first plane 0, 6 planes per slice: overlap of 3 planes between 01 and 02.
		final AssembleStage.Result r = new AssembleStage().run(new Options(aligned(1, 2),
				tmp.resolve("stack.ome.zarr"), null, 0.03, Options.FIRST_PLANE, true), null, null);
		assertEquals(3 + 6, r.depth());
		final StackVolumes.Volume v = StackVolumes.open(r.volume(), "stack", null);
		// Planes 3, 4, 5: weights of the later slice 0, 0.5, 1.
		assertEquals(value(1, 3, 0, 0), v.plane(3)[0], 1e-3);
		assertEquals(0.5 * value(1, 4, 0, 0) + 0.5 * value(2, 1, 0, 0), v.plane(4)[0], 1e-3);
		assertEquals(value(2, 2, 0, 0), v.plane(5)[0], 1e-3);
	}
}
