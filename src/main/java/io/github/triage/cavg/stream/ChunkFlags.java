package io.github.triage.cavg.stream;

import java.util.Collection;

/**
 * A chunk's lifecycle flags. Rebuilt on start from the sentinel names present in its folder, exactly as SIMPLE's
 * "Lifecycle Sentinels" say: failed = REJECTION_FAILED exists; rejection_complete = REJECTION_FINISHED exists or
 * failed; complete = COMPLETE exists or failed; abinitio2D_complete = ABINITIO2D_FINISHED exists. Flags only
 * advance ({@link #advance}).
 */
public record ChunkFlags(boolean abinitioComplete, boolean rejectionComplete, boolean complete, boolean failed) {

	/** A new chunk: nothing done. */
	public static final ChunkFlags NEW = new ChunkFlags(false, false, false, false);

	/** The flags the sentinel files {@code names} (file names in the chunk folder) stand for. */
	public static ChunkFlags fromSentinels(final Collection<String> names) {
		final boolean failed = Sentinel.REJECTION_FAILED.in(names);
		return new ChunkFlags(Sentinel.ABINITIO2D_FINISHED.in(names), Sentinel.REJECTION_FINISHED.in(names) || failed,
				Sentinel.COMPLETE.in(names) || failed, failed);
	}

	/** The union with {@code later}: a flag once set stays set. */
	public ChunkFlags advance(final ChunkFlags later) {
		return new ChunkFlags(abinitioComplete || later.abinitioComplete, rejectionComplete || later.rejectionComplete,
				complete || later.complete, failed || later.failed);
	}

	/** May the next tier consume it: rejection complete, not complete, not failed. */
	public boolean eligible() {
		return rejectionComplete && !complete && !failed;
	}

	/** Does it wait for rejection (reject_cavgs' gate): classified, not failed, not yet rejection complete. */
	public boolean needsRejection() {
		return abinitioComplete && !failed && !rejectionComplete;
	}

	/** Does it still need its classifier job: not classified and not failed. */
	public boolean needsClassification() {
		return !abinitioComplete && !failed && !rejectionComplete;
	}

	/** Complete or failed (the finished-state test). */
	public boolean done() {
		return complete || failed;
	}

	/** One word for the status table. */
	public String state() {
		if (failed) return "failed";
		if (complete) return "complete";
		if (rejectionComplete) return "rejected";
		if (abinitioComplete) return "classified";
		return "waiting";
	}
}
