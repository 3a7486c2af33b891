package io.github.triage.ops;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.triage.Listener;

/**
 * Runs independent tasks {@code 0..n-1} on a few threads (the caller and pooled ones) and gives their results in
 * index order, so a parallel run decides and writes exactly what one thread does. Each worker has its own
 * {@link ImageOps} ({@link ImageOps#forAnotherThread()}); kernels that must stay on one thread (a GPU) run on one
 * thread. What a task tells its listener (info, warnings) is passed on in index order; progress and cancellation go
 * straight through. When tasks fail, the failure of the lowest index is thrown: the one a single thread would have
 * met first (indices are taken in order, and a started task always finishes).
 */
public final class Workers {
	/**
	 * Worker threads beyond the caller, kept between runs (an idle one ends after a minute); daemons, so they never
	 * hold a program open.
	 */
	private static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
		private final AtomicInteger made = new AtomicInteger();

		@Override
		public Thread newThread(final Runnable r) {
			final Thread th = new Thread(r, "triage-worker-" + made.incrementAndGet());
			th.setDaemon(true);
			return th;
		}
	});

	private Workers() {
	}

	/** The default for {@code --threads}: the machine's cores. */
	public static int defaultThreads() {
		return Runtime.getRuntime().availableProcessors();
	}

	/** One task; {@code state} is the worker's own (see {@link #map}). */
	@FunctionalInterface
	public interface Task<S, T> {
		T run(int index, S state, Listener listener) throws IOException;
	}

	/** Tasks without per-worker state or kernels (e.g. writing files). */
	public static <T> List<T> map(final int n, final int threads, final Listener listener, final Task<Void, T> task)
			throws IOException {
		return map(n, threads, null, ops -> null, listener, task);
	}

	/**
	 * @param n        the number of tasks
	 * @param threads  at most this many threads (values below 1 mean 1)
	 * @param ops      the run's kernels (used by the first worker), or null when the tasks need none
	 * @param state    each worker's state made from its kernels (e.g. a detector with its own buffers)
	 * @param listener the run's listener
	 */
	public static <S, T> List<T> map(final int n, final int threads, final ImageOps ops,
			final Function<ImageOps, S> state, final Listener listener, final Task<S, T> task) throws IOException {
		final Listener l = Listener.orNone(listener);
		int t = Math.max(1, Math.min(threads, n));
		final List<ImageOps> extra = new ArrayList<>();
		if (t > 1 && ops != null) {
			final ImageOps probe = ops.forAnotherThread();
			if (probe == null) t = 1;
			else extra.add(probe);
		}
		if (t == 1) {
			final S s = state.apply(ops);
			final List<T> out = new ArrayList<>(n);
			for (int i = 0; i < n; i++)
				out.add(task.run(i, s, l));
			return out;
		}
		try {
			while (ops != null && extra.size() < t - 1)
				extra.add(ops.forAnotherThread());
			return parallel(n, t, ops, extra, state, l, task);
		}
		finally {
			extra.forEach(ImageOps::close);
		}
	}

	private static <S, T> List<T> parallel(final int n, final int t, final ImageOps ops, final List<ImageOps> extra,
			final Function<ImageOps, S> state, final Listener l, final Task<S, T> task) throws IOException {
		final Object[] results = new Object[n];
		final Throwable[] failures = new Throwable[n];
		final Ordered ordered = new Ordered(n, l);
		final AtomicInteger next = new AtomicInteger();
		final AtomicBoolean failed = new AtomicBoolean();
		final Runnable[] workers = new Runnable[t];
		for (int w = 0; w < t; w++) {
			final ImageOps mine = ops == null ? null : w == 0 ? ops : extra.get(w - 1);
			workers[w] = () -> {
				final S s = state.apply(mine);
				int i;
				while (!failed.get() && (i = next.getAndIncrement()) < n) {
					final Buffer b = new Buffer(l);
					try {
						results[i] = task.run(i, s, b);
					}
					catch (final Throwable e) {
						failures[i] = e;
						failed.set(true);
					}
					ordered.done(i, b);
				}
			};
		}
		// The first worker is the calling thread, with the run's own kernels, as one thread would be; the others are
		// pooled threads. Either way a worker keeps what its thread already holds (its read buffers: new memory is
		// costly to touch, docs/performance.md, Memory), and no thread is started per run.
		final List<Future<?>> others = new ArrayList<>(t - 1);
		for (int w = 1; w < t; w++)
			others.add(POOL.submit(workers[w]));
		try {
			workers[0].run();
		}
		finally {
			for (final Future<?> f : others)
				join(f);
		}
		for (final Throwable e : failures)
			if (e != null) throw rethrow(e);
		@SuppressWarnings("unchecked")
		final List<T> out = (List<T>) Arrays.asList(results);
		return new ArrayList<>(out);
	}

	/** Waits for a worker (through interrupts, which it keeps for the caller); a worker's own failure is rethrown. */
	private static void join(final Future<?> f) throws IOException {
		boolean interrupted = false;
		try {
			while (true)
				try {
					f.get();
					break;
				}
				catch (final InterruptedException e) {
					interrupted = true;
				}
				catch (final ExecutionException e) {
					throw rethrow(e.getCause());
				}
		}
		finally {
			if (interrupted) Thread.currentThread().interrupt();
		}
	}

	private static IOException rethrow(final Throwable e) {
		if (e instanceof IOException io) return io;
		if (e instanceof RuntimeException r) throw r;
		if (e instanceof Error err) throw err;
		throw new IllegalStateException(e);
	}

	/** A task's messages, kept until every earlier task has passed its own on. */
	private static final class Buffer implements Listener {
		private final Listener target;
		private final List<String[]> messages = new ArrayList<>();

		Buffer(final Listener target) {
			this.target = target;
		}

		@Override
		public void progress(final int done, final int total, final String what) {
			synchronized (target) {
				target.progress(done, total, what);
			}
		}

		@Override
		public void info(final String message) {
			messages.add(new String[] { "i", message });
		}

		@Override
		public void warning(final String message) {
			messages.add(new String[] { "w", message });
		}

		@Override
		public boolean isCancelled() {
			return target.isCancelled();
		}

		void flush() {
			for (final String[] m : messages)
				if (m[0].equals("i")) target.info(m[1]);
				else target.warning(m[1]);
		}
	}

	/** Passes each finished task's messages on in index order. */
	private static final class Ordered {
		private final Buffer[] finished;
		private final Listener target;
		private int released;

		Ordered(final int n, final Listener target) {
			this.finished = new Buffer[n];
			this.target = target;
		}

		void done(final int i, final Buffer b) {
			synchronized (target) {
				finished[i] = b;
				while (released < finished.length && finished[released] != null)
					finished[released++].flush();
			}
		}
	}
}
