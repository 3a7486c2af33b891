package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.OmeZarrWriter.Compressor;
import io.github.triage.io.OmeZarrWriter.Format;
import io.github.triage.io.OmeZarrWriter.Version;
import io.github.triage.io.zarr.ZarrDataType;

class OmeZarrWriterTest {
	/** Values every dtype holds exactly (bool: 0/1), including each type's extremes where a float holds them. */
	static float[] values(final ZarrDataType t, final int z, final int n) {
		final float[] p = new float[n];
		for (int i = 0; i < n; i++)
			p[i] = t == ZarrDataType.BOOL ? (i + z) % 2 : (i * 3 + z) % 100;
		switch (t) {
		case UINT8 -> p[0] = 255;
		case INT8 -> p[1] = -128;
		case UINT16 -> p[0] = 65535;
		case INT16 -> p[1] = -32768;
		case UINT32 -> p[0] = 4294967040f;
		case INT32, INT64 -> p[1] = -2147483648f;
		case UINT64 -> p[0] = 1.8446743e19f;
		case FLOAT32, FLOAT64 -> p[1] = -0.375f;
		default -> {
		}
		}
		return p;
	}

	@Test
	void everyDtypeRoundTripsInV2AndV3(@TempDir final Path dir) throws Exception {
		final int d = 3, h = 9, w = 11;
		for (final Version v : Version.values())
			for (final ZarrDataType t : ZarrDataType.values()) {
				final Compressor c = Compressor.values()[(t.ordinal() + v.ordinal()) % 4];
				final Format f = Format.defaults().withVersion(v).withDataType(t)
						.withCompressor(v == Version.V0_5 && c == Compressor.ZLIB ? Compressor.GZIP : c)
						.withChunks(new int[] { 2, 4, 8 }).withLevels(1);
				final Path out = dir.resolve(t + "_" + v + ".ome.zarr");
				OmeZarrWriter.write(out, d, h, w, z -> values(t, z, h * w), new double[] { 1, 1, 1 }, "micrometer", f);
				final OmeZarrReader r = OmeZarrReader.open(out, 0, out.toString(), Listener.NONE);
				assertEquals(t, r.dataType());
				assertEquals(v == Version.V0_5 ? 3 : 2, r.zarrFormat());
				for (int z = 0; z < d; z++)
					assertArrayEquals(values(t, z, h * w), r.readPlane(z), 0f, out + " plane " + z);
			}
	}

	@Test
	void pyramidLevelsHaveTheRightShapesAndScales(@TempDir final Path dir) throws Exception {
		for (final Version v : Version.values()) {
			final Path out = dir.resolve("p" + v + ".ome.zarr");
			final Format f = Format.defaults().withVersion(v).withChunks(new int[] { 4, 16, 16 });
			OmeZarrWriter.write(out, 10, 70, 40, z -> OmeZarrIoTest.plane(z, 70, 40), new double[] { 3, 1, 1 },
					"micrometer", f);
			// auto levels: until Y and X fit in one chunk; Z halves while larger than the chunk depth (4)
			final int[][] shapes = { { 10, 70, 40 }, { 5, 35, 20 }, { 2, 17, 10 }, { 2, 8, 5 } };
			final double[] zScale = { 3, 6, 12, 12 };
			final OmeZarrReader r0 = OmeZarrReader.open(out, 0, "p", Listener.NONE);
			assertEquals(shapes.length, r0.levels());
			for (int l = 0; l < shapes.length; l++) {
				final OmeZarrReader r = OmeZarrReader.open(out, l, "p", Listener.NONE);
				assertArrayEquals(shapes[l], new int[] { r.depth(), r.height(), r.width() }, v + " level " + l);
				assertArrayEquals(new double[] { zScale[l], 1 << l, 1 << l }, r.scaleZyx(), 1e-12);
			}
			// level 1 = mean of 2x2x2 blocks of level 0
			final float[] a = OmeZarrIoTest.plane(2, 70, 40), b = OmeZarrIoTest.plane(3, 70, 40);
			final float mean = (a[80 + 2] + a[80 + 3] + a[120 + 2] + a[120 + 3] + b[80 + 2] + b[80 + 3] + b[120 + 2]
					+ b[120 + 3]) / 8;
			assertEquals(mean, OmeZarrIoTest.ofLevel(out, 1).readPlane(1)[20 + 1], 1e-2f);
		}
	}

	@Test
	void v3MetadataHasLinumpysStructure(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("m.ome.zarr");
		OmeZarrWriter.write(out, 2, 8, 8, z -> new float[64], new double[] { 0.01, 0.01, 0.01 }, "millimeter",
				Format.defaults().withLevels(1));
		final Path ref = OmeZarrFixturesTest.res("linumpy_v3/slice_z00_normalize.ome.zarr");
		assertEquals(keys(json(ref.resolve("s0/zarr.json"))), keys(json(out.resolve("s0/zarr.json"))));
		final JsonObject ome = json(out.resolve("zarr.json")).getAsJsonObject("attributes").getAsJsonObject("ome");
		assertEquals("0.5", ome.get("version").getAsString());
		final JsonObject ms = ome.getAsJsonArray("multiscales").get(0).getAsJsonObject();
		assertFalse(ms.has("version"), "NGFF 0.5 keeps the version in attributes.ome only");
		assertEquals(json(ref.resolve("zarr.json")).getAsJsonObject("attributes").getAsJsonObject("ome")
				.getAsJsonArray("multiscales").get(0).getAsJsonObject().get("axes"), ms.get("axes"));
	}

