package io.github.triage.cavg.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.triage.cavg.Tier;

/**
 * SIMPLE's microchunk workflow as pure decisions: which chunks to compose next, which chunks are consumed, which
 * to finalise, when the stream is finished, and in which order jobs are submitted. Every decision is a function of
 * the import ledger, the chunks (their sources, counts and sentinel flags), the caps and one boolean, "the
 * last-import timeout has passed"; so the same imports and options give the same chunks however often the run
 * was interrupted. A tier takes its sources in chunk order and never skips an unfinished lower one.
 */
public final class StreamRules {

	/**
	 * The caps of the tiers.
	 *
	 * @param pass1 a pass-1 chunk closes when its particles exceed this
	 * @param pass2 a pass-2 chunk closes when its sources' selected particles exceed this
	 * @param ref   the reference is made once the eligible pass-2 chunks' selected particles reach this
	 */
	public record Caps(int pass1, int pass2, int ref) {
		public Caps {
			if (pass1 < 1 || pass2 < 1 || ref < 1)
				throw new IllegalArgumentException("the particle caps must be >= 1, got " + pass1 + ", " + pass2 + ", " + ref);
		}
	}

	/** A chunk to create: its id and its sources in order. */
	public record NewChunk(ChunkId id, List<String> sources) {
		public NewChunk {
			sources = List.copyOf(sources);
		}
	}

	/** Accepted and rejected particles of the match chunks finalised in this process (SIMPLE's runtime counters). */
	public record MatchCounters(long accepted, long rejected) {
		public static final MatchCounters ZERO = new MatchCounters(0, 0);

		/** The counters after finalising {@code match}: its selected particles accepted, the rest rejected. */
		public MatchCounters add(final Chunk match) {
			final int sel = Math.max(0, match.selected());
			return new MatchCounters(accepted + sel, rejected + (match.particles() - sel));
		}
	}

	private StreamRules() {
	}

	/** Has the last-import timeout passed: imports exist and none came in the last {@code timeoutMs}. */
	public static boolean timeoutPassed(final List<Micrograph> ledger, final long now, final long timeoutMs) {
		if (ledger.isEmpty()) return false;
		long last = Long.MIN_VALUE;
		for (final Micrograph m : ledger)
			last = Math.max(last, m.importedAt());
		return now - last >= timeoutMs;
	}

	/** The micrographs of the ledger not yet in a pass-1 chunk, in ledger order. */
	public static List<Micrograph> unassigned(final List<Micrograph> ledger, final List<Chunk> chunks) {
		final Set<String> used = new HashSet<>();
		for (final Chunk c : chunks)
			if (c.id().tier() == Tier.P1) used.addAll(c.sources());
		final List<Micrograph> out = new ArrayList<>();
		for (final Micrograph m : ledger)
			if (!used.contains(m.name()) && m.particles() > 0) out.add(m);
		return out;
	}

