package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Path;

import io.github.triage.demo.SyntheticParticleStars;

/** Synthetic per-micrograph particle STARs for stream tests (see {@link SyntheticParticleStars}). */
final class StreamFixtures {
	private StreamFixtures() {
	}

	static void micrographs(final Path dir, final int n, final int perMicrograph, final int junkEvery) throws IOException {
		SyntheticParticleStars.write(dir, n, perMicrograph, junkEvery);
	}
}
