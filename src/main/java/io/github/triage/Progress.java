package io.github.triage;

/**
 * Progress of long work, passed into algorithms from outside. Faces connect it to Fiji's status bar or to a
 * stderr line; algorithms call it and never know which. Also the algorithms' cancel check.
 */
@FunctionalInterface
public interface Progress {
	/** Does nothing; never cancelled. */
	Progress NONE = (done, total, what) -> {
	};

	/** {@code done} of {@code total} items finished; {@code what} names the current item (a slice, a class). */
	void update(int done, int total, String what);

	/** Algorithms poll this between items and stop with {@link java.util.concurrent.CancellationException}. */
	default boolean isCancelled() {
		return false;
	}
}
