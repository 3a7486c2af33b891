package io.github.triage.stage.stream;

import java.io.IOException;

import io.github.triage.Listener;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.cavg.RejectStage;

/** The chunk rejection through {@link RejectStage}, with the tier's thresholds. */
final class CavgChunkRejector implements ChunkRejector {
	@Override
	public void reject(final Request r, final ImageOps ops, final Listener listener) throws IOException {
		final RejectStage.Options o = RejectStage.Options
				.of(RejectStage.StackInput.file(r.stack()), r.classes(), r.mskdiam(), r.tier(), r.dir())
				.withParticles(r.particles()).withPixelSize(r.smpd());
		new RejectStage().run(o, ops, Listener.NONE);
	}
}
