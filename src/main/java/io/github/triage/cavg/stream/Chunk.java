package io.github.triage.cavg.stream;

import java.util.List;

/**
 * A chunk as the rules see it.
 *
 * @param id        tier and number
 * @param sources   what it was made from, in order: micrograph names (pass-1) or chunk names (other tiers)
 * @param particles particles in its input
 * @param selected  particles kept by its rejection; -1 while unknown (not rejection complete, or failed)
 * @param flags     its lifecycle flags
 */
public record Chunk(ChunkId id, List<String> sources, int particles, int selected, ChunkFlags flags) {
	public Chunk {
		sources = List.copyOf(sources);
	}

	public Chunk withFlags(final ChunkFlags f) {
		return new Chunk(id, sources, particles, selected, f);
	}

	public Chunk withSelected(final int s) {
		return new Chunk(id, sources, particles, s, flags);
	}

	public String name() {
		return id.name();
	}
}
