package io.github.triage.stage.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.triage.cavg.stream.ChunkId;

/**
 * What every {@link JobRunner} keeps: the jobs it follows, by chunk (a handle of its own kind each), and how many
 * may run at once.
 */
abstract class TrackedJobs<J> implements JobRunner {
	/** The jobs followed now, in the order they were submitted or adopted. */
	protected final Map<ChunkId, J> jobs = new LinkedHashMap<>();
	private final int maxJobs;

	TrackedJobs(final int maxJobs) {
		this.maxJobs = maxJobs;
	}

	@Override
	public int running() {
		return jobs.size();
	}

	@Override
	public int maxJobs() {
		return maxJobs;
	}

	@Override
	public void forget(final ChunkId id) {
		jobs.remove(id);
	}
}
