package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;
import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.FloatImages;

/** Tiles streamed plane by plane give the AIP of the tile read whole, bit for bit. */
class TiffPlanesTest {
	@TempDir
	Path tmp;

	private static float[] whole(final Path f) {
		return FloatImages.pixels(new CpuImageOps().meanZProjection(TiffStacks.read(f)));
	}

	private static float[] streamed(final Path f) {
		return FloatImages.pixels(TileFiles.aip(f, true, new CpuImageOps(), Listener.NONE));
	}

	@Test
	void floatTilesStreamToTheSameAip() throws IOException, URISyntaxException {
		final Path dir = Path.of(getClass().getResource("/galvo/tiles/slice_z01").toURI());
		final List<Path> tiles;
		try (Stream<Path> s = Files.list(dir)) {
			tiles = s.sorted().toList();
		}
		for (final Path f : tiles) {
			try (TiffPlanes t = TiffPlanes.open(f)) {
				assertNotNull(t, f + " is streamed");
			}
			assertArrayEquals(whole(f), streamed(f), f.toString());
		}
	}

	@Test
	void eightAndSixteenBitImageJStacksStreamToTheSameAip() throws IOException {
		final ImageStack b = new ImageStack(7, 5), s = new ImageStack(7, 5);
		for (int z = 0; z < 4; z++) {
			final byte[] pb = new byte[35];
			final short[] ps = new short[35];
			for (int i = 0; i < 35; i++) {
				pb[i] = (byte) (i * 7 + z * 31);
				ps[i] = (short) (i * 1999 + z * 7777);
			}
			b.addSlice(new ByteProcessor(7, 5, pb));
			s.addSlice(new ShortProcessor(7, 5, ps, null));
		}
		final Path f8 = tmp.resolve("b.tif"), f16 = tmp.resolve("s.tif");
		new FileSaver(new ImagePlus("b", b)).saveAsTiffStack(f8.toString());
		new FileSaver(new ImagePlus("s", s)).saveAsTiffStack(f16.toString());
		assertArrayEquals(whole(f8), streamed(f8));
		assertArrayEquals(whole(f16), streamed(f16));
	}

	@Test
	void multiPageBigEndianTiffStreamsPageByPage() throws IOException {
		final int w = 3, h = 2, d = 3;
		final Path f = tmp.resolve("pages.tif");
		Files.write(f, bigEndianPages(w, h, d));
		try (TiffPlanes t = TiffPlanes.open(f)) {
			assertNotNull(t);
			assertEquals(d, t.depth());
			assertArrayEquals(new float[] { 200, 201, 202, 203, 204, 205 }, t.plane(2, null));
		}
		assertArrayEquals(whole(f), streamed(f));
	}

	/** What {@link TiffPlanes#addTo} must give: each plane read alone and added in Z order. */
	private static double[] planeAfterPlane(final TiffPlanes t) throws IOException {
		final double[] s = new double[t.width() * t.height()];
		for (int z = 0; z < t.depth(); z++) {
			final float[] p = t.plane(z, null);
			for (int i = 0; i < s.length; i++)
				s[i] += p[i];
		}
		return s;
	}

	private static double[] summed(final Path f) throws IOException {
		try (TiffPlanes t = TiffPlanes.open(f)) {
			assertNotNull(t, f + " is streamed");
			final double[] s = new double[t.width() * t.height()];
			t.addTo(s);
			assertArrayEquals(planeAfterPlane(t), s, f.toString()); // the same bits, not merely close
			return s;
		}
	}