	/**
	 * The chunks to create now, in creation order: pass-1 (whole micrographs in ledger order until the particles
	 * exceed the cap; after the timeout the leftovers form one last pass-1 chunk), pass-2 (rejection-complete pass-1
	 * chunks in chunk order until their selected particles exceed the cap), the reference (once), one match chunk
	 * per eligible pass-2 chunk once the reference is rejection complete (the reference takes the shortest run of
	 * eligible pass-2 chunks, in order, whose selected particles reach its cap), and after the timeout the final match
	 * chunk from the leftover pass-1 chunks. Beyond SIMPLE, after the timeout: with no pass-2 chunk at all the
	 * pass-1 leftovers form one pass-2 chunk, and with no reference all eligible pass-2 chunks form it whatever
	 * their count, so that a small data set still reaches the finished state.
	 */
	public static List<NewChunk> compose(final List<Micrograph> ledger, final List<Chunk> chunks, final Caps caps,
			final boolean timeoutPassed) {
		final List<NewChunk> out = new ArrayList<>();
		final List<Micrograph> free = unassigned(ledger, chunks);
		// pass-1
		int p1Next = count(chunks, Tier.P1) + 1;
		List<String> group = new ArrayList<>();
		long sum = 0;
		for (final Micrograph m : free) {
			group.add(m.name());
			sum += m.particles();
			if (sum > caps.pass1()) {
				out.add(new NewChunk(new ChunkId(Tier.P1, p1Next++), group));
				group = new ArrayList<>();
				sum = 0;
			}
		}
		final boolean leftovers = !group.isEmpty();
		if (leftovers && timeoutPassed) out.add(new NewChunk(new ChunkId(Tier.P1, p1Next++), group));
		final boolean importsSettled = timeoutPassed && out.stream().noneMatch(n -> n.id().tier() == Tier.P1);

		final Set<String> claimedP1 = claimed(chunks, Set.of(Tier.P2, Tier.MATCH));
		final List<Chunk> p1 = tier(chunks, Tier.P1);
		// pass-2
		int p2Next = count(chunks, Tier.P2) + 1;
		group = new ArrayList<>();
		sum = 0;
		final Ready readyP1 = ready(p1, claimedP1);
		for (final Chunk c : readyP1.chunks()) {
			group.add(c.name());
			sum += Math.max(0, c.selected());
			if (sum > caps.pass2()) {
				out.add(new NewChunk(new ChunkId(Tier.P2, p2Next++), group));
				claimedP1.addAll(group);
				group = new ArrayList<>();
				sum = 0;
			}
		}
		final boolean newP2 = p2Next > count(chunks, Tier.P2) + 1;
		final boolean p1Settled = importsSettled && readyP1.allRejected();
		if (p1Settled && count(chunks, Tier.P2) == 0 && !newP2 && sum > 0) {
			out.add(new NewChunk(new ChunkId(Tier.P2, p2Next++), group));
			claimedP1.addAll(group);
			return out;
		}
		if (newP2) return out;

		final List<Chunk> p2 = tier(chunks, Tier.P2);
		final Set<String> claimedP2 = claimed(chunks, Set.of(Tier.MATCH));
		// reference
		final Chunk ref = reference(chunks);
		if (ref == null) {
			final List<String> refSources = new ArrayList<>();
			long sel = 0;
			final Ready readyP2 = ready(p2, claimedP2);
			for (final Chunk c : readyP2.chunks()) {
				refSources.add(c.name());
				sel += Math.max(0, c.selected());
				// the shortest prefix that reaches the cap: what a later chunk adds must not depend on timing
				if (sel >= caps.ref()) break;
			}
			if (!refSources.isEmpty() && (sel >= caps.ref() || p1Settled && readyP2.allRejected() && sel > 0))
				out.add(new NewChunk(new ChunkId(Tier.REF, 1), refSources));
			return out;
		}
		if (!ref.flags().rejectionComplete() || ref.flags().failed()) return out;
		// match: one per eligible pass-2 chunk, in chunk order
		int matchNext = count(chunks, Tier.MATCH) + 1;
		for (final Chunk c : ready(p2, claimedP2).chunks())
			out.add(new NewChunk(new ChunkId(Tier.MATCH, matchNext++), List.of(c.name())));
		final boolean p2AllDone = out.isEmpty() && p2.stream().allMatch(c -> c.flags().done());
		// the final match chunk from the pass-1 leftovers (SIMPLE's LAST_IMPORT_TIMEOUT rule)
		if (p1Settled && p2AllDone && ref.flags().complete() && !group.isEmpty())
			out.add(new NewChunk(new ChunkId(Tier.MATCH, matchNext), group));
		return out;
	}

	/**
	 * Consumption marking: the chunks to mark complete because a chunk of the next tier was made from them. Pass-1
	 * chunks are consumed by pass-2 and match chunks; pass-2 chunks by match chunks only (the reference reads
	 * them but leaves them for their match chunk).
	 */
	public static List<ChunkId> toConsume(final List<Chunk> chunks) {
		final Set<String> claimed = claimed(chunks, Set.of(Tier.P2, Tier.MATCH));
		final List<ChunkId> out = new ArrayList<>();
		for (final Chunk c : sorted(chunks))
			if ((c.id().tier() == Tier.P1 || c.id().tier() == Tier.P2) && claimed.contains(c.name())
					&& !c.flags().complete())
				out.add(c.id());
		return out;
	}

