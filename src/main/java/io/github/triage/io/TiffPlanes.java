package io.github.triage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.io.TiffDecoder;

/**
 * A grey TIFF (8-bit, 16-bit unsigned or 32-bit float; one page per Z plane, or ImageJ's contiguous uncompressed
 * stack) read one plane, or a block of a few planes, at a time, so a tile never has to be whole in memory
 * ({@link #addTo} sums the planes straight from a block: the galvo AIP). The headers come from ImageJ's
 * {@link TiffDecoder}; uncompressed planes are read straight from their strips, compressed pages (LZW, PackBits,
 * Deflate) through ImageJ's {@link ImageReader}; pixels become floats exactly as ImageJ's reader and
 * {@code convertToFloatProcessor} make them. Anything else (JPEG, RGB, signed 16-bit, a colour table, pages that
 * differ, uncompressed strips that are not one run, a file shorter than its planes) is not streamed: {@link #open}
 * answers null and the caller reads the file whole through {@link TiffStacks}, which reports what is wrong with it.
 */
public final class TiffPlanes implements AutoCloseable {
	/**
	 * Bytes read at once by {@link #addTo}: few reads per tile, and the block stays in the processor's cache (1 and
	 * 0.5 MiB were slower on the 2-core EPYC VM; mapping the file instead was slower still, its page faults cost).
	 */
	private static final int BLOCK_BYTES = 2 << 20;
	private static final ThreadBuffer BLOCKS = new ThreadBuffer(BLOCK_BYTES);

	private final FileChannel channel;
	private final int width, height, depth, bytesPerPixel, fileType;
	private final long[] offsets;
	private final FileInfo[] compressed; // per plane, or null when the planes are stored as they are
	private final ByteOrder order;
	private ByteBuffer buffer; // one plane for plane(); made when first needed

	private TiffPlanes(final FileChannel channel, final FileInfo fi, final long[] offsets, final FileInfo[] compressed) {
		this.channel = channel;
		this.width = fi.width;
		this.height = fi.height;
		this.depth = offsets.length;
		this.fileType = fi.fileType;
		this.bytesPerPixel = fi.getBytesPerPixel();
		this.offsets = offsets;
		this.compressed = compressed;
		this.order = fi.intelByteOrder ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
	}

