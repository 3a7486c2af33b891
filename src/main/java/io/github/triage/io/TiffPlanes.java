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
 * stack) read one plane at a time, so a tile never has to be whole in memory. The headers come from ImageJ's
 * {@link TiffDecoder}; uncompressed planes are read straight from their strips, compressed pages (LZW, PackBits,
 * Deflate) through ImageJ's {@link ImageReader}; pixels become floats exactly as ImageJ's reader and
 * {@code convertToFloatProcessor} make them. Anything else (JPEG, RGB, signed 16-bit, a colour table, pages that
 * differ, uncompressed strips that are not one run, a file shorter than its planes) is not streamed: {@link #open}
 * answers null and the caller reads the file whole through {@link TiffStacks}, which reports what is wrong with it.
 */
public final class TiffPlanes implements AutoCloseable {
	private final FileChannel channel;
	private final int width, height, depth, bytesPerPixel, fileType;
	private final long[] offsets;
	private final FileInfo[] compressed; // per plane, or null when the planes are stored as they are
	private final ByteBuffer buffer;

	private TiffPlanes(final FileChannel channel, final FileInfo fi, final long[] offsets, final FileInfo[] compressed) {
		this.channel = channel;
		this.width = fi.width;
		this.height = fi.height;
		this.depth = offsets.length;
		this.fileType = fi.fileType;
		this.bytesPerPixel = fi.getBytesPerPixel();
		this.offsets = offsets;
		this.compressed = compressed;
		this.buffer = ByteBuffer.allocate(compressed != null ? 0 : width * height * bytesPerPixel)
				.order(fi.intelByteOrder ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
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
		buffer.clear();
		long pos = offsets[z];
		while (buffer.hasRemaining()) {
			final int r = channel.read(buffer, pos);
			if (r < 0) throw new IOException("plane " + z + " ends early");
			pos += r;
		}
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
