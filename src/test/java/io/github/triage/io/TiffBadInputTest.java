package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.NotEnoughMemoryException;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.stage.galvo.FixStage;
import net.imglib2.img.array.ArrayImgs;

/** TIFFs that used to be read as something else: truncated, colour, NaN, a header claiming more than the file. */
class TiffBadInputTest {
	@TempDir
	Path tmp;

	/** A 6-plane 8 × 16 float stack, cut after 3 planes (a copy that stopped half-way). */
	private Path truncated() throws IOException {
		final Path f = tmp.resolve("tile_x00_y00_z00.tif");
		final float[] px = new float[8 * 16 * 6];
		Arrays.fill(px, 1f);
		TiffStacks.write(f, ArrayImgs.floats(px, 8, 16, 6));
		final byte[] b = Files.readAllBytes(f);
		final int plane = 8 * 16 * 4;
		// ImageJ writes the pixels after the header and before the trailing metadata: keep 3 planes and a bit.
		final int dataStart = b.length - 6 * plane - trailer(b);
		Files.write(f, Arrays.copyOf(b, dataStart + 3 * plane + 10));
		return f;
	}

	/** ImageJ's FileSaver appends the IFD's extra metadata after the pixels; find where the pixels end. */
	private static int trailer(final byte[] b) throws IOException {
		final ij.io.FileInfo[] fi = new ij.io.TiffDecoder(new java.io.ByteArrayInputStream(b), "x").getTiffInfo();
		return (int) (b.length - fi[0].getOffset() - 6L * 8 * 16 * 4);
	}

	@Test
	void truncatedStackIsRefusedNotReadAsFewerPlanes() throws IOException {
		final Path f = truncated();
		final BadInputException e = assertThrows(BadInputException.class, () -> TiffStacks.read(f));
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		// quality opens TIFFs lazily: the header check refuses it too
		assertThrows(BadInputException.class, () -> TiffStacks.header(f, f.toString()));
	}

	@Test
	void galvoFixOfATruncatedTileWritesNothing() throws IOException {
		final Path f = truncated(), out = tmp.resolve("fixed.tif");
		final BadInputException e = assertThrows(BadInputException.class,
				() -> new FixStage().run(FixStage.Options.of(f, out, 3), new CpuImageOps(), Listener.NONE));
		assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void colourTiffIsRefusedNotTurnedGrey() {
		final Path f = tmp.resolve("rgb.tif");
		new FileSaver(new ImagePlus("rgb", new ColorProcessor(8, 8))).saveAsTiff(f.toString());
		final BadInputException e = assertThrows(BadInputException.class, () -> TiffStacks.read(f));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("RGB"), e.getMessage());
	}

	@Test
	void nanOrInfinitePixelsInATileAreRefused() throws IOException {
		final float[] px = new float[8 * 16 * 4];
		px[8 * 16 * 2 + 8 * 5 + 3] = Float.NaN;
		final Path f = tmp.resolve("nan.tif"), out = tmp.resolve("fixed.tif");
		TiffStacks.write(f, ArrayImgs.floats(px, 8, 16, 4));
		final BadInputException e = assertThrows(BadInputException.class,
				() -> new FixStage().run(FixStage.Options.of(f, out, 3), new CpuImageOps(), Listener.NONE));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("x=3, y=5, z=2"),
				e.getMessage());
		assertFalse(Files.exists(out));
		px[0] = Float.POSITIVE_INFINITY;
		TiffStacks.write(f, ArrayImgs.floats(px, 8, 16, 4));
		assertThrows(BadInputException.class, () -> TileFiles.read(f, Listener.NONE));
		// the streamed AIP (plane by plane) names the same first pixel
		final BadInputException streamed = assertThrows(BadInputException.class,
				() -> TileFiles.aip(f, true, new CpuImageOps(), Listener.NONE));
		assertTrue(streamed.getMessage().startsWith(f.toString()) && streamed.getMessage().contains("x=0, y=0, z=0"),
				streamed.getMessage());
	}

	/** A minimal little-endian TIFF header: one 8-bit grey strip of {@code w × h} at byte 200, no pixels. */
	private Path claiming(final int w, final int h) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		final int[][] tags = { { 256, 4, w }, { 257, 4, h }, { 258, 3, 8 }, { 262, 3, 1 }, { 273, 4, 200 },
				{ 277, 3, 1 }, { 278, 4, h } };
		b.putShort((short) tags.length);
		for (final int[] t : tags)
			b.putShort((short) t[0]).putShort((short) t[1]).putInt(1).putInt(t[2]);
		b.putInt(0);
		final Path f = tmp.resolve("huge_" + w + ".tif");
		Files.write(f, b.array());
		return f;
	}

	@Test
	void headerClaimingMoreThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException {
		for (final int side : new int[] { 30000, 100000 }) {
			final Path f = claiming(side, side);
			final BadInputException e = assertThrows(BadInputException.class, () -> TiffStacks.read(f));
			assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		}
	}

	@Test
	void memoryIsCheckedBeforeAllocating() {
		final NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
				() -> NotEnoughMemoryException.require(Long.MAX_VALUE / 2, "big.tif: reading it"));
		assertTrue(e.getMessage().startsWith("big.tif: reading it needs "), e.getMessage());
		NotEnoughMemoryException.require(1024, "small");
	}

	@Test
	void wellFormedStackStillReads() throws IOException {
		final Path f = tmp.resolve("ok.tif");
		TiffStacks.write(f, ArrayImgs.floats(new float[8 * 16 * 6], 8, 16, 6));
		assertEquals(6, TiffStacks.read(f).dimension(2));
		assertEquals(6, TiffStacks.header(f, "ok").planes());
	}
}
