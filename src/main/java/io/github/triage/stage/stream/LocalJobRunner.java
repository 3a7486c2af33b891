package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.triage.cavg.stream.ChunkId;

/**
 * Jobs on this machine: shell lines as child processes ({@code sh -c}, output in the chunk's
 * {@code classifier.log}) and in-process tasks on a small thread pool, at most {@code maxJobs} at once. A job of
 * an earlier run of the stream is not picked up: its chunk is classified again.
 */
final class LocalJobRunner implements JobRunner {
	static final String LOG = "classifier.log";
	private final int maxJobs;
	private final ExecutorService pool;
	private final Map<ChunkId, Process> processes = new LinkedHashMap<>();
	private final Map<ChunkId, Future<Void>> tasks = new LinkedHashMap<>();

	LocalJobRunner(final int maxJobs) {
		this.maxJobs = maxJobs;
		this.pool = Executors.newFixedThreadPool(maxJobs, r -> {
			final Thread t = new Thread(r, "microchunk-job");
			t.setDaemon(true);
			return t;
		});
	}

	@Override
	public void submit(final Job job) throws IOException {
		if (job.command() == null) {
			tasks.put(job.id(), pool.submit(job.task()));
			return;
		}
		final Path log = job.dir().resolve(LOG);
		processes.put(job.id(), new ProcessBuilder("sh", "-c", job.command()).directory(job.dir().toFile())
				.redirectErrorStream(true).redirectOutput(log.toFile()).start());
	}

	@Override
	public Status poll(final ChunkId id) {
		final Process p = processes.get(id);
		if (p != null) {
			if (p.isAlive()) return Status.RUNNING;
			final int rc = p.exitValue();
			return rc == 0 ? new Status(State.SUCCEEDED, "") : new Status(State.FAILED, "the classifier exited " + rc
					+ " (see " + LOG + ")");
		}
		final Future<Void> f = tasks.get(id);
		if (f == null) return new Status(State.VANISHED, "no such job");
		if (!f.isDone()) return Status.RUNNING;
		try {
			f.get();
			return new Status(State.SUCCEEDED, "");
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause() != null ? e.getCause() : e;
			return new Status(State.FAILED, "the classifier failed: " + c.getMessage());
		}
		catch (final InterruptedException | java.util.concurrent.CancellationException e) {
			return new Status(State.VANISHED, "interrupted");
		}
	}

	@Override
	public boolean adopt(final ChunkId id, final Path dir) {
		return false;
	}

	@Override
	public int attempts(final Path dir) {
		return 0;
	}

	@Override
	public int running() {
		return processes.size() + tasks.size();
	}

	@Override
	public int freeSlots() {
		return Math.max(0, maxJobs - running());
	}

	@Override
	public void forget(final ChunkId id) {
		processes.remove(id);
		tasks.remove(id);
	}

	/** Stops what still runs (a cancelled stream leaves no classifier behind). */
	@Override
	public void close() {
		for (final Process p : processes.values()) {
			p.descendants().forEach(ProcessHandle::destroy);
			p.destroy();
		}
		pool.shutdownNow();
	}
}
