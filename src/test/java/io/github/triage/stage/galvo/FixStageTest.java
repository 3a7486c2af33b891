package io.github.triage.stage.galvo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.ShortProcessor;
import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoFix;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.io.OmeZarrReader;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.TiffStacks;
import io.github.triage.io.TileFiles;
import io.github.triage.io.zarr.ZarrDataType;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.FloatImages;

/** galvo fix on a tile, a slice folder and the slices a slice_config marks, keeping what each tile is. */
class FixStageTest {
	@TempDir
	Path tmp;

	private static final int W = 6, H = 10, D = 3;

	private static short value(final int x, final int y, final int z) {
		return (short) (1000 * z + 10 * y + x + 40000); // above 32767: unsigned 16-bit survives only as 16-bit
	}

	/** A 16-bit TIFF stack calibrated in µm, with an Info property. */
	private static void calibrated16Bit(final Path file) {
		final ImageStack st = new ImageStack(W, H);
		for (int z = 0; z < D; z++) {
			final short[] px = new short[W * H];
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					px[y * W + x] = value(x, y, z);
			st.addSlice(new ShortProcessor(W, H, px, null));
		}
		final ImagePlus imp = new ImagePlus("tile", st);
		final Calibration c = imp.getCalibration();
		c.pixelWidth = 2.5;
		c.pixelHeight = 1.5;
		c.pixelDepth = 3.0;
		c.setUnit("micron");
		imp.setProperty("Info", "acquisition=oct-42");
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()));
	}

	@Test
	void aSliceFolderOf16BitCalibratedTilesStays16BitAndCalibrated() throws IOException {
		final Path slice = tmp.resolve("slice_z03");
		Files.createDirectories(slice);
		calibrated16Bit(slice.resolve("tile_a.tif"));
		calibrated16Bit(slice.resolve("tile_b.tif"));
		final Path out = tmp.resolve("fixed");
		final FixStage.Result r = new FixStage().run(FixStage.Options.of(slice, out, 3), null, Listener.NONE);
		assertEquals(2, r.tiles().size());
		for (final String name : List.of("tile_a.tif", "tile_b.tif")) {
			final ImagePlus imp = new Opener().openImage(out.resolve(name).toString());
			assertEquals(16, imp.getBitDepth(), name);
			assertEquals(D, imp.getStackSize());
			// as the input reads (TIFF stores the resolution as a rational: 1.5 reads 1.5000015)
			final Calibration c = imp.getCalibration(), c0 = new Opener().openImage(slice.resolve(name).toString())
					.getCalibration();
			assertEquals(c0.pixelWidth, c.pixelWidth, 0);
			assertEquals(c0.pixelHeight, c.pixelHeight, 0);
			assertEquals(1.5, c.pixelHeight, 1e-5);
			assertEquals(3.0, c.pixelDepth, 0);
			assertEquals("micron", c.getUnit());
			assertEquals("acquisition=oct-42", imp.getInfoProperty());
			// rolled by 3: row y holds what row y - 3 held
			for (int z = 0; z < D; z++) {
				final short[] px = (short[]) imp.getStack().getPixels(z + 1);
				for (int y = 0; y < H; y++)
					assertEquals(value(1, Math.floorMod(y - 3, H), z), px[y * W + 1], "z" + z + " y" + y);
			}
		}
	}

	@Test
	void anOmeZarrTileKeepsItsDataTypeVoxelSizeAndLevels() throws IOException {
		final Path slice = tmp.resolve("slice_z01");
		final float[][] planes = new float[D][W * H];
		for (int z = 0; z < D; z++)
			for (int i = 0; i < W * H; i++)
				planes[z][i] = value(i % W, i / W, z) & 0xffff;
		OmeZarrWriter.write(slice.resolve("tile_a.ome.zarr"), D, H, W, z -> planes[z], new double[] { 3, 1.5, 2.5 },
				"micrometer", OmeZarrWriter.Format.defaults().withVersion(OmeZarrWriter.Version.V0_4)
						.withDataType(ZarrDataType.UINT16).withLevels(1));
		final Path out = tmp.resolve("fixed");
		new FixStage().run(FixStage.Options.of(slice, out, -2), null, Listener.NONE);
		final OmeZarrReader r = OmeZarrReader.open(out.resolve("tile_a.ome.zarr"), 0, "fixed", Listener.NONE);
		assertEquals(ZarrDataType.UINT16, r.dataType());
		assertArrayEquals(new double[] { 3, 1.5, 2.5 }, r.scaleZyx(), 1e-12);
		assertEquals("micrometer", r.unit());
		assertEquals("0.4", r.ngffVersion());
		assertEquals(1, r.levels());
		assertEquals(value(0, 2, 1) & 0xffff, r.readPlane(1)[0], 0); // rolled by -2: row 0 holds row 2
	}

	@Test
	void theSlicesASliceConfigMarksAreFixedByTheirDetectedShift() throws IOException {
		final Path tiles = tmp.resolve("tiles");
		GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/slice_z00"), tiles.resolve("slice_z00"));
		GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/slice_z00"), tiles.resolve("slice_z01"));
		final Path config = tmp.resolve("slice_config.csv");
		Files.writeString(config, "slice_id,use,galvo_fix\n00,true,true\n01,true,false\n");
		final Path out = tmp.resolve("fixed");
		final FixStage.Result r = new FixStage().run(new FixStage.Options(tiles, out, null, config,
				GalvoSettings.defaults(40)), new CpuImageOps(), Listener.NONE);
		assertEquals(List.of(tiles.resolve("slice_z00")), r.fixed());
		assertEquals(List.of(tiles.resolve("slice_z01")), r.skipped());
		assertFalse(Files.exists(out.resolve("slice_z01")));
		final List<Path> written = TileFiles.tilesIn(out.resolve("slice_z00"));
		assertEquals(TileFiles.tilesIn(tiles.resolve("slice_z00")).stream().map(p -> p.getFileName().toString()).toList(),
				written.stream().map(p -> p.getFileName().toString()).toList());
		// after the fix the slice's band is at the end: detected shift 0, and the float tiles stay float
		final DetectSliceStage.Result again = new DetectSliceStage().run(
				DetectSliceStage.Options.defaults(out.resolve("slice_z00"), null, 40), new CpuImageOps(), Listener.NONE);
		assertEquals(0, again.slices().get(0).detection().best().detectedShift());
		assertEquals(32, new Opener().openImage(written.get(0).toString()).getBitDepth());
	}

	@Test
	void aTileIsRolledAnd2DRefused() throws IOException {
		final Path in = GalvoStagesTest.ref("tiles/single/tile_02_near_end.tif"), out = tmp.resolve("fixed.tif");
		final FixStage.Result r = new FixStage().run(FixStage.Options.of(in, out, 9), null, Listener.NONE);
		assertEquals(9, r.tile().rolled());
		final DetectTileStage.Result d = new DetectTileStage().run(DetectTileStage.Options.defaults(List.of(out), 52),
				new CpuImageOps(), Listener.NONE);
		assertEquals(206, d.tiles().get(0).detection().bandStart()); // 258 rows - 52: the band is last
		assertArrayEquals(FloatImages.pixels(TiffStacks.read(out)), FloatImages.pixels(GalvoFix.roll(TileFiles.read(in, null), 9)));
		final Path o2 = tmp.resolve("o2.tif");
		final BadInputException e = assertThrows(BadInputException.class, () -> new FixStage().run(
				FixStage.Options.of(GalvoStagesTest.ref("aip/single/tile_00_band_at_start.tif"), o2, 3), null, Listener.NONE));
		assertTrue(e.getMessage().contains("3D"), e.getMessage());
		assertFalse(Files.exists(o2));
	}

	@Test
	void badOptionsAreAllReportedAtOnce() {
		final BadInputException e = assertThrows(BadInputException.class, () -> new FixStage().run(
				new FixStage.Options(tmp, tmp.resolve("o"), 3, tmp.resolve("missing.csv"), null), null, Listener.NONE));
		assertTrue(e.getMessage().contains("not a shift") && e.getMessage().contains("missing.csv"), e.getMessage());
	}
}
