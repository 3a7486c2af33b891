package io.github.triage.io.zarr;

import java.util.Arrays;

/**
 * LZ4 block format (no frame), as Blosc and numcodecs' LZ4 store it: a small decoder and a greedy single-pass
 * encoder (hash of 4 bytes, 64 KiB window). Written here because no LZ4 library is shipped with Fiji by default.
 */
final class Lz4 {
	private static final int MIN_MATCH = 4, LAST_LITERALS = 5, MF_LIMIT = 12, HASH_BITS = 16;

	private Lz4() {
	}

	/** Decodes {@code len} bytes at {@code off} of {@code src} into exactly {@code out.length} bytes. */
	static void decode(final byte[] src, final int off, final int len, final byte[] out, final int outOff,
			final int outLen) {
		final Input in = new Input(src, off, off + len);
		int op = outOff;
		final int oend = outOff + outLen;
		while (in.ip < in.end) {
			final int token = src[in.ip++] & 0xFF;
			final int lit = in.length(token >>> 4, "a literal length");
			if (in.ip + lit > in.end || op + lit > oend) throw new IllegalStateException("LZ4 literals run past the end");
			System.arraycopy(src, in.ip, out, op, lit);
			in.ip += lit;
			op += lit;
			if (in.ip >= in.end) break; // the last sequence has literals only
			if (in.ip + 2 > in.end) throw new IllegalStateException("LZ4 stream truncated in an offset");
			final int offset = (src[in.ip] & 0xFF) | (src[in.ip + 1] & 0xFF) << 8;
			in.ip += 2;
			final int mlen = in.length(token & 15, "a match length") + MIN_MATCH;
			if (offset == 0 || op - offset < outOff || op + mlen > oend)
				throw new IllegalStateException("LZ4 match outside the output");
			for (int k = 0; k < mlen; k++, op++)
				out[op] = out[op - offset]; // byte by byte: matches may overlap themselves
		}
		if (op != oend) throw new IllegalStateException("LZ4 stream decoded to " + (op - outOff) + " bytes, expected "
				+ outLen);
	}

	/** The compressed bytes and the read position. */
	private static final class Input {
		final byte[] src;
		final int end;
		int ip;

		Input(final byte[] src, final int ip, final int end) {
			this.src = src;
			this.ip = ip;
			this.end = end;
		}

		/** A literal or match length: the token's nibble, extended by bytes while they are 255 when it is 15. */
		int length(final int nibble, final String what) {
			int n = nibble;
			if (n == 15) {
				int b;
				do {
					if (ip >= end) throw new IllegalStateException("LZ4 stream truncated in " + what);
					b = src[ip++] & 0xFF;
					n += b;
				} while (b == 255);
			}
			return n;
		}
	}

	/** Worst-case encoded size of {@code n} bytes. */
	static int maxEncoded(final int n) {
		return n + n / 255 + 16;
	}

	/** Encodes {@code len} bytes of {@code src} at {@code off} into {@code dst} at {@code dstOff}; returns the size. */
	static int encode(final byte[] src, final int off, final int len, final byte[] dst, final int dstOff) {
		final int[] table = new int[1 << HASH_BITS];
		Arrays.fill(table, -1);
		final int end = off + len, matchLimit = end - LAST_LITERALS;
		int ip = off, anchor = off, op = dstOff;
		if (len >= MF_LIMIT)
			while (ip < end - MF_LIMIT) {
				final int seq = readInt(src, ip);
				final int h = (seq * -1640531535) >>> (32 - HASH_BITS);
				final int ref = table[h];
				table[h] = ip;
				if (ref < 0 || ip - ref > 65535 || readInt(src, ref) != seq) {
					ip++;
					continue;
				}
				int mlen = MIN_MATCH;
				while (ip + mlen < matchLimit && src[ref + mlen] == src[ip + mlen])
					mlen++;
				op = sequence(src, anchor, ip - anchor, dst, op, ip - ref, mlen);
				ip += mlen;
				anchor = ip;
			}
		// the last literals
		final int lit = end - anchor;
		int token = Math.min(lit, 15) << 4;
		dst[op++] = (byte) token;
		op = length(dst, op, lit);
		System.arraycopy(src, anchor, dst, op, lit);
		return op + lit - dstOff;
	}

	private static int sequence(final byte[] src, final int litStart, final int lit, final byte[] dst, int op,
			final int offset, final int mlen) {
		dst[op++] = (byte) (Math.min(lit, 15) << 4 | Math.min(mlen - MIN_MATCH, 15));
		op = length(dst, op, lit);
		System.arraycopy(src, litStart, dst, op, lit);
		op += lit;
		dst[op++] = (byte) offset;
		dst[op++] = (byte) (offset >>> 8);
		return length(dst, op, mlen - MIN_MATCH);
	}

	/** The extra length bytes after a 4-bit length field of 15. */
	private static int length(final byte[] dst, int op, final int n) {
		if (n < 15) return op;
		int rest = n - 15;
		while (rest >= 255) {
			dst[op++] = (byte) 255;
			rest -= 255;
		}
		dst[op++] = (byte) rest;
		return op;
	}

	private static int readInt(final byte[] b, final int i) {
		return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
	}
}
