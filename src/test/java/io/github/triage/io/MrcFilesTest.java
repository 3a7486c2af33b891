package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;

class MrcFilesTest {
	@TempDir
	Path tmp;

	static Path resource(final String name) {
		try {
			return Path.of(MrcFilesTest.class.getResource("/cavg/" + name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void readsReferenceHandcheckStack() {
		final MrcStack s = MrcFiles.read(resource("cavgA00_handcheck_b64_s1p00_n6.mrc"));
		assertEquals(64, s.width());
		assertEquals(64, s.height());
		assertEquals(6, s.size());
		assertEquals(1.0, s.pixelSize());
		// classes 1-3 all zero; 4-6 the same centred Gaussian at amplitudes 0.5, 1, 2, peak at (32, 32)
		for (int k = 0; k < 3; k++)
			for (final float v : s.sections()[k])
				assertEquals(0f, v);
		final int centre = 32 * 64 + 32;
		assertEquals(0.5f, s.sections()[3][centre], 1e-6f);
		assertEquals(1.0f, s.sections()[4][centre], 1e-6f);
		assertEquals(2.0f, s.sections()[5][centre], 1e-6f);
		for (int i = 0; i < 64 * 64; i++)
			assertTrue(s.sections()[4][i] <= s.sections()[4][centre]);
	}

	@Test
	void pixelSizeFromCellaOverMx() {
		assertEquals(2.2, MrcFiles.read(resource("cavgA03_b160_s2p20_n20.mrc")).pixelSize());
		final MrcStack a01 = MrcFiles.read(resource("cavgA01_b64_s2p00_n120.mrc"));
		assertEquals(2.0, a01.pixelSize());
		assertEquals(120, a01.size());
	}

	@Test
	void writeThenReadGivesTheSameStack() throws IOException {
		final float[][] px = { { 1, 2, 3, 4, 5, 6 }, { -1.5f, 0, 7, 8e6f, -3e-7f, 9 } };
		final MrcStack in = new MrcStack(px, 3, 2, 1.35);
		final Path f = tmp.resolve("out.mrcs");
		MrcFiles.write(f, in);
		assertEquals(1024 + 2 * 6 * 4, Files.size(f));
		assertEquals(in, MrcFiles.read(f));
		// header facts other programs read
		final ByteBuffer h = header(f);
		assertEquals(2, h.getInt(12));
		assertEquals(1, h.getInt(36)); // mz = 1: an image stack
		assertEquals(0x44, h.get(212));
		assertEquals(-1.5f, h.getFloat(76)); // dmin
		assertEquals(8e6f, h.getFloat(80)); // dmax
		assertTrue(Files.list(tmp).allMatch(p -> p.equals(f)), "no temporary file left");
	}

	@Test
	void emptyStackRoundTrips() throws IOException {
		final Path f = tmp.resolve("empty.mrc");
		MrcFiles.write(f, new MrcStack(new float[0][], 8, 8, 1.0));
		final MrcStack back = MrcFiles.read(f);
		assertEquals(0, back.size());
		assertEquals(8, back.width());
	}

	@Test
	void readsIntegerAndHalfModesInBothByteOrders() throws IOException {
		final float[] expected = { -3, 0, 5, 100 };
		for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			final Path m0 = write(order, 0, 0, 1, b -> { for (final float v : expected) b.put((byte) v); });
			assertArrayEquals(expected, MrcFiles.read(m0).sections()[0], "mode 0 " + order);
			final Path m1 = write(order, 1, 0, 1, b -> { for (final float v : expected) b.putShort((short) v); });
			assertArrayEquals(expected, MrcFiles.read(m1).sections()[0], "mode 1 " + order);
			final Path m6 = write(order, 6, 0, 1, b -> b.putShort((short) 0).putShort((short) 1)
					.putShort((short) 40000).putShort((short) 65535));
			assertArrayEquals(new float[] { 0, 1, 40000, 65535 }, MrcFiles.read(m6).sections()[0], "mode 6 " + order);
			// float16: 1.0 = 0x3c00, -2.0 = 0xc000, 0.5 = 0x3800, 65504 = 0x7bff (largest)
			final Path m12 = write(order, 12, 0, 1, b -> b.putShort((short) 0x3c00).putShort((short) 0xc000)
					.putShort((short) 0x3800).putShort((short) 0x7bff));
			assertArrayEquals(new float[] { 1, -2, 0.5f, 65504 }, MrcFiles.read(m12).sections()[0], "mode 12 " + order);
		}
	}

	@Test
	void imodUnsignedBytes() throws IOException {
		final Path f = write(ByteOrder.LITTLE_ENDIAN, 0, 0, 1, b -> b.put((byte) 0).put((byte) 1).put((byte) 200).put((byte) 255));
		assertArrayEquals(new float[] { 0, 1, -56, -1 }, MrcFiles.read(f).sections()[0], "MRC2014: signed");
		final byte[] bytes = Files.readAllBytes(f);
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(152, 1146047817).putInt(156, 0);
		Files.write(f, bytes);
		assertArrayEquals(new float[] { 0, 1, 200, 255 }, MrcFiles.read(f).sections()[0], "IMOD, flags bit 0 clear: unsigned");
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(156, 1);
		Files.write(f, bytes);
		assertArrayEquals(new float[] { 0, 1, -56, -1 }, MrcFiles.read(f).sections()[0], "IMOD, signed flag");
	}

	@Test
	void halfPrecisionSubnormalsAndSigns() {
		assertEquals(0x1p-24f, MrcFiles.halfToFloat((short) 0x0001));
		assertEquals(-0x1p-14f, MrcFiles.halfToFloat((short) 0x8400));
		assertTrue(Float.isInfinite(MrcFiles.halfToFloat((short) 0x7c00)));
		assertTrue(Float.isNaN(MrcFiles.halfToFloat((short) 0x7e00)));
	}

	@Test
	void skipsTheExtendedHeader() throws IOException {
		final Path f = write(ByteOrder.LITTLE_ENDIAN, 2, 96, 1, b -> {
			for (int i = 0; i < 96 / 4; i++) b.putFloat(999f); // extended header junk
			b.putFloat(1).putFloat(2).putFloat(3).putFloat(4);
		});
		assertArrayEquals(new float[] { 1, 2, 3, 4 }, MrcFiles.read(f).sections()[0]);
	}

	@Test
	void truncatedFileIsAnErrorNamingTheFile() throws IOException {
		final Path f = write(ByteOrder.LITTLE_ENDIAN, 2, 0, 3, b -> b.putFloat(1).putFloat(2)); // 3 sections announced
		final BadInputException e = assertThrows(BadInputException.class, () -> MrcFiles.read(f));
		assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("truncated"), e.getMessage());
		final Path shortHeader = tmp.resolve("short.mrc");
		Files.write(shortHeader, new byte[100]);
		final BadInputException e2 = assertThrows(BadInputException.class, () -> MrcFiles.read(shortHeader));
		assertTrue(e2.getMessage().contains("short.mrc") && e2.getMessage().contains("header"), e2.getMessage());
	}

	@Test
	void unsupportedModeIsAnError() throws IOException {
		final Path f = write(ByteOrder.LITTLE_ENDIAN, 4, 0, 1, b -> { for (int i = 0; i < 8; i++) b.putFloat(0); });
		final BadInputException e = assertThrows(BadInputException.class, () -> MrcFiles.read(f));
		assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("mode 4"), e.getMessage());
	}

	@Test
	void negativeSizesAreAnError() throws IOException {
		final Path f = write(ByteOrder.LITTLE_ENDIAN, 2, 0, 1, b -> { for (int i = 0; i < 4; i++) b.putFloat(0); });
		final ByteBuffer h = header(f);
		h.putInt(8, -5);
		final byte[] bytes = Files.readAllBytes(f);
		System.arraycopy(h.array(), 0, bytes, 0, 1024);
		Files.write(f, bytes);
		final BadInputException e = assertThrows(BadInputException.class, () -> MrcFiles.read(f));
		assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("negative"), e.getMessage());
	}

