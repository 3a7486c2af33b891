package io.github.triage;

/**
 * The input is well formed but too large for the memory Java was given: checked before allocating, so that the user
 * gets one line naming the file instead of an {@link OutOfMemoryError}. Faces report it without a stack trace (the
 * CLI exits with code 1 and says how to give Java more memory).
 */
public class NotEnoughMemoryException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public NotEnoughMemoryException(final String message) {
		super(message);
	}

	/** Throws when {@code bytes} more would not fit in the heap; {@code what} names the file and what is needed. */
	public static void require(final long bytes, final String what) {
		final Runtime rt = Runtime.getRuntime();
		final long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (bytes > available)
			throw new NotEnoughMemoryException(what + " needs " + mib(bytes) + " of memory, " + mib(available)
					+ " available");
	}

	private static String mib(final long bytes) {
		return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
				: Math.max(1, bytes >> 20) + " MiB";
	}
}
