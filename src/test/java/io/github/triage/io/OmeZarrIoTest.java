package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.quality.WarningList;
import io.github.triage.ops.FloatImages;

class OmeZarrIoTest {
	static Path example(final String name) throws Exception {
		return Paths.get(OmeZarrIoTest.class.getResource("/oct/quality/" + name).toURI());
	}

	@Test
	void readsReferenceSliceLikeItsTiffTwin() throws Exception {
		final OmeZarrReader r = OmeZarrReader.open(example("slice_z00.ome.zarr"), 0, "slice 00", Listener.NONE);
		assertEquals(18, r.depth());
		assertEquals(128, r.height());
		assertEquals(128, r.width());
		assertEquals(2, r.levels());
		assertArrayEquals(new double[] { 0.0035, 0.01, 0.01 }, r.scaleZyx(), 1e-12);
		assertEquals("millimeter", r.unit());
		final float[] tif = FloatImages.pixels(TiffStacks.read(example("slice_z00.tif")));
		for (final int z : new int[] { 0, 7, 17 }) {
			final float[] p = r.readPlane(z);
			final float[] expected = new float[128 * 128];
			System.arraycopy(tif, z * 128 * 128, expected, 0, expected.length);
			assertArrayEquals(expected, p, 0f, "plane " + z);
		}
		final OmeZarrReader l1 = OmeZarrReader.open(example("slice_z00.ome.zarr"), 1, "slice 00", Listener.NONE);
		assertEquals(9, l1.depth());
		assertEquals(64, l1.width());
		assertArrayEquals(new double[] { 0.007, 0.02, 0.02 }, l1.scaleZyx(), 1e-12);
		// level 1 = mean of 2x2x2 blocks of level 0
		final float[] a = r.readPlane(0), b = r.readPlane(1), m = l1.readPlane(0);
		final double mean = (a[0] + a[1] + a[128] + a[129] + b[0] + b[1] + b[128] + b[129]) / 8.0;
		assertEquals(mean, m[0], 1e-4);
		final BadInputException e = assertThrows(BadInputException.class,
				() -> OmeZarrReader.open(example("slice_z00.ome.zarr"), 2, "slice 00", Listener.NONE));
		assertTrue(e.getMessage().contains("slice 00") && e.getMessage().contains("level 2"), e.getMessage());
	}

	@Test
	void writesAndReadsBackZlibAndBlosc(@TempDir final Path dir) throws Exception {
		final int d = 5, h = 20, w = 33;
		for (final OmeZarrWriter.Compressor c : OmeZarrWriter.Compressor.values()) {
			final Path out = dir.resolve("s_z01_" + c + ".ome.zarr");
			OmeZarrWriter.write(out, d, h, w, z -> plane(z, h, w), new double[] { 2, 1, 1 }, "micrometer", 2, c,
					new int[] { 2, 8, 16 });
			final OmeZarrReader r = OmeZarrReader.open(out, 0, "s", Listener.NONE);
			assertEquals(d, r.depth());
			for (int z = 0; z < d; z++)
				assertArrayEquals(plane(z, h, w), r.readPlane(z), 0f);
			// several planes at once, in any order, across chunk rows (chunks are 2 planes deep), as one by one
			final int[] zs = { 3, 0, 4, 1 };
			final float[][] many = r.readPlanes(zs);
			for (int k = 0; k < zs.length; k++)
				assertArrayEquals(plane(zs[k], h, w), many[k], 0f, "plane " + zs[k]);
			r.release();
			assertArrayEquals(plane(2, h, w), r.readPlane(2), 0f);
			final OmeZarrReader r1 = OmeZarrReader.open(out, 1, "s", Listener.NONE);
			assertEquals(2, r1.depth());
			assertEquals(10, r1.height());
			assertEquals(16, r1.width());
			assertArrayEquals(new double[] { 4, 2, 2 }, r1.scaleZyx(), 1e-12);
			final float expected = (plane(0, h, w)[0] + plane(0, h, w)[1] + plane(0, h, w)[w] + plane(0, h, w)[w + 1]
					+ plane(1, h, w)[0] + plane(1, h, w)[1] + plane(1, h, w)[w] + plane(1, h, w)[w + 1]) / 8f;
			assertEquals(expected, r1.readPlane(0)[0], 1e-4f);
		}
		try (var s = Files.list(dir)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temp folders left");
		}
	}

	@Test
	void corruptMetadataNamesTheSlice(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("slice_z04.ome.zarr");
		OmeZarrWriter.write(out, 2, 8, 8, z -> plane(z, 8, 8), new double[] { 1, 1, 1 }, "", 1,
				OmeZarrWriter.Compressor.ZLIB, new int[] { 1, 8, 8 });
		Files.writeString(out.resolve(".zattrs"), "{ \"multiscales\": [ {\"datasets\": ");
		BadInputException e = assertThrows(BadInputException.class, () -> OmeZarrReader.open(out, 0, "slice 04", Listener.NONE));
		assertTrue(e.getMessage().startsWith("slice 04"), e.getMessage());
		Files.writeString(out.resolve(".zattrs"), "{ \"foo\": 1 }");
		e = assertThrows(BadInputException.class, () -> OmeZarrReader.open(out, 0, "slice 04", Listener.NONE));
		assertTrue(e.getMessage().contains("multiscales"), e.getMessage());
		Files.writeString(out.resolve(".zattrs"),
				"{ \"multiscales\": [ {\"version\": \"0.4\", \"datasets\": [ {\"path\": \"0\"} ] } ] }");
		Files.writeString(out.resolve("0/.zarray"), "{ \"zarr_format\": 2, \"shape\": [2, 8");
		e = assertThrows(BadInputException.class, () -> OmeZarrReader.open(out, 0, "slice 04", Listener.NONE));
		assertTrue(e.getMessage().startsWith("slice 04") && e.getMessage().contains(".zarray"), e.getMessage());
	}

