package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;

/**
 * Reading OME-Zarr files written by other tools: linumpy's own output (NGFF 0.5, Zarr v3, bytes + zstd), zarr-python
 * 2.13 (NGFF 0.4 on v2, every dtype and compressor) and v3 images made by hand from the spec with numcodecs
 * (zarr_fixtures/make_fixtures.py). Expected values come from numpy (expected_DTYPE.txt), not from Triage.
 */
class OmeZarrFixturesTest {
	static Path res(final String name) throws Exception {
		return Paths.get(OmeZarrFixturesTest.class.getResource("/io/github/triage/io/" + name).toURI());
	}

	static Listener collect(final List<String> into) {
		return new Listener() {
			@Override
			public void warning(final String message) {
				into.add(message);
			}
		};
	}

	/**
	 * inputs/slice_z00_normalize.ome.zarr of the reference set, with only chunk c/0/1/1 kept (the three others,
	 * 1.3 MB, left out): known values decoded with numcodecs.Zstd from that chunk file.
	 */
	@Test
	void readsLinumpyV3Slice() throws Exception {
		final List<String> warnings = new ArrayList<>();
		final OmeZarrReader r = OmeZarrReader.open(res("linumpy_v3/slice_z00_normalize.ome.zarr"), 0, "slice 00",
				collect(warnings));
		assertEquals(3, r.zarrFormat());
		assertEquals("0.5", r.ngffVersion());
		assertEquals(8, r.depth());
		assertEquals(256, r.height());
		assertEquals(256, r.width());
		assertEquals(1, r.levels());
		assertArrayEquals(new double[] { 0.01, 0.01, 0.01 }, r.scaleZyx(), 1e-15);
		assertArrayEquals(new double[] { 0.01, 0.01, 0.01 }, r.scaleZyxMm(), 1e-15);
		assertEquals("millimeter", r.unit());
		final float[] p0 = r.readPlane(0), p3 = r.readPlane(3), p7 = r.readPlane(7);
		assertEquals(0.1692742f, p0[128 * 256 + 128]);
		assertEquals(0.15693226f, p7[255 * 256 + 255]);
		assertEquals(0.49917033f, p3[(128 + 17) * 256 + 128 + 99]);
		double sum = 0;
		for (final float v : p3)
			sum += v;
		assertEquals(3311.69764893502, sum, 1e-3); // chunk (1,1) only; the missing chunks read as 0
		assertEquals(0f, p3[0]);
		for (int z = 0; z < 8; z++)
			r.readPlane(z);
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).startsWith("slice 00") && warnings.get(0).contains("'s0'")
				&& warnings.get(0).contains("missing"), warnings.get(0));
	}

	@Test
	void readsEveryDtypeWrittenByZarrPythonV2AndByHandV3() throws Exception {
		int checked = 0;
		try (Stream<Path> s = Stream.concat(Files.list(res("zarr_fixtures/v2")), Files.list(res("zarr_fixtures/v3")))) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith("big_")) continue;
				final String dtype = name.replaceAll("_.*", "");
				final float[] expected = expected(dtype);
				final List<String> warnings = new ArrayList<>();
				final OmeZarrReader r = OmeZarrReader.open(p, 0, name, collect(warnings));
				assertEquals(3, r.depth(), name);
				assertEquals(5, r.height(), name);
				assertEquals(7, r.width(), name);
				assertEquals(dtype, r.dataType().v3Name, name);
				for (int z = 0; z < 3; z++)
					assertArrayEquals(java.util.Arrays.copyOfRange(expected, z * 35, z * 35 + 35), r.readPlane(z), 0f,
							name + " plane " + z);
				assertTrue(warnings.isEmpty(), name + ": " + warnings);
				checked++;
			}
		}
		assertEquals(35, checked);
	}

	@Test
	void uint16ExtremesAndUnitsAndMultiscaleScale() throws Exception {
		final OmeZarrReader u = OmeZarrReader.open(res("zarr_fixtures/v2/uint16_all_zstd2.ome.zarr"), 0, "u", Listener.NONE);
		assertEquals(65535f, u.readPlane(0)[0]);
		assertArrayEquals(new double[] { 2, 0.5, 0.25 }, u.scaleZyx(), 0);
		assertArrayEquals(new double[] { 2e-3, 0.5e-3, 0.25e-3 }, u.scaleZyxMm(), 1e-15); // micrometer
		final OmeZarrReader n = OmeZarrReader.open(res("zarr_fixtures/v3/uint16_zstd.ome.zarr"), 0, "n", Listener.NONE);
		assertArrayEquals(new double[] { 2e-6, 0.5e-6, 0.25e-6 }, n.scaleZyxMm(), 1e-18); // nanometer
		// F order, big-endian, and a multiscale-level scale of 10 on top of the dataset's
		final OmeZarrReader f = OmeZarrReader.open(res("zarr_fixtures/v2/float32_fortran_bigendian.ome.zarr"), 0, "f",
				Listener.NONE);
		assertArrayEquals(new double[] { 20, 5, 2.5 }, f.scaleZyxMm(), 1e-12);
		assertEquals(3.0e38f, f.readPlane(0)[0]);
	}

	@Test
	void readsMultiBlockBlosc() throws Exception {
		for (final String c : new String[] { "lz4", "blosclz", "zstd" }) {
			final float[] p = OmeZarrReader.open(res("zarr_fixtures/v2/big_" + c + ".ome.zarr"), 0, c, Listener.NONE)
					.readPlane(0);
			for (int i = 0; i < p.length; i++)
				if (p[i] != i % 65521) throw new AssertionError(c + ": value " + i + " is " + p[i]);
		}
	}

	@Test
	void corruptChunksAndShardingAreNamed(@TempDir final Path dir) throws Exception {
		final Path img = copy(res("zarr_fixtures/v3/uint16_gzip_crc32c_transpose_big.ome.zarr"), dir.resolve("a.ome.zarr"));
		final Path chunk = img.resolve("s0/c/0/0/0");
		final byte[] b = Files.readAllBytes(chunk);
		b[b.length - 1] ^= 1; // checksum no longer matches
		Files.write(chunk, b);
		final OmeZarrReader r = OmeZarrReader.open(img, 0, "slice 09", Listener.NONE);
		BadInputException e = assertThrows(BadInputException.class, () -> r.readPlane(0));
		assertTrue(e.getMessage().startsWith("slice 09") && e.getMessage().contains(chunk.toString())
				&& e.getMessage().contains("crc32c"), e.getMessage());
		final Path meta = img.resolve("s0/zarr.json");
		Files.writeString(meta, Files.readString(meta).replace("\"name\": \"gzip\"", "\"name\": \"sharding_indexed\""));
		e = assertThrows(BadInputException.class, () -> OmeZarrReader.open(img, 0, "slice 09", Listener.NONE));
		assertTrue(e.getMessage().startsWith("slice 09") && e.getMessage().contains("sharding_indexed"), e.getMessage());
	}

	static Path copy(final Path src, final Path dst) throws Exception {
		try (Stream<Path> s = Files.walk(src)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Path t = dst.resolve(src.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t);
			}
		}
		return dst;
	}

	private static float[] expected(final String dtype) throws Exception {
		final List<String> lines = Files.readAllLines(res("zarr_fixtures/expected_" + dtype + ".txt"));
		final float[] out = new float[lines.size()];
		for (int i = 0; i < out.length; i++)
			out[i] = new BigDecimal(lines.get(i).trim()).floatValue();
		return out;
	}
}
