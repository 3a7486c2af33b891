package io.github.triage.cavg.stream;

import java.util.Collection;

/**
 * The lifecycle sentinels of a chunk folder (SIMPLE's microchunked 2D): empty-ish files whose presence is the only
 * restart record. Each is written atomically, after everything it vouches for, and never rewritten.
 */
public enum Sentinel {
	/** The classifier exited 0 and its outputs are complete. */
	ABINITIO2D_FINISHED,
	/** Class-average rejection and particle cleanup completed. */
	REJECTION_FINISHED,
	/** Rejection could not be performed safely (or the classification failed for good). */
	REJECTION_FAILED,
	/** The chunk has been consumed by the next tier or finalised; it is not reprocessed. */
	COMPLETE;

	/** The file name in the chunk folder. */
	public String fileName() {
		return name();
	}

	/** True when a file of this sentinel's name is among {@code names}. */
	public boolean in(final Collection<String> names) {
		return names.contains(fileName());
	}
}
