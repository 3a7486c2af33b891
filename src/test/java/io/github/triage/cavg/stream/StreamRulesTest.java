package io.github.triage.cavg.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.triage.cavg.Tier;

/** Each consumption and finish rule of SIMPLE's microchunk policy, on hand-made ledgers and chunk states. */
class StreamRulesTest {
	private static final StreamRules.Caps CAPS = new StreamRules.Caps(100, 150, 300);
	private static final ChunkFlags CLASSIFIED = new ChunkFlags(true, false, false, false);
	private static final ChunkFlags REJECTED = new ChunkFlags(true, true, false, false);
	private static final ChunkFlags COMPLETE = new ChunkFlags(true, true, true, false);
	private static final ChunkFlags FAILED = new ChunkFlags(true, true, true, true);

	private static List<Micrograph> ledger(final int... particles) {
		final List<Micrograph> l = new ArrayList<>();
		for (int i = 0; i < particles.length; i++)
			l.add(new Micrograph(String.format("mic%02d.star", i + 1), particles[i], 1000 + i));
		return l;
	}

	private static Chunk chunk(final Tier t, final int i, final ChunkFlags f, final int selected, final String... src) {
		return new Chunk(new ChunkId(t, i), List.of(src), 100, f.rejectionComplete() && !f.failed() ? selected : -1, f);
	}

	private static List<String> names(final List<StreamRules.NewChunk> l) {
		return l.stream().map(n -> n.id().name() + "<" + String.join(",", n.sources())).toList();
	}

	@Test
	void flagsFromSentinelsAsTheSpecSays() {
		assertEquals(ChunkFlags.NEW, ChunkFlags.fromSentinels(Set.of("particles.star")));
		assertEquals(new ChunkFlags(true, false, false, false), ChunkFlags.fromSentinels(Set.of("ABINITIO2D_FINISHED")));
		assertEquals(new ChunkFlags(false, true, false, false), ChunkFlags.fromSentinels(Set.of("REJECTION_FINISHED")));
		// failed implies rejection complete and complete
		assertEquals(new ChunkFlags(false, true, true, true), ChunkFlags.fromSentinels(Set.of("REJECTION_FAILED")));
		assertEquals(new ChunkFlags(false, false, true, false), ChunkFlags.fromSentinels(Set.of("COMPLETE")));
		assertEquals(COMPLETE, ChunkFlags.fromSentinels(Set.of("ABINITIO2D_FINISHED", "REJECTION_FINISHED", "COMPLETE")));
	}

	@Test
	void flagsOnlyAdvance() {
		assertEquals(COMPLETE, COMPLETE.advance(ChunkFlags.NEW));
		assertEquals(REJECTED, CLASSIFIED.advance(new ChunkFlags(false, true, false, false)));
		assertTrue(FAILED.advance(ChunkFlags.NEW).failed());
	}

	@Test
	void rejectionGate() {
		assertFalse(ChunkFlags.NEW.needsRejection(), "not classified");
		assertTrue(CLASSIFIED.needsRejection());
		assertFalse(REJECTED.needsRejection(), "already rejection complete");
		assertFalse(FAILED.needsRejection(), "failed");
		assertTrue(REJECTED.eligible());
		assertFalse(COMPLETE.eligible());
		assertFalse(FAILED.eligible());
		assertFalse(CLASSIFIED.eligible());
	}

	@Test
	void pass1TakesWholeMicrographsUntilTheCapIsExceededAndLeftoversWait() {
		final List<StreamRules.NewChunk> out = StreamRules.compose(ledger(60, 40, 1, 80, 30, 5), List.of(), CAPS, false);
		// 60+40 = 100 is not > 100; +1 exceeds. 80+30 exceeds. 5 waits.
		assertEquals(List.of("p1_001<mic01.star,mic02.star,mic03.star", "p1_002<mic04.star,mic05.star"), names(out));
	}

