package io.github.triage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.triage.Listener;
import io.github.triage.slice.Warnings;

/** Workers: index order, the caller as the first worker, pooled threads kept between runs, failures. */
class WorkersTest {
	@Test
	void resultsAndMessagesComeInIndexOrderWhateverFinishesFirst() throws IOException {
		final Warnings m = new Warnings();
		final List<Integer> out = Workers.map(40, 3, m, (i, s, l) -> {
			sleep((40 - i) % 7); // later indices often finish first
			l.info("task " + i);
			return i * i;
		});
		final List<String> expected = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			assertEquals(i * i, out.get(i));
			expected.add("task " + i);
		}
		assertEquals(expected, m.info);
	}

	@Test
	void theCallerIsAWorkerWithTheRunsOwnKernelsAndTheOthersAreKeptForTheNextRun() throws IOException {
		final Thread caller = Thread.currentThread();
		final CpuImageOps ops = new CpuImageOps();
		final Set<Thread> first = ConcurrentHashMap.newKeySet(), second = ConcurrentHashMap.newKeySet();
		final Set<Object> kernelsOnCaller = ConcurrentHashMap.newKeySet();
		// every task waits until both workers have one, so both threads take part in each run
		for (final Set<Thread> seen : List.of(first, second)) {
			final CountDownLatch both = new CountDownLatch(2);
			Workers.map(2, 2, ops, o -> o, Listener.NONE, (i, o, l) -> {
				seen.add(Thread.currentThread());
				if (Thread.currentThread() == caller) kernelsOnCaller.add(o);
				both.countDown();
				await(both);
				return null;
			});
		}
		assertTrue(first.contains(caller), "the calling thread runs tasks");
		assertEquals(2, first.size());
		assertEquals(Set.of(ops), kernelsOnCaller, "the caller works with the run's own kernels");
		assertEquals(first, second, "the same threads in the next run (what they hold is reused)");
		for (final Thread t : first)
			if (t != caller) assertTrue(t.isDaemon() && t.getName().startsWith("triage-worker-"), t.getName());
	}

	@Test
	void theLowestFailingIndexIsThrownAsOneThreadWouldMeetIt() {
		final IOException e = assertThrows(IOException.class, () -> Workers.map(30, 2, Listener.NONE, (i, s, l) -> {
			if (i == 5 || i == 9) {
				sleep(i == 5 ? 30 : 0); // index 9 fails first in time
				throw new IOException("task " + i);
			}
			return i;
		}));
		assertEquals("task 5", e.getMessage());
	}

	@Test
	void aWorkerThatCannotStartFailsTheRun() {
		final Thread caller = Thread.currentThread();
		final IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> Workers.map(4, 2, new CpuImageOps(), o -> {
					if (Thread.currentThread() != caller) throw new IllegalStateException("no state");
					return o;
				}, Listener.NONE, (i, o, l) -> i));
		assertSame(IllegalStateException.class, e.getClass());
		assertEquals("no state", e.getMessage());
	}

	private static void sleep(final int ms) {
		try {
			Thread.sleep(ms);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(final CountDownLatch latch) {
		try {
			assertTrue(latch.await(10, TimeUnit.SECONDS), "both workers started");
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