	@Test
	void leftoverTempFolderIsRemovedAndTargetReplaced(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("slice_z01.ome.zarr");
		// a build folder left by a killed writer (a process id that no longer exists on this machine)
		final Path leftover = Files.createDirectories(
				dir.resolve(".slice_z01.ome.zarr." + TempNames.HOST + "-999999999.0123456789abcdef.build/0"));
		Files.writeString(leftover.resolve("junk"), "x");
		OmeZarrWriter.write(out, 2, 8, 8, z -> OmeZarrIoTest.plane(z, 8, 8), new double[] { 1, 1, 1 }, "", 1,
				Compressor.ZSTD, new int[] { 1, 8, 8 });
		OmeZarrWriter.write(out, 2, 8, 8, z -> OmeZarrIoTest.plane(z + 1, 8, 8), new double[] { 1, 1, 1 }, "", 1,
				Compressor.BLOSC, new int[] { 1, 8, 8 });
		try (var s = Files.list(dir)) {
			assertEquals(List.of(out), s.toList());
		}
		assertArrayEquals(OmeZarrIoTest.plane(1, 8, 8), OmeZarrIoTest.ofLevel(out, 0).readPlane(0), 0f);
	}

	@Test
	void truncatedChunkNamesItsFileAndMissingChunkWarnsOnce(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("slice_z05.ome.zarr");
		OmeZarrWriter.write(out, 4, 8, 8, z -> OmeZarrIoTest.plane(z, 8, 8), new double[] { 1, 1, 1 }, "",
				Format.defaults().withChunks(new int[] { 1, 4, 4 }).withLevels(1));
		Files.delete(out.resolve("s0/c/1/1/0"));
		Files.delete(out.resolve("s0/c/2/0/1"));
		final List<String> warnings = new ArrayList<>();
		final OmeZarrReader r = OmeZarrReader.open(out, 0, "slice 05", OmeZarrFixturesTest.collect(warnings));
		for (int z = 0; z < 4; z++)
			r.readPlane(z);
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).contains("slice 05") && warnings.get(0).contains("'s0'"), warnings.get(0));
		assertEquals(0f, r.readPlane(1)[4 * 8]);
		final Path chunk = out.resolve("s0/c/3/1/1");
		final byte[] b = Files.readAllBytes(chunk);
		Files.write(chunk, java.util.Arrays.copyOf(b, b.length / 2));
		final BadInputException e = assertThrows(BadInputException.class, () -> r.readPlane(3));
		assertTrue(e.getMessage().startsWith("slice 05") && e.getMessage().contains(chunk.toString()), e.getMessage());
	}

	@Test
	void giantDeclaredShapeFailsBeforeAllocating(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("g.ome.zarr");
		OmeZarrWriter.write(out, 1, 4, 4, z -> new float[16], new double[] { 1, 1, 1 }, "",
				Format.defaults().withLevels(1).withDataType(ZarrDataType.UINT16));
		final Path meta = out.resolve("s0/zarr.json");
		Files.writeString(meta, Files.readString(meta).replaceFirst("\"shape\": \\[\\s*1,\\s*4,\\s*4",
				"\"shape\": [ 100000, 40000, 40000"));
		final BadInputException e = assertThrows(BadInputException.class,
				() -> OmeZarrReader.open(out, 0, "slice 07", Listener.NONE));
		assertTrue(e.getMessage().startsWith("slice 07") && e.getMessage().contains("heap"), e.getMessage());
	}

	/** zarr-python 2 (Debian's python3-zarr) reads our v2 output with the same values; skipped when absent. */
	@Test
	void zarrPythonReadsV2Output(@TempDir final Path dir) throws Exception {
		final Path py = Path.of("/usr/bin/python3");
		assumeTrue(Files.isExecutable(py));
		assumeTrue(new ProcessBuilder(py.toString(), "-c", "import zarr, numcodecs").start().waitFor() == 0,
				"python3-zarr not installed");
		for (final Compressor c : new Compressor[] { Compressor.ZLIB, Compressor.ZSTD, Compressor.BLOSC }) {
			final Path out = dir.resolve(c + ".ome.zarr");
			OmeZarrWriter.write(out, 3, 9, 11, z -> values(ZarrDataType.UINT16, z, 99), new double[] { 1, 1, 1 },
					"micrometer", Format.defaults().withVersion(Version.V0_4).withDataType(ZarrDataType.UINT16)
							.withCompressor(c).withChunks(new int[] { 2, 4, 8 }).withLevels(2));
			final Process p = new ProcessBuilder(py.toString(), "-c", "import zarr,sys; g=zarr.open_group(sys.argv[1],'r');"
					+ "a=g['0'][:]; print(int(a[0,0,0]), int(a.sum()), g['1'].shape, g.attrs['multiscales'][0]['version'])",
					out.toString()).redirectErrorStream(true).start();
			final String text = new String(p.getInputStream().readAllBytes()).trim();
			assertEquals(0, p.waitFor(), text);
			long sum = 0;
			for (int z = 0; z < 3; z++)
				for (final float v : values(ZarrDataType.UINT16, z, 99))
					sum += (long) v;
			assertEquals("65535 " + sum + " (1, 4, 5) 0.4", text);
		}
	}

	private static JsonObject json(final Path p) throws Exception {
		return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
	}

	private static Set<String> keys(final JsonObject o) {
		return new TreeSet<>(o.keySet());
	}
}
