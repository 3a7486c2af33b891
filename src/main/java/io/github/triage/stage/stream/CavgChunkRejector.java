package io.github.triage.stage.stream;

import java.io.IOException;

import io.github.triage.Listener;
import io.github.triage.cavg.RejectionJob;
import io.github.triage.ops.ImageOps;

/** The chunk rejection through Triage's class-average rejector, with the tier's thresholds. */
final class CavgChunkRejector implements ChunkRejector {
	@Override
	public void reject(final Request r, final ImageOps ops, final Listener listener) throws IOException {
		RejectionJob.runFiles(r.stack(), r.classes(), r.particles(),
				new RejectionJob.Settings(r.tier(), r.mskdiam(), r.smpd(), false), ops, r.dir(), Listener.NONE, m -> {
				});
	}
}