	@Test
	void pass1LeftoversFormALastChunkAfterTheTimeout() {
		final List<Chunk> chunks = List.of(chunk(Tier.P1, 1, ChunkFlags.NEW, 0, "mic01.star", "mic02.star"));
		final List<StreamRules.NewChunk> out = StreamRules.compose(ledger(90, 20, 5, 0), chunks, CAPS, true);
		assertEquals(List.of("p1_002<mic03.star"), names(out), "an empty micrograph is never a source");
	}

	@Test
	void pass2NeverSkipsAnUnfinishedLowerChunk() {
		final List<Chunk> chunks = List.of(chunk(Tier.P1, 1, REJECTED, 90, "a"), chunk(Tier.P1, 2, CLASSIFIED, 0, "b"),
				chunk(Tier.P1, 3, REJECTED, 90, "c"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), chunks, CAPS, false)));
	}

	@Test
	void pass2MergesRejectionCompleteChunksUntilSelectedExceedTheCap() {
		final List<Chunk> chunks = List.of(chunk(Tier.P1, 1, REJECTED, 90, "a"), chunk(Tier.P1, 2, FAILED, 0, "b"),
				chunk(Tier.P1, 3, REJECTED, 60, "c"), chunk(Tier.P1, 4, REJECTED, 61, "d"),
				chunk(Tier.P1, 5, REJECTED, 100, "e"));
		// 90+60 = 150 is not > 150; + 61 exceeds; the failed chunk is skipped, p1_005 waits
		assertEquals(List.of("p2_001<p1_001,p1_003,p1_004"), names(StreamRules.compose(List.of(), chunks, CAPS, false)));
	}

	@Test
	void consumedPass1ChunksAreMarkedComplete() {
		final List<Chunk> chunks = List.of(chunk(Tier.P1, 1, REJECTED, 90, "a"), chunk(Tier.P1, 2, COMPLETE, 90, "b"),
				chunk(Tier.P1, 3, REJECTED, 90, "c"), chunk(Tier.P2, 1, ChunkFlags.NEW, 0, "p1_001", "p1_002"));
		assertEquals(List.of(new ChunkId(Tier.P1, 1)), StreamRules.toConsume(chunks));
		// a claimed chunk is not offered again even before its COMPLETE is written (a kill in between)
		assertEquals(List.of(), names(StreamRules.compose(List.of(), chunks, CAPS, false)));
	}

	@Test
	void referenceOnceFromTheShortestRunOfEligiblePass2ChunksReachingItsCap() {
		final List<Chunk> p2 = List.of(chunk(Tier.P2, 1, REJECTED, 200, "p1_001"), chunk(Tier.P2, 2, REJECTED, 100, "p1_002"),
				chunk(Tier.P2, 3, REJECTED, 100, "p1_003"));
		// 200+100 = 300 reaches 300 (>=)
		assertEquals(List.of("ref_001<p2_001,p2_002"), names(StreamRules.compose(List.of(), p2, CAPS, false)));
		final List<Chunk> below = List.of(chunk(Tier.P2, 1, REJECTED, 200, "p1_001"), chunk(Tier.P2, 2, CLASSIFIED, 0, "x"),
				chunk(Tier.P2, 3, REJECTED, 200, "p1_003"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), below, CAPS, false)));
		final List<Chunk> withRef = new ArrayList<>(p2);
		withRef.add(chunk(Tier.REF, 1, ChunkFlags.NEW, 0, "p2_001", "p2_002"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), withRef, CAPS, false)), "only one reference");
		// the reference reads its pass-2 chunks but does not consume them
		assertEquals(List.of(), StreamRules.toConsume(withRef));
	}

	@Test
	void matchChunksOnlyOnceTheReferenceHasItsStackAndOnePerPass2Chunk() {
		final List<Chunk> waiting = List.of(chunk(Tier.P2, 1, REJECTED, 200, "p1_001"), chunk(Tier.P2, 2, REJECTED, 100, "p1_002"),
				chunk(Tier.REF, 1, CLASSIFIED, 0, "p2_001", "p2_002"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), waiting, CAPS, false)));
		final List<Chunk> ready = List.of(chunk(Tier.P2, 1, REJECTED, 200, "p1_001"), chunk(Tier.P2, 2, REJECTED, 100, "p1_002"),
				chunk(Tier.P2, 3, REJECTED, 10, "p1_003"), chunk(Tier.REF, 1, REJECTED, 250, "p2_001", "p2_002"));
		final List<StreamRules.NewChunk> out = StreamRules.compose(List.of(), ready, CAPS, false);
		assertEquals(List.of("match_001<p2_001", "match_002<p2_002", "match_003<p2_003"), names(out));
		final List<Chunk> after = new ArrayList<>(ready);
		after.add(chunk(Tier.MATCH, 1, ChunkFlags.NEW, 0, "p2_001"));
		assertEquals(List.of(new ChunkId(Tier.P2, 1)), StreamRules.toConsume(after));
		final List<Chunk> failedRef = List.of(chunk(Tier.P2, 1, REJECTED, 200, "p1_001"),
				chunk(Tier.REF, 1, FAILED, 0, "p2_001"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), failedRef, CAPS, false)));
		assertEquals("the reference chunk failed", StreamRules.blocked(failedRef));
	}

	@Test
	void finalMatchChunkFromLeftoverPass1ChunksAfterTheTimeout() {
		final List<Chunk> chunks = new ArrayList<>(List.of(chunk(Tier.P1, 1, COMPLETE, 200, "a"),
				chunk(Tier.P1, 2, REJECTED, 50, "b"), chunk(Tier.P1, 3, REJECTED, 40, "c"),
				chunk(Tier.P2, 1, COMPLETE, 400, "p1_001"), chunk(Tier.REF, 1, COMPLETE, 350, "p2_001"),
				chunk(Tier.MATCH, 1, CLASSIFIED, 0, "p2_001")));
		assertEquals(List.of(), names(StreamRules.compose(ledger(), chunks, CAPS, false)), "not before the timeout");
		assertEquals(List.of("match_002<p1_002,p1_003"), names(StreamRules.compose(ledger(), chunks, CAPS, true)));
		// not while a pass-2 chunk is still open
		chunks.set(3, chunk(Tier.P2, 1, REJECTED, 400, "p1_001"));
		chunks.set(5, chunk(Tier.MATCH, 1, CLASSIFIED, 0, "p2_002"));
		chunks.add(chunk(Tier.P2, 2, CLASSIFIED, 0, "x"));
		assertEquals(List.of("match_002<p2_001"), names(StreamRules.compose(ledger(), chunks, CAPS, true)));
		chunks.set(3, chunk(Tier.P2, 1, COMPLETE, 400, "p1_001"));
		assertEquals(List.of(), names(StreamRules.compose(ledger(), chunks, CAPS, true)), "p2_002 still open");
		// consumed leftovers are marked complete
		final List<Chunk> done = new ArrayList<>(chunks.subList(0, 5));
		done.add(chunk(Tier.MATCH, 2, ChunkFlags.NEW, 0, "p1_002", "p1_003"));
		assertEquals(List.of(new ChunkId(Tier.P1, 2), new ChunkId(Tier.P1, 3)), StreamRules.toConsume(done));
	}

	@Test
	void smallDataSetsFlushAfterTheTimeout() {
		// no pass-2 chunk ever formed: the leftovers become one
		final List<Chunk> p1 = List.of(chunk(Tier.P1, 1, REJECTED, 50, "a"), chunk(Tier.P1, 2, REJECTED, 40, "b"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), p1, CAPS, false)));
		assertEquals(List.of("p2_001<p1_001,p1_002"), names(StreamRules.compose(List.of(), p1, CAPS, true)));
		// below the reference cap: the reference is made from what there is
		final List<Chunk> p2 = List.of(chunk(Tier.P1, 1, COMPLETE, 50, "a"), chunk(Tier.P2, 1, REJECTED, 80, "p1_001"));
		assertEquals(List.of(), names(StreamRules.compose(List.of(), p2, CAPS, false)));
		assertEquals(List.of("ref_001<p2_001"), names(StreamRules.compose(List.of(), p2, CAPS, true)));
	}

	@Test
	void finalisationPicksRejectedMatchChunksAndTheReference() {
		final List<Chunk> chunks = List.of(chunk(Tier.MATCH, 1, REJECTED, 70, "p2_001"),
				chunk(Tier.MATCH, 2, COMPLETE, 70, "p2_002"), chunk(Tier.MATCH, 3, FAILED, 0, "p2_003"),
				chunk(Tier.MATCH, 4, CLASSIFIED, 0, "p2_004"), chunk(Tier.REF, 1, REJECTED, 250, "p2_001"),
				chunk(Tier.P2, 5, REJECTED, 100, "p1_001"));
		assertEquals(List.of(new ChunkId(Tier.REF, 1), new ChunkId(Tier.MATCH, 1)), StreamRules.toFinalise(chunks));
		StreamRules.MatchCounters c = StreamRules.MatchCounters.ZERO.add(chunks.get(0));
		assertEquals(new StreamRules.MatchCounters(70, 30), c);
		c = c.add(chunk(Tier.MATCH, 5, REJECTED, 100, "p2_005"));
		assertEquals(new StreamRules.MatchCounters(170, 30), c);
	}

	@Test
	void finishedStateNeedsEveryTierDoneAndAGoodReference() {
		final List<Chunk> all = new ArrayList<>(List.of(chunk(Tier.P1, 1, COMPLETE, 90, "a"), chunk(Tier.P1, 2, FAILED, 0, "b"),
				chunk(Tier.P2, 1, COMPLETE, 90, "p1_001"), chunk(Tier.REF, 1, COMPLETE, 80, "p2_001"),
				chunk(Tier.MATCH, 1, COMPLETE, 80, "p2_001"), chunk(Tier.MATCH, 2, FAILED, 0, "p1_003")));
		assertTrue(StreamRules.finished(all));
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).flags().failed()) continue;
			final List<Chunk> open = new ArrayList<>(all);
			open.set(i, all.get(i).withFlags(REJECTED));
			assertFalse(StreamRules.finished(open), "chunk " + all.get(i).name() + " not complete");
		}
		final List<Chunk> badRef = new ArrayList<>(all);
		badRef.set(3, chunk(Tier.REF, 1, FAILED, 0, "p2_001"));
		assertFalse(StreamRules.finished(badRef), "failed reference");
		for (final Tier t : Tier.values())
			assertFalse(StreamRules.finished(all.stream().filter(c -> c.id().tier() != t).toList()), "no " + t);
		assertNull(StreamRules.blocked(all));
	}

	@Test
	void jobsInPriorityOrder() {
		final List<Chunk> chunks = List.of(chunk(Tier.P1, 2, ChunkFlags.NEW, 0, "a"), chunk(Tier.P1, 1, ChunkFlags.NEW, 0, "b"),
				chunk(Tier.P2, 1, ChunkFlags.NEW, 0, "c"), chunk(Tier.MATCH, 1, ChunkFlags.NEW, 0, "d"),
				chunk(Tier.REF, 1, ChunkFlags.NEW, 0, "e"), chunk(Tier.P1, 3, CLASSIFIED, 0, "f"));
		assertEquals("[ref_001, match_001, p2_001, p1_001, p1_002]", StreamRules.jobOrder(chunks).toString());
	}

	@Test
	void timeoutFromTheLastImport() {
		final List<Micrograph> l = ledger(5, 5);
		assertFalse(StreamRules.timeoutPassed(l, 1000 + 1 + 99, 100));
		assertTrue(StreamRules.timeoutPassed(l, 1000 + 1 + 100, 100));
		assertFalse(StreamRules.timeoutPassed(List.of(), Long.MAX_VALUE, 0), "no imports, no timeout");
	}

	@Test
	void chunkNames() {
		assertEquals("match_012", new ChunkId(Tier.MATCH, 12).name());
		assertEquals(new ChunkId(Tier.P2, 3), ChunkId.parse("p2_003"));
		assertNull(ChunkId.parse("p3_001"));
		assertNull(ChunkId.parse("p1_1"));
	}
}
