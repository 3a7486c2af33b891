package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Path;
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
final class LocalJobRunner extends TrackedJobs<LocalJobRunner.LocalJob> {
	static final String LOG = "classifier.log";
	private final ExecutorService pool;

	/** A child process or an in-process task (the other null). */
	record LocalJob(Process process, Future<Void> task) {
	}

	LocalJobRunner(final int maxJobs) {
		super(maxJobs);
		this.pool = Executors.newFixedThreadPool(maxJobs, r -> {
			final Thread t = new Thread(r, "microchunk-job");
			t.setDaemon(true);
			return t;
		});
	}

	@Override
	public void submit(final Job job) throws IOException {
		if (job.command() == null) {
			jobs.put(job.id(), new LocalJob(null, pool.submit(job.task())));
			return;
		}
		final Path log = job.dir().resolve(LOG);
		jobs.put(job.id(), new LocalJob(new ProcessBuilder("sh", "-c", job.command()).directory(job.dir().toFile())
				.redirectErrorStream(true).redirectOutput(log.toFile()).start(), null));
	}

	@Override
	public Status poll(final ChunkId id) {
		final LocalJob j = jobs.get(id);
		if (j == null) return new Status(State.VANISHED, "no such job");
		final Process p = j.process();
		if (p != null) {
			if (p.isAlive()) return Status.RUNNING;
			final int rc = p.exitValue();
			return rc == 0 ? new Status(State.SUCCEEDED, "") : new Status(State.FAILED, "the classifier exited " + rc
					+ " (see " + LOG + ")");
		}
		final Future<Void> f = j.task();
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

	/** Stops what still runs (a cancelled stream leaves no classifier behind). */
	@Override
	public void close() {
		for (final LocalJob j : jobs.values()) {
			final Process p = j.process();
			if (p == null) continue;
			p.descendants().forEach(ProcessHandle::destroy);
			p.destroy();
		}
		pool.shutdownNow();
	}
}
