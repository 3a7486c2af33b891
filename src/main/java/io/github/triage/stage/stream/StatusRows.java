package io.github.triage.stage.stream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.triage.cavg.Tier;
import io.github.triage.cavg.stream.Chunk;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.cavg.stream.Sentinel;

/** The rows of status.csv: one per chunk, its state as the run sees it (running, queued, or from its sentinels). */
final class StatusRows {
	private StatusRows() {
	}

	/**
	 * @param messages    why a chunk failed, as this run knows it (else from its REJECTION_FAILED)
	 * @param classCounts class and rejected-class counts per rejected chunk, cached (filled and emptied here)
	 */
	static List<List<String>> of(final Collection<Chunk> chunks, final Set<ChunkId> running,
			final Map<ChunkId, String> messages, final Map<ChunkId, String[]> classCounts,
			final Function<ChunkId, ChunkFolder> folder) {
		final List<List<String>> rows = new ArrayList<>();
		for (final Chunk c : chunks) {
			final ChunkFolder f = folder.apply(c.id());
			String state = c.flags().state();
			if (running.contains(c.id())) state = "running";
			else if (c.flags().needsClassification()) state = "queued";
			// an override rewrites REJECTION_FINISHED last: no record yet, nothing cached
			final String[] counts = classCounts.computeIfAbsent(c.id(), id -> c.flags().rejectionComplete()
					&& !c.flags().failed() && f.has(Sentinel.REJECTION_FINISHED)
							? ChunkWork.classCounts(f.record(Sentinel.REJECTION_FINISHED)) : null);
			String msg = messages.get(c.id());
			if (msg == null && c.flags().failed()) msg = f.record(Sentinel.REJECTION_FAILED).getOrDefault("reason", "");
			final List<String> src = c.id().tier() == Tier.P1
					? c.sources().stream().map(s -> Path.of(s).getFileName().toString()).toList() : c.sources();
			rows.add(List.of(c.name(), ChunkId.prefix(c.id().tier()), state, Integer.toString(c.particles()),
					c.selected() >= 0 ? Integer.toString(c.selected()) : "", counts != null ? counts[0] : "",
					counts != null ? counts[1] : "", String.join(" ", src), msg == null ? "" : msg));
			if (counts == null) classCounts.remove(c.id());
		}
		return rows;
	}
}