	@Test
	void missingAndCorruptChunksAreReported(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("slice_z05.ome.zarr");
		OmeZarrWriter.write(out, 2, 8, 8, z -> plane(z, 8, 8), new double[] { 1, 1, 1 }, "", 1,
				OmeZarrWriter.Compressor.ZLIB, new int[] { 1, 4, 8 });
		Files.delete(out.resolve("0/1/1/0"));
		final List<String> warnings = new ArrayList<>();
		final OmeZarrReader r = OmeZarrReader.open(out, 0, "slice 05", warnings::add);
		assertArrayEquals(plane(0, 8, 8), r.readPlane(0), 0f);
		assertTrue(warnings.isEmpty());
		final float[] p1 = r.readPlane(1);
		assertEquals(1, warnings.size());
		assertTrue(warnings.get(0).startsWith("slice 05") && warnings.get(0).contains("missing"), warnings.get(0));
		assertEquals(0f, p1[63]); // fill value where the chunk is missing
		Files.write(out.resolve("0/0/0/0"), new byte[] { 1, 2, 3, 4, 5 });
		final BadInputException e = assertThrows(BadInputException.class, () -> r.readPlane(0));
		assertTrue(e.getMessage().startsWith("slice 05") && e.getMessage().contains("plane 0"), e.getMessage());
		final BadInputException many = assertThrows(BadInputException.class, () -> r.readPlanes(new int[] { 1, 0 }));
		assertTrue(many.getMessage().startsWith("slice 05") && many.getMessage().contains("plane 0"), many.getMessage());
		assertEquals(0f, r.readPlanes(new int[] { 1 })[0][63]); // fill value, from the bulk path too
	}

	@Test
	void listsMosaicsBySliceId(@TempDir final Path dir) throws IOException {
		Files.createDirectories(dir.resolve("mosaic_grid_z10.ome.zarr"));
		Files.createDirectories(dir.resolve("mosaic_grid_z02.ome.zarr"));
		Files.createFile(dir.resolve("mosaic_grid_z02.tif"));
		Files.createFile(dir.resolve("mosaic_grid_z07.tif"));
		Files.createFile(dir.resolve("notes.txt"));
		Files.createFile(dir.resolve("other.tif"));
		Files.createDirectories(dir.resolve("mosaic_grid_3d_z105.ome.zarr")); // "3d" is no slice id; ids >= 100 work
		final WarningList log = new WarningList();
		final List<MosaicFolder.Entry> es = MosaicFolder.list(dir, log);
		assertEquals(List.of("02", "07", "10", "105"), es.stream().map(MosaicFolder.Entry::sliceId).toList());
		assertTrue(es.get(0).zarr);
		assertEquals(1, log.infos.size());
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		final BadInputException e = assertThrows(BadInputException.class, () -> MosaicFolder.list(empty, null));
		assertTrue(e.getMessage().contains("no slice mosaics"), e.getMessage());
		Files.createDirectories(dir.resolve("b_z07.tiff").getParent());
		Files.createFile(dir.resolve("b_z07.tiff"));
		assertThrows(BadInputException.class, () -> MosaicFolder.list(dir, null));
	}

	@Test
	void anAmbiguousMosaicNameIsAnErrorNamingTheFile(@TempDir final Path dir) throws IOException {
		Files.createDirectories(dir.resolve("mosaic_z03.ome.zarr"));
		Files.createDirectories(dir.resolve("slice_z04_from_z05.ome.zarr"));
		final BadInputException e = assertThrows(BadInputException.class, () -> MosaicFolder.list(dir, null));
		assertTrue(e.getMessage().contains("slice_z04_from_z05.ome.zarr") && e.getMessage().contains("ambiguous"),
				e.getMessage());
		final BadInputException one = assertThrows(BadInputException.class,
				() -> MosaicFolder.entry(dir.resolve("slice_z04_from_z05.ome.zarr")));
		assertTrue(one.getMessage().contains("slice_z04_from_z05.ome.zarr"), one.getMessage());
		assertEquals("03", MosaicFolder.entry(dir.resolve("mosaic_z03.ome.zarr")).sliceId());
	}

	static float[] plane(final int z, final int h, final int w) {
		final float[] p = new float[h * w];
		for (int i = 0; i < p.length; i++)
			p[i] = z * 1000 + i + 0.25f;
		return p;
	}

	static OmeZarrReader ofLevel(final Path p, final int level) {
		return OmeZarrReader.open(p, level, p.toString(), Listener.NONE);
	}
}
