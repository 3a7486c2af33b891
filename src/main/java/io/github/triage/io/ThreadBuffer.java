package io.github.triage.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A direct byte buffer per thread, kept between uses and grown when a use needs more: reading many blocks or chunks
 * through it makes no garbage, its pages stay mapped, and the file's bytes are copied once (into it). What {@link #get}
 * returns is valid until the same thread asks this ThreadBuffer again.
 */
public final class ThreadBuffer {
	private final ThreadLocal<ByteBuffer> buffers = new ThreadLocal<>();
	private final int least;

	/** @param least the smallest buffer made (bytes) */
	public ThreadBuffer(final int least) {
		this.least = least;
	}

	/** This thread's buffer, at least {@code bytes} long, cleared (position 0, limit its capacity), big-endian. */
	public ByteBuffer get(final int bytes) {
		ByteBuffer b = buffers.get();
		if (b == null || b.capacity() < bytes) {
			final int grown = b == null ? 0 : b.capacity() + b.capacity() / 2;
			b = ByteBuffer.allocateDirect(Math.max(Math.max(bytes, least), grown));
			buffers.set(b);
		}
		b.clear();
		return b.order(ByteOrder.BIG_ENDIAN);
	}
}
