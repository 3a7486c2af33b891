package io.github.triage.io.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Blosc 1 frames (the format numcodecs' {@code blosc} and the v3 {@code blosc} codec write), in pure Java so that no
 * native library has to match the user's platform. Decodes the blosclz, lz4/lz4hc, zlib and zstd inner codecs with
 * byte shuffle or bit shuffle (snappy is refused by name); encodes lz4 + byte shuffle as one block.
 */
final class Blosc {
	private static final int HEADER = 16, MAX_SPLITS = 16, MIN_BUFFERSIZE = 128;
	private static final int SHUFFLE = 0x1, MEMCPYED = 0x2, BITSHUFFLE = 0x4, DONT_SPLIT = 0x10;

	private Blosc() {
	}

	/** The decoded bytes of one Blosc frame; IllegalStateException when it is corrupt or truncated. */
	static byte[] decode(final byte[] src) {
		if (src.length < HEADER) throw new IllegalStateException("Blosc frame shorter than its 16-byte header");
		final ByteBuffer h = ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN);
		final int version = src[0] & 0xFF, flags = src[2] & 0xFF, typesize = Math.max(1, src[3] & 0xFF);
		final int nbytes = h.getInt(4), blocksize = h.getInt(8), cbytes = h.getInt(12);
		if (nbytes < 0 || cbytes > src.length || cbytes < HEADER)
			throw new IllegalStateException("Blosc header says " + cbytes + " bytes, the frame has " + src.length);
		final byte[] out = new byte[nbytes];
		if ((flags & MEMCPYED) != 0) {
			if (HEADER + nbytes > src.length) throw new IllegalStateException("Blosc frame truncated");
			System.arraycopy(src, HEADER, out, 0, nbytes);
			return out;
		}
		if (nbytes == 0) return out;
		if (blocksize <= 0) throw new IllegalStateException("Blosc block size " + blocksize);
		final int nblocks = (int) ((nbytes + (long) blocksize - 1) / blocksize);
		final int compressor = flags >>> 5;
		final byte[] tmp = new byte[blocksize];
		for (int b = 0; b < nblocks; b++) {
			final int start = h.getInt(HEADER + 4 * b);
			final boolean leftover = b == nblocks - 1 && nbytes % blocksize != 0;
			final int bsize = leftover ? nbytes % blocksize : blocksize;
			final int nsplits = (flags & DONT_SPLIT) == 0 && typesize <= MAX_SPLITS
					&& blocksize / typesize >= MIN_BUFFERSIZE && !leftover ? typesize : 1;
			final int neblock = bsize / nsplits;
			int ip = start, op = 0;
			for (int s = 0; s < nsplits; s++) {
				if (ip + 4 > cbytes) throw new IllegalStateException("Blosc frame truncated in block " + b);
				final int csize = h.getInt(ip);
				ip += 4;
				if (csize < 0 || ip + csize > cbytes) throw new IllegalStateException("Blosc frame truncated in block " + b);
				if (csize == neblock) System.arraycopy(src, ip, tmp, op, neblock);
				else inner(compressor, src, ip, csize, tmp, op, neblock);
				ip += csize;
				op += neblock;
			}
			final int dst = b * blocksize;
			if ((flags & BITSHUFFLE) != 0 && typesize >= 1) bitUnshuffle(tmp, bsize, typesize, version, out, dst);
			else if ((flags & SHUFFLE) != 0 && typesize > 1) unshuffle(tmp, bsize, typesize, out, dst);
			else System.arraycopy(tmp, 0, out, dst, bsize);
		}
		return out;
	}

	private static void inner(final int compressor, final byte[] src, final int off, final int len, final byte[] out,
			final int outOff, final int n) {
		switch (compressor) {
		case 0:
			blosclz(src, off, len, out, outOff, n);
			break;
		case 1:
			Lz4.decode(src, off, len, out, outOff, n);
			break;
		case 3: {
			final Inflater inf = new Inflater();
			try {
				inf.setInput(src, off, len);
				if (inf.inflate(out, outOff, n) != n) throw new IllegalStateException("Blosc zlib block truncated");
			}
			catch (final DataFormatException e) {
				throw new IllegalStateException("Blosc zlib block corrupt: " + e.getMessage(), e);
			}
			finally {
				inf.end();
			}
			break;
		}
		case 4: {
			final long r;
			try {
				r = com.github.luben.zstd.Zstd.decompressByteArray(out, outOff, n, src, off, len);
			}
			catch (final LinkageError e) {
				throw ZarrCodec.zstdMissing(e);
			}
			if (com.github.luben.zstd.Zstd.isError(r) || r != n)
				throw new IllegalStateException("Blosc zstd block corrupt");
			break;
		}
		case 2:
			throw new IllegalStateException("Blosc inner codec snappy is not supported (use lz4, zstd, zlib or blosclz)");
		default:
			throw new IllegalStateException("unknown Blosc inner codec " + compressor);
		}
	}

	/** BloscLZ, following c-blosc 1.21's blosclz_decompress. */
	private static void blosclz(final byte[] src, final int off, final int len, final byte[] out, final int outOff,
			final int n) {
		int ip = off, op = outOff;
		final int ipLimit = off + len, opLimit = outOff + n;
		int ctrl = src[ip++] & 31;
		while (true) {
			if (ctrl >= 32) {
				int mlen = (ctrl >>> 5) - 1;
				int ofs = (ctrl & 31) << 8;
				if (mlen == 6) {
					int code;
					do {
						if (ip + 1 >= ipLimit) throw new IllegalStateException("BloscLZ block truncated");
						code = src[ip++] & 0xFF;
						mlen += code;
					} while (code == 255);
				}
				else if (ip + 1 >= ipLimit) throw new IllegalStateException("BloscLZ block truncated");
				final int code = src[ip++] & 0xFF;
				mlen += 3;
				int ref = op - ofs - code;
				if (code == 255 && ofs == 31 << 8) {
					if (ip + 1 >= ipLimit) throw new IllegalStateException("BloscLZ block truncated");
					ofs = (src[ip] & 0xFF) << 8 | (src[ip + 1] & 0xFF);
					ip += 2;
					ref = op - ofs - 8191;
				}
				ref--;
				if (op + mlen > opLimit || ref < outOff) throw new IllegalStateException("BloscLZ match outside the block");
				for (int k = 0; k < mlen; k++)
					out[op++] = out[ref + k];
				if (ip >= ipLimit) break;
				ctrl = src[ip++] & 0xFF;
			}
			else {
				ctrl++;
				if (op + ctrl > opLimit || ip + ctrl > ipLimit) throw new IllegalStateException("BloscLZ block truncated");
				System.arraycopy(src, ip, out, op, ctrl);
				op += ctrl;
				ip += ctrl;
				if (ip >= ipLimit) break;
				ctrl = src[ip++] & 0xFF;
			}
		}
		if (op != opLimit) throw new IllegalStateException("BloscLZ block decoded to " + (op - outOff) + " bytes");
	}

	private static void unshuffle(final byte[] src, final int n, final int ts, final byte[] out, final int dst) {
		final int q = n / ts;
		for (int i = 0; i < q; i++)
			for (int j = 0; j < ts; j++)
				out[dst + i * ts + j] = src[j * q + i];
		System.arraycopy(src, q * ts, out, dst + q * ts, n - q * ts);
	}

	private static void shuffle(final byte[] src, final int off, final int n, final int ts, final byte[] out) {
		final int q = n / ts;
		for (int i = 0; i < q; i++)
			for (int j = 0; j < ts; j++)
				out[j * q + i] = src[off + i * ts + j];
		System.arraycopy(src, off + q * ts, out, q * ts, n - q * ts);
	}

	/** Bit row (8 × byte j + bit b) holds bit b of byte j of every element, element i at bit i (LSB first). */
	private static void bitUnshuffle(final byte[] src, final int n, final int ts, final int version, final byte[] out,
			final int dst) {
		int elems = n / ts;
		if (version <= 2 && elems % 8 != 0) elems = 0; // format 2 left such blocks as they were
		elems -= elems % 8;
		java.util.Arrays.fill(out, dst, dst + elems * ts, (byte) 0);
		for (int j = 0; j < ts; j++)
			for (int b = 0; b < 8; b++) {
				final long row = (long) (j * 8 + b) * elems;
				for (int i = 0; i < elems; i++) {
					final long k = row + i;
					if ((src[(int) (k >>> 3)] >>> (k & 7) & 1) != 0) out[dst + i * ts + j] |= (byte) (1 << b);
				}
			}
		System.arraycopy(src, elems * ts, out, dst + elems * ts, n - elems * ts);
	}

	/** One frame: lz4 inner codec, byte shuffle over {@code typesize}, one block holding all of {@code src}. */
	static byte[] encodeLz4(final byte[] src, final int typesize) {
		final int n = src.length;
		final byte[] shuffled = new byte[n];
		shuffle(src, 0, n, typesize, shuffled);
		final byte[] out = new byte[HEADER + 8 + Math.max(n, Lz4.maxEncoded(n))];
		int csize = n == 0 ? 0 : Lz4.encode(shuffled, 0, n, out, HEADER + 8);
		if (csize >= n) { // incompressible: stored, which the decoder recognises by csize == block size
			System.arraycopy(shuffled, 0, out, HEADER + 8, n);
			csize = n;
		}
		final int total = HEADER + 8 + csize;
		final ByteBuffer h = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
		out[0] = 2; // format version of c-blosc 1.x
		out[1] = 1; // lz4 format version
		out[2] = (byte) (SHUFFLE | DONT_SPLIT | 1 << 5);
		out[3] = (byte) Math.min(255, typesize);
		h.putInt(4, n).putInt(8, Math.max(1, n)).putInt(12, total).putInt(16, HEADER + 4).putInt(20, csize);
		return java.util.Arrays.copyOf(out, total);
	}
}