	/** The file's planes, or null when it cannot be streamed (see the class comment). */
	public static TiffPlanes open(final Path file) throws IOException {
		final Path abs = file.toAbsolutePath();
		final FileInfo[] info;
		try {
			info = new TiffDecoder(abs.getParent().toString() + "/", abs.getFileName().toString()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			return null;
		}
		if (info == null || info.length == 0 || !streamable(info[0])) return null;
		final FileInfo fi = info[0];
		final long planeBytes = (long) fi.width * fi.height * fi.getBytesPerPixel();
		final boolean packed = fi.compression > FileInfo.COMPRESSION_NONE;
		if (packed && info.length == 1 && fi.nImages > 1) return null; // ImageJ's own compressed stacks: read whole
		final long[] offsets;
		if (info.length > 1) {
			offsets = new long[info.length];
			for (int z = 0; z < info.length; z++) {
				final FileInfo p = info[z];
				if (!streamable(p) || p.width != fi.width || p.height != fi.height || p.fileType != fi.fileType
						|| p.intelByteOrder != fi.intelByteOrder || p.nImages > 1 || p.compression != fi.compression)
					return null;
				offsets[z] = p.getOffset();
			}
		}
		else {
			offsets = new long[Math.max(1, fi.nImages)];
			for (int z = 0; z < offsets.length; z++)
				offsets[z] = fi.getOffset() + z * (planeBytes + fi.getGap());
		}
		final FileChannel ch = FileChannel.open(abs, StandardOpenOption.READ);
		try {
			for (final long o : offsets)
				if (o < 0 || (!packed && o + planeBytes > ch.size()) || o >= ch.size()) {
					ch.close();
					return null;
				}
		}
		catch (final IOException e) {
			ch.close();
			throw e;
		}
		return new TiffPlanes(ch, fi, offsets, packed ? info : null);
	}

	private static boolean streamable(final FileInfo fi) {
		if (fi.width < 1 || fi.height < 1) return false;
		switch (fi.compression) {
			case FileInfo.COMPRESSION_NONE, FileInfo.LZW, FileInfo.LZW_WITH_DIFFERENCING, FileInfo.PACK_BITS, FileInfo.ZIP,
					FileInfo.ZIP_WITH_DIFFERENCING -> {
			}
			default -> {
				return false;
			}
		}
		if ((long) fi.width * fi.height * fi.getBytesPerPixel() > Integer.MAX_VALUE - 8) return false;
		if (fi.fileType != FileInfo.GRAY8 && fi.fileType != FileInfo.GRAY16_UNSIGNED
				&& fi.fileType != FileInfo.GRAY32_FLOAT)
			return false;
		if (fi.lutSize > 0 || fi.samplesPerPixel > 1 || fi.whiteIsZero) return false; // ImageJ converts these
		// the pixels must be one run of bytes from the first strip (ImageJ reads them so too)
		if (fi.compression == FileInfo.COMPRESSION_NONE && fi.stripOffsets != null && fi.stripLengths != null
				&& fi.stripOffsets.length > 1)
			for (int i = 1; i < fi.stripOffsets.length; i++)
				if ((fi.stripOffsets[i] & 0xffffffffL) != (fi.stripOffsets[i - 1] & 0xffffffffL)
						+ (fi.stripLengths[i - 1] & 0xffffffffL))
					return false;
		return true;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int depth() {
		return depth;
	}

	/** Plane z (X fastest) as floats, into {@code out} (width × height) when given; returns the plane. */
	public float[] plane(final int z, final float[] out) throws IOException {
		final int n = width * height;
		final float[] px = out != null ? out : new float[n];
		if (compressed != null) return unpack(z, px);
		if (buffer == null) buffer = ByteBuffer.allocate(n * bytesPerPixel).order(order);
		buffer.clear();
		fill(buffer, offsets[z], z);
		buffer.flip();
		switch (fileType) {
			case FileInfo.GRAY8 -> {
				for (int i = 0; i < n; i++)
					px[i] = buffer.get(i) & 0xff;
			}
			case FileInfo.GRAY16_UNSIGNED -> {
				for (int i = 0; i < n; i++)
					px[i] = buffer.getShort(2 * i) & 0xffff;
			}
			default -> buffer.asFloatBuffer().get(px, 0, n);
		}
		return px;
	}

	/**
	 * Adds every plane to {@code sums} (width × height), plane after plane: the very doubles that
	 * {@code sums[i] += plane(z, null)[i]} for z = 0, 1, ... gives (each pixel's additions keep their order).
	 * Uncompressed planes are read four at a time (all of each plane, or the same run of pixels of each when planes
	 * are large) straight into one reused buffer and summed from it: no float copy of each plane, and the sums are
	 * loaded and stored once per four planes.
	 */
	public void addTo(final double[] sums) throws IOException {
		final int n = width * height;
		if (sums.length != n) throw new IllegalArgumentException("sums must hold " + n + " pixels");
		if (compressed != null) {
			final float[] px = new float[n];
			for (int z = 0; z < depth; z++) {
				unpack(z, px);
				for (int i = 0; i < n; i++)
					sums[i] += px[i];
			}
			return;
		}
		final int group = Math.min(PlaneSums.GROUP, depth);
		final int run = Math.max(1, Math.min(n, BLOCK_BYTES / (group * bytesPerPixel))); // pixels per plane and read
		final ByteBuffer block = block(group * run * bytesPerPixel);
		final long planeBytes = (long) n * bytesPerPixel;
		for (int z = 0; z < depth; z += group) {
			final int planes = Math.min(group, depth - z);
			for (int c = 0; c < n; c += run) {
				final int count = Math.min(run, n - c), q = count * bytesPerPixel;
				block.clear();
				if (count == n && contiguous(z, planes, planeBytes)) {
					block.limit(planes * q);
					fill(block, offsets[z], z);
				}
				else for (int k = 0; k < planes; k++) {
					block.limit((k + 1) * q);
					fill(block, offsets[z + k] + (long) c * bytesPerPixel, z + k);
				}
				PlaneSums.add(sums, c, block, planes, count, q, fileType);
			}
		}
	}

	private boolean contiguous(final int z, final int planes, final long planeBytes) {
		for (int k = 1; k < planes; k++)
			if (offsets[z + k] != offsets[z] + k * planeBytes) return false;
		return true;
	}

	/** This thread's block buffer ({@link ThreadBuffer}), in the file's byte order. */
	private ByteBuffer block(final int bytes) {
		return BLOCKS.get(bytes).order(order);
	}

	/** Fills the buffer up to its limit from the file at {@code pos} (plane {@code z} on, for errors). */
	private void fill(final ByteBuffer b, long pos, final int z) throws IOException {
		while (b.hasRemaining()) {
			final int r = channel.read(b, pos);
			if (r < 0) throw new IOException("plane " + z + " ends early");
			pos += r;
		}
	}

	private float[] unpack(final int z, final float[] px) throws IOException {
		channel.position(0); // ImageReader skips to the page's strips itself
		final Object pixels = new ImageReader(compressed[z]).readPixels(
				new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(channel)));
		if (pixels instanceof byte[] b) for (int i = 0; i < px.length; i++)
			px[i] = b[i] & 0xff;
		else if (pixels instanceof short[] sh) for (int i = 0; i < px.length; i++)
			px[i] = sh[i] & 0xffff;
		else if (pixels instanceof float[] f) System.arraycopy(f, 0, px, 0, px.length);
		else throw new IOException("plane " + z + " cannot be decoded");
		return px;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
