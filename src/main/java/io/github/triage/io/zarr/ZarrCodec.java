package io.github.triage.io.zarr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;

/**
 * A bytes-to-bytes codec of a Zarr chunk: the v2 compressors (numcodecs ids) and the v3 bytes-to-bytes codecs.
 * {@link #decode} throws IllegalStateException on corrupt or truncated data; the caller names the chunk file.
 */
public enum ZarrCodec {
	ZLIB("zlib"), GZIP("gzip"), ZSTD("zstd"), BLOSC("blosc"), LZ4("lz4"), CRC32C("crc32c");

	/** The numcodecs id / v3 codec name. */
	public final String id;

	ZarrCodec(final String id) {
		this.id = id;
	}

	/** By id; null when unknown. */
	public static ZarrCodec of(final String id) {
		for (final ZarrCodec c : values())
			if (c.id.equals(id)) return c;
		return null;
	}

	/** Decodes {@code in}; {@code expected} is the size the chunk should have after all codecs (a hint). */
	public byte[] decode(final byte[] in, final int expected) {
		switch (this) {
		case ZLIB:
			return inflate(in, expected);
		case GZIP:
			try (InputStream s = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
				return readAll(s, expected);
			}
			catch (final IOException e) {
				throw new IllegalStateException("gzip data corrupt or truncated: " + e.getMessage(), e);
			}
		case ZSTD:
			try {
				return zstdDecode(in, expected);
			}
			catch (final LinkageError e) {
				throw zstdMissing(e);
			}
		case BLOSC:
			return Blosc.decode(in);
		case LZ4: { // numcodecs LZ4: little-endian int32 size, then one LZ4 block
			if (in.length < 4) throw new IllegalStateException("lz4 data truncated");
			final int n = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
			if (n < 0) throw new IllegalStateException("lz4 size " + n);
			final byte[] out = new byte[n];
			Lz4.decode(in, 4, in.length - 4, out, 0, n);
			return out;
		}
		default: { // CRC32C: the last 4 bytes are the little-endian checksum of the rest
			if (in.length < 4) throw new IllegalStateException("crc32c data truncated");
			final CRC32C crc = new CRC32C();
			crc.update(in, 0, in.length - 4);
			final int stored = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN).getInt(in.length - 4);
			if ((int) crc.getValue() != stored) throw new IllegalStateException("crc32c checksum mismatch");
			return java.util.Arrays.copyOf(in, in.length - 4);
		}
		}
	}

	/** Encodes {@code in}; {@code typesize} is the element size (Blosc shuffles by it). */
	public byte[] encode(final byte[] in, final int typesize) {
		switch (this) {
		case ZLIB: {
			final Deflater d = new Deflater(5);
			try {
				d.setInput(in);
				d.finish();
				final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
				final byte[] buf = new byte[1 << 16];
				while (!d.finished())
					out.write(buf, 0, d.deflate(buf));
				return out.toByteArray();
			}
			finally {
				d.end();
			}
		}
		case GZIP: {
			final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
			try (GZIPOutputStream g = new GZIPOutputStream(out)) {
				g.write(in);
			}
			catch (final IOException e) {
				throw new IllegalStateException(e);
			}
			return out.toByteArray();
		}
		case ZSTD:
			try {
				return Zstd.compress(in, 3);
			}
			catch (final LinkageError e) {
				throw zstdMissing(e);
			}
		case BLOSC:
			return Blosc.encodeLz4(in, typesize);
		case LZ4: {
			final byte[] out = new byte[4 + Lz4.maxEncoded(in.length)];
			ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(0, in.length);
			return java.util.Arrays.copyOf(out, 4 + Lz4.encode(in, 0, in.length, out, 4));
		}
		default: {
			final CRC32C crc = new CRC32C();
			crc.update(in);
			final byte[] out = java.util.Arrays.copyOf(in, in.length + 4);
			ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(in.length, (int) crc.getValue());
			return out;
		}
		}
	}

	private static byte[] inflate(final byte[] in, final int expected) {
		final Inflater inf = new Inflater();
		try {
			inf.setInput(in);
			final ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, expected));
			final byte[] buf = new byte[1 << 16];
			while (!inf.finished()) {
				final int n = inf.inflate(buf);
				if (n == 0 && (inf.needsInput() || inf.needsDictionary()))
					throw new IllegalStateException("zlib data truncated");
				out.write(buf, 0, n);
			}
			return out.toByteArray();
		}
		catch (final DataFormatException e) {
			throw new IllegalStateException("zlib data corrupt: " + e.getMessage(), e);
		}
		finally {
			inf.end();
		}
	}

	private static byte[] readAll(final InputStream s, final int expected) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, expected));
		s.transferTo(out);
		return out.toByteArray();
	}

	/**
	 * zstd data {@code in[0..length-1]} (a direct buffer) decoded into {@code out[0..expected-1]} (direct too), which
	 * it must fill exactly (a chunk). A frame without its size decodes through the stream, as {@link #decode} does.
	 */
	static void zstdDecodeInto(final ByteBuffer in, final int length, final ByteBuffer out, final int expected) {
		final long size = Zstd.getDirectByteBufferFrameContentSize(in, 0, length, false);
		if (size >= 0) {
			if (size != expected)
				throw new IllegalStateException("it decodes to " + size + " bytes, a chunk has " + expected);
			final long r = Zstd.decompressDirectByteBuffer(out, 0, expected, in, 0, length);
			if (Zstd.isError(r) || r != expected)
				throw new IllegalStateException("zstd data corrupt or truncated"
						+ (Zstd.isError(r) ? ": " + Zstd.getErrorName(r) : ""));
			return;
		}
		final byte[] packed = new byte[length];
		in.get(0, packed);
		final byte[] all = zstdDecode(packed, expected);
		if (all.length != expected)
			throw new IllegalStateException("it decodes to " + all.length + " bytes, a chunk has " + expected);
		out.put(0, all);
	}

	private static byte[] zstdDecode(final byte[] in, final int expected) {
		final long size = Zstd.getFrameContentSize(in);
		if (size >= 0 && size <= Integer.MAX_VALUE - 8) {
			final byte[] out = new byte[(int) size];
			final long r = Zstd.decompressByteArray(out, 0, out.length, in, 0, in.length);
			if (Zstd.isError(r) || r != size)
				throw new IllegalStateException("zstd data corrupt or truncated"
						+ (Zstd.isError(r) ? ": " + Zstd.getErrorName(r) : ""));
			return out;
		}
		try (InputStream s = new ZstdInputStream(new java.io.ByteArrayInputStream(in))) {
			return readAll(s, expected);
		}
		catch (final IOException e) {
			throw new IllegalStateException("zstd data corrupt or truncated: " + e.getMessage(), e);
		}
	}

	/**
	 * zstd comes from the zstd-jni library: on the CLI it is on the class path; in Fiji it is Fiji's own copy
	 * (the update site does not ship one, so as not to replace it). Without it, say so instead of a linkage error.
	 */
	static IllegalStateException zstdMissing(final LinkageError e) {
		return new IllegalStateException("zstd-compressed chunks need the zstd-jni library, which is missing here "
				+ "(in Fiji: Help > Update..., then restart): " + e, e);
	}

}
