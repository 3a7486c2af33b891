package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

import io.github.triage.cavg.stream.ChunkFlags;
import io.github.triage.cavg.stream.ChunkId;

/**
 * The selected-particle count of each rejected chunk, read from its selected-particle file and read again only when
 * that file changes (a {@code cavg override} on the chunk rewrites it): the next tier is composed from what the
 * chunk selects now, and an unchanged file costs a stat, not a parse.
 */
final class SelectedCounts {
	private record Seen(long size, long modified, Object key, int count) {
	}

	private final Map<ChunkId, Seen> seen = new HashMap<>();

	/** The count, or -1 when the chunk's rejection has not finished (or failed). */
	int of(final ChunkFolder f, final ChunkFlags flags) {
		if (!flags.rejectionComplete() || flags.failed()) return -1;
		final Path file = f.dir.resolve(ChunkFolder.PARTICLES_SELECTED);
		BasicFileAttributes a = null;
		try {
			a = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (final IOException e) {
			// absent: selected() says so with the file's name
		}
		final Seen s = seen.get(f.id);
		if (a != null && s != null && s.size == a.size() && s.modified == a.lastModifiedTime().toMillis()
				&& java.util.Objects.equals(s.key, a.fileKey()))
			return s.count;
		final int n = f.selected().size();
		if (a != null) seen.put(f.id, new Seen(a.size(), a.lastModifiedTime().toMillis(), a.fileKey(), n));
		return n;
	}
}
