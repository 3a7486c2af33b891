package io.github.triage.io.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.triage.BadInputException;

class SliceNamesTest {

	@Test
	void linumpyNames() {
		assertEquals(5, SliceNames.idOf("mosaic_grid_3d_z05.ome.zarr").getAsInt());
		assertEquals(5, SliceNames.idOf("mosaic_grid_z05_resampled.ome.zarr").getAsInt());
		assertEquals(5, SliceNames.idOf("slice_z05_normalize.ome.zarr").getAsInt());
		assertEquals(5, SliceNames.idOf("slice_z05_stitch_3d.ome.zarr").getAsInt());
		assertEquals(5, SliceNames.idOf("slice_z05").getAsInt());
		assertEquals(5, SliceNames.idOf("tile_x00_y01_z05").getAsInt());
		assertEquals(5, SliceNames.idOf("tile_x00_y01_z05.tif").getAsInt());
		assertEquals(7, SliceNames.idOf("slice_z07_manifest.csv").getAsInt());
	}

	@Test
	void largeIdsAndPadding() {
		assertEquals(123, SliceNames.idOf("mosaic_grid_3d_z123.ome.zarr").getAsInt());
		assertEquals("123", SliceNames.format(123));
		assertEquals("03", SliceNames.format(3));
		assertEquals(100, SliceNames.idOf("slice_z100").getAsInt());
	}

	@Test
	void namesWithoutAnId() {
		assertTrue(SliceNames.idOf("mosaic_grid_3d.ome.zarr").isEmpty());
		assertTrue(SliceNames.idOf("zebra_3d.tif").isEmpty());
		assertTrue(SliceNames.idOf("README.md").isEmpty());
		assertTrue(SliceNames.idOf("quality_report.csv").isEmpty());
	}

	@Test
	void ambiguousNameIsAnErrorNamingTheFile() {
		final BadInputException e = assertThrows(BadInputException.class,
				() -> SliceNames.idOf("mosaic_z05_z06.ome.zarr"));
		assertTrue(e.getMessage().contains("mosaic_z05_z06.ome.zarr") && e.getMessage().contains("ambiguous"),
				e.getMessage());
		// the same id twice is not ambiguous
		assertEquals(5, SliceNames.idOf("slice_z05_tile_z05.tif").getAsInt());
		assertThrows(BadInputException.class, () -> SliceNames.idOf("slice_z99999999999"));
	}

	@Test
	void withIdsKeepsOrderAndSkipsOthers() {
		final List<SliceNames.Named> n = SliceNames.withIds(List.of("a_z10.tif", "notes.txt", "a_z02.tif"));
		assertEquals(2, n.size());
		assertEquals("10", n.get(0).sliceId());
		assertEquals("02", n.get(1).sliceId());
	}
}