	/** Floats 10^-12..10^12: a double sums floats this far apart inexactly, so another order would give other bits. */
	private static float[] scattered(final int n, final long seed) {
		final java.util.Random r = new java.util.Random(seed);
		final float[] px = new float[n];
		for (int i = 0; i < n; i++)
			px[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(25) - 12));
		return px;
	}

	@Test
	void blockSumsAreThoseOfPlaneAfterPlane() throws IOException {
		// an ImageJ float stack (big-endian, planes one after the other), depth not a multiple of the four planes
		// summed per pass
		final Path ij = tmp.resolve("ij.tif");
		TiffStacks.write(ij, FloatImages.wrap(scattered(7 * 5 * 11, 1), 7, 5, 11));
		summed(ij);
		// planes larger than a block: read a run of pixels of each plane at a time
		final Path large = tmp.resolve("large.tif");
		TiffStacks.write(large, FloatImages.wrap(scattered(520 * 260 * 6, 2), 520, 260, 6));
		summed(large);
		assertArrayEquals(whole(large), streamed(large));
		// little-endian float pages and big-endian 16-bit pages, each page after its own header
		final Path le = tmp.resolve("le.tif"), be16 = tmp.resolve("be16.tif");
		final float[] v = scattered(9 * 4 * 5, 3);
		Files.write(le, pages(ByteOrder.LITTLE_ENDIAN, 32, 9, 4, 5, (o, i) -> o.putFloat(v[i])));
		Files.write(be16, pages(ByteOrder.BIG_ENDIAN, 16, 9, 4, 5, (o, i) -> o.putShort((short) (65535 - 13 * i))));
		summed(le);
		assertEquals(5 * 65535 - 13 * (36 * (0 + 1 + 2 + 3 + 4) + 5 * 3), summed(be16)[3], 0); // pixel 3, planes 0..4
		assertArrayEquals(whole(le), streamed(le));
		assertArrayEquals(whole(be16), streamed(be16));
	}

	/** A plain TIFF: one IFD per page followed by its pixels; {@code bits} 16 (unsigned) or 32 (float). */
	private static byte[] pages(final ByteOrder order, final int bits, final int w, final int h, final int d,
			final java.util.function.ObjIntConsumer<ByteBuffer> pixel) {
		final int ifdSize = 2 + 9 * 12 + 4, plane = w * h * bits / 8;
		final ByteBuffer o = ByteBuffer.allocate(8 + d * (ifdSize + plane)).order(order);
		o.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I').put(o.get(0)).putShort((short) 42).putInt(8);
		for (int z = 0; z < d; z++) {
			final int ifd = 8 + z * (ifdSize + plane), data = ifd + ifdSize;
			o.putShort((short) 9);
			entry(o, 256, w);
			entry(o, 257, h);
			entry(o, 258, bits);
			entry(o, 259, 1);
			entry(o, 262, 1);
			o.putShort((short) 273).putShort((short) 4).putInt(1).putInt(data);
			entry(o, 278, h);
			o.putShort((short) 279).putShort((short) 4).putInt(1).putInt(plane);
			entry(o, 339, bits == 32 ? 3 : 1);
			o.putInt(z + 1 < d ? data + plane : 0);
			for (int i = 0; i < w * h; i++)
				pixel.accept(o, z * w * h + i);
		}
		return o.array();
	}

	private static void entry(final ByteBuffer o, final int tag, final int value) {
		o.putShort((short) tag).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0);
	}

	@Test
	void aSinglePlaneIsNotARawTile() throws IOException {
		final Path f = tmp.resolve("aip.tif");
		new FileSaver(new ImagePlus("aip", new ByteProcessor(4, 3))).saveAsTiff(f.toString());
		assertThrows(BadInputException.class, () -> TileFiles.aip(f, true, new CpuImageOps(), Listener.NONE));
		assertEquals(2, TileFiles.aip(f, false, new CpuImageOps(), Listener.NONE).numDimensions());
	}

	/** A plain (not ImageJ) big-endian TIFF: one IFD per page, 16-bit, pixel value = 100·z + index. */
	private static byte[] bigEndianPages(final int w, final int h, final int d) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final DataOutputStream o = new DataOutputStream(bytes);
		o.writeBytes("MM");
		o.writeShort(42);
		final int ifdSize = 2 + 8 * 12 + 4, plane = w * h * 2;
		o.writeInt(8);
		for (int z = 0; z < d; z++) {
			final int ifd = 8 + z * (ifdSize + plane), data = ifd + ifdSize;
			o.writeShort(8);
			entry(o, 256, 3, w);
			entry(o, 257, 3, h);
			entry(o, 258, 3, 16);
			entry(o, 259, 3, 1);
			entry(o, 262, 3, 1);
			entry(o, 273, 4, data);
			entry(o, 278, 3, h);
			entry(o, 279, 4, plane);
			o.writeInt(z + 1 < d ? data + plane : 0);
			for (int i = 0; i < w * h; i++)
				o.writeShort(100 * z + i);
		}
		return bytes.toByteArray();
	}

	private static void entry(final DataOutputStream o, final int tag, final int type, final int value)
			throws IOException {
		o.writeShort(tag);
		o.writeShort(type);
		o.writeInt(1);
		if (type == 3) {
			o.writeShort(value);
			o.writeShort(0);
		}
		else o.writeInt(value);
	}
}
