package io.github.triage.quality;

import io.github.triage.Listener;

/**
 * The progress of runs of slices scored at once, as one count: each run reports the slice of the series it has
 * reached (its first to its last); a person sees their sum go up, not each run's slice numbers in turn.
 */
final class RunProgress {
	private final int[] done; // slices each run has passed, from its first
	private final int n;

	RunProgress(final int runs, final int n) {
		this.done = new int[runs];
		this.n = n;
	}

	/** Run {@code r}'s listener (its slices start at {@code from}); messages and cancelling go to {@code l}. */
	Listener of(final int r, final int from, final Listener l) {
		return new Listener.Forwarding(l) {
			@Override
			public void progress(final int slice, final int total, final String what) {
				final int sum;
				synchronized (done) {
					done[r] = Math.max(done[r], slice - from);
					sum = java.util.Arrays.stream(done).sum();
				}
				to.progress(sum, n, what);
			}
		};
	}
}
