package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.triage.cavg.stream.ChunkId;

/**
 * Where classifier jobs run: {@link LocalJobRunner} (child processes or in-process tasks, awaited) or
 * {@link SlurmJobRunner} (sbatch scripts followed through squeue/sacct). The stream submits at most
 * {@link #freeSlots()} jobs at a time and polls them each step.
 */
interface JobRunner extends AutoCloseable {

	/**
	 * One classifier run.
	 *
	 * @param command the shell line ({@code sh -c}), or null when {@code task} runs in this process
	 * @param task    the in-process work (the simulator under the local scheduler), or null
	 */
	record Job(ChunkId id, Path dir, String command, Callable<Void> task) {
	}

	enum State {
		RUNNING, SUCCEEDED, FAILED, VANISHED
	}

	record Status(State state, String message) {
		static final Status RUNNING = new Status(State.RUNNING, "");
	}

	void submit(Job job) throws IOException;

	/** The job's state; VANISHED when this runner knows no such job. */
	Status poll(ChunkId id) throws IOException;

	/** Picks up a job an earlier run submitted for this chunk, when it can (slurm); returns whether it did. */
	boolean adopt(ChunkId id, Path dir) throws IOException;

	/** Earlier attempts recorded for this chunk (persisted by slurm; 0 for local). */
	int attempts(Path dir) throws IOException;

	/** Jobs running now. */
	int running();

	/** Jobs this runner may have at once. */
	int maxJobs();

	/** Jobs that may be submitted now. */
	default int freeSlots() {
		return Math.max(0, maxJobs() - running());
	}

	/** Forgets a finished job. */
	void forget(ChunkId id);

	@Override
	void close();
}
