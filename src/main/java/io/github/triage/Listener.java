package io.github.triage;

import java.util.concurrent.CancellationException;

/**
 * The one channel through which long work talks to whoever runs it: progress, information, warnings, and the
 * cancel check. Passed in from outside; every method does nothing by default ({@link #NONE}). Faces connect it
 * to Fiji's status bar and log, or to stderr lines on the CLI; stages and algorithms call it and never know which.
 * Messages name slices, files and values in the user's terms, never a face's flag names.
 */
public interface Listener {
	/** Does nothing; never cancelled. */
	Listener NONE = new Listener() {
	};

	/** {@code done} of {@code total} items finished; {@code what} names the current item (a slice, a class). */
	default void progress(final int done, final int total, final String what) {
	}

	/** A line for the log: what is being done, what was decided. */
	default void info(final String message) {
	}

	/** Something the user should look at; the work goes on. */
	default void warning(final String message) {
	}

	/** Work polls this between items and stops with {@link CancellationException}. */
	default boolean isCancelled() {
		return false;
	}

	/** Throws {@link CancellationException} when cancelled. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancellationException("cancelled");
	}

	/** {@code listener}, or {@link #NONE} when null. */
	static Listener orNone(final Listener listener) {
		return listener == null ? NONE : listener;
	}

	/** A listener that reports only progress, through {@code progress}. */
	static Listener ofProgress(final ProgressFunction progress) {
		return new Listener() {
			@Override
			public void progress(final int done, final int total, final String what) {
				progress.progress(done, total, what);
			}
		};
	}

	/** A listener passing information and warnings to two callbacks (either may be null). */
	static Listener of(final java.util.function.Consumer<String> info, final java.util.function.Consumer<String> warning) {
		return new Listener() {
			@Override
			public void info(final String message) {
				if (info != null) info.accept(message);
			}

			@Override
			public void warning(final String message) {
				if (warning != null) warning.accept(message);
			}
		};
	}

	/** Passes everything on to another listener (none: {@link #NONE}); subclasses change what they need. */
	abstract class Forwarding implements Listener {
		protected final Listener to;

		protected Forwarding(final Listener to) {
			this.to = orNone(to);
		}

		@Override
		public void progress(final int done, final int total, final String what) {
			to.progress(done, total, what);
		}

		@Override
		public void info(final String message) {
			to.info(message);
		}

		@Override
		public void warning(final String message) {
			to.warning(message);
		}

		@Override
		public boolean isCancelled() {
			return to.isCancelled();
		}
	}

	/** Progress as a lambda. */
	@FunctionalInterface
	interface ProgressFunction {
		void progress(int done, int total, String what);
	}
}
