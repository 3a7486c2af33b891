package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Path;

import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.ops.ImageOps;

/**
 * The per-chunk class-average rejection with its cleanup outputs: writes them and REJECTION_FINISHED into the
 * chunk folder, or REJECTION_FAILED and throws {@link io.github.triage.BadInputException} naming the reason.
 */
interface ChunkRejector {

	/**
	 * @param stack     the classifier's class averages
	 * @param classes   the class table (class,pop,res)
	 * @param particles the classifier's particle STAR (class per particle)
	 */
	record Request(Path dir, Tier tier, Path stack, Path classes, Path particles, double mskdiam, double smpd) {
	}

	void reject(Request request, ImageOps ops, Listener listener) throws IOException;
}