	/**
	 * The chunks to finalise: match chunks that are rejection complete and not complete (count, copy, COMPLETE),
	 * and the reference once it is rejection complete (its stack and box are then known; COMPLETE).
	 */
	public static List<ChunkId> toFinalise(final List<Chunk> chunks) {
		final List<ChunkId> out = new ArrayList<>();
		for (final Chunk c : sorted(chunks))
			if ((c.id().tier() == Tier.MATCH || c.id().tier() == Tier.REF) && c.flags().rejectionComplete()
					&& !c.flags().complete())
				out.add(c.id());
		return out;
	}

	/** The chunks waiting for their classifier job, in submission order (reference > match > pass-2 > pass-1). */
	public static List<ChunkId> jobOrder(final List<Chunk> chunks) {
		final List<ChunkId> out = new ArrayList<>();
		for (final Chunk c : chunks)
			if (c.flags().needsClassification()) out.add(c.id());
		out.sort(ChunkId.PRIORITY);
		return out;
	}

	/**
	 * SIMPLE's finished state: at least one pass-1 chunk and all complete or failed; the same for pass-2; the
	 * reference complete and not failed; at least one match chunk and all complete or failed.
	 */
	public static boolean finished(final List<Chunk> chunks) {
		final Chunk ref = reference(chunks);
		return allDone(chunks, Tier.P1) && allDone(chunks, Tier.P2) && ref != null && ref.flags().complete()
				&& !ref.flags().failed() && allDone(chunks, Tier.MATCH);
	}

	/** Why the stream can never finish without new imports, or null while it still can. */
	public static String blocked(final List<Chunk> chunks) {
		final Chunk ref = reference(chunks);
		if (ref != null && ref.flags().failed()) return "the reference chunk failed";
		return null;
	}

	private static boolean allDone(final List<Chunk> chunks, final Tier t) {
		final List<Chunk> l = tier(chunks, t);
		return !l.isEmpty() && l.stream().allMatch(c -> c.flags().done());
	}

	/** The reference chunk, or null. */
	public static Chunk reference(final List<Chunk> chunks) {
		for (final Chunk c : chunks)
			if (c.id().tier() == Tier.REF) return c;
		return null;
	}

	/** The chunks of a tier, by number. */
	public static List<Chunk> tier(final List<Chunk> chunks, final Tier t) {
		final List<Chunk> out = new ArrayList<>();
		for (final Chunk c : chunks)
			if (c.id().tier() == t) out.add(c);
		out.sort(Comparator.comparingInt(c -> c.id().index()));
		return out;
	}

	/**
	 * The chunks of a tier the next tier may take, in order: those not claimed and not done, up to the first whose
	 * rejection is not complete yet (chunks are taken in order, never around one that is still running).
	 *
	 * @param allRejected no such chunk was met
	 */
	private record Ready(List<Chunk> chunks, boolean allRejected) {
	}

	private static Ready ready(final List<Chunk> tier, final Set<String> claimed) {
		final List<Chunk> out = new ArrayList<>();
		for (final Chunk c : tier) {
			if (claimed.contains(c.name()) || c.flags().done()) continue;
			if (!c.flags().rejectionComplete()) return new Ready(out, false);
			out.add(c);
		}
		return new Ready(out, true);
	}

	private static int count(final List<Chunk> chunks, final Tier t) {
		int n = 0;
		for (final Chunk c : chunks)
			if (c.id().tier() == t) n = Math.max(n, c.id().index());
		return n;
	}

	private static Set<String> claimed(final List<Chunk> chunks, final Set<Tier> by) {
		final Set<String> out = new HashSet<>();
		for (final Chunk c : chunks)
			if (by.contains(c.id().tier())) out.addAll(c.sources());
		return out;
	}

	private static List<Chunk> sorted(final List<Chunk> chunks) {
		final List<Chunk> l = new ArrayList<>(chunks);
		l.sort(Comparator.comparing(Chunk::id));
		return l;
	}
}