	@Test
	void nanAndInfinitePixelsAreErrorsNamingSectionAndPixel() throws IOException {
		final Path nan = write(ByteOrder.LITTLE_ENDIAN, 2, 0, 2,
				b -> b.putFloat(0).putFloat(0).putFloat(0).putFloat(0).putFloat(0).putFloat(0).putFloat(Float.NaN).putFloat(0));
		final BadInputException e = assertThrows(BadInputException.class, () -> MrcFiles.read(nan));
		assertTrue(e.getMessage().contains(nan + ": section 2: pixel (0, 1) is NaN"), e.getMessage());
		final Path inf = write(ByteOrder.LITTLE_ENDIAN, 12, 0, 1,
				b -> b.putShort((short) 0).putShort((short) 0x7c00).putShort((short) 0).putShort((short) 0));
		final BadInputException e2 = assertThrows(BadInputException.class, () -> MrcFiles.read(inf));
		assertTrue(e2.getMessage().contains("section 1: pixel (1, 0) is Infinity"), e2.getMessage());
	}

	@Test
	void missingFileIsAnError() {
		final Path f = tmp.resolve("nope.mrc");
		assertEquals(f + ": no such file", assertThrows(BadInputException.class, () -> MrcFiles.read(f)).getMessage());
	}

	@Test
	void aFolderGivenForTheStackIsNamedSo() {
		assertEquals(tmp + ": is a folder, not a file",
				assertThrows(BadInputException.class, () -> MrcFiles.read(tmp)).getMessage());
	}

	private interface Filler {
		void fill(ByteBuffer b);
	}

	private int counter;

	/** A 2 × 2 × nz MRC file with the given mode, extended header size and byte order (stamp set). */
	private Path write(final ByteOrder order, final int mode, final int nsymbt, final int nz, final Filler data)
			throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(1024 + 4096).order(order);
		b.putInt(0, 2).putInt(4, 2).putInt(8, nz).putInt(12, mode);
		b.putInt(28, 2).putInt(32, 2).putInt(36, 1);
		b.putFloat(40, 3f).putFloat(44, 3f).putFloat(48, 1.5f);
		b.putInt(92, nsymbt);
		final byte stamp = order == ByteOrder.LITTLE_ENDIAN ? (byte) 0x44 : (byte) 0x11;
		b.put(212, stamp).put(213, stamp);
		b.position(1024);
		data.fill(b);
		final Path f = tmp.resolve("m" + mode + "_" + order + "_" + (counter++) + ".mrc");
		Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
		return f;
	}

	private static ByteBuffer header(final Path f) throws IOException {
		return ByteBuffer.wrap(java.util.Arrays.copyOf(Files.readAllBytes(f), 1024)).order(ByteOrder.LITTLE_ENDIAN);
	}
}
