package io.github.triage.cavg;

import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.Progress;
import io.github.triage.ops.ImageOps;

/**
 * SIMPLE's class-average rejector (cluster2D_rejector, commit 0effd5fc): population, resolution, mask geometry and
 * local variance, applied in that order and cumulative. Every criterion is evaluated on every class, so a class
 * already rejected still counts in the local-variance statistics. Image kernels run through {@link ImageOps}.
 * <p>
 * Not thread-safe (reuses work buffers between calls); one instance per thread.
 */
public final class ClassAverageRejector {
	private final ImageOps ops;
	private final RejectionParams params;

	public ClassAverageRejector(final ImageOps ops, final RejectionParams params) {
		this.ops = ops;
		this.params = params;
	}

	public RejectionParams params() {
		return params;
	}

	/**
	 * Decides every class of a stack.
	 *
	 * @param images   one flat image per class (X fastest, box × box pixels), in class order
	 * @param box      box size in pixels (even in compat mode)
	 * @param stats    the class table, one row per image, in the same order
	 * @param progress told after each class; polled for cancellation
	 * @return one decision per class, in class order
	 * @throws BadInputException empty stack, image/table count mismatch (naming both counts), wrong image size,
	 *                           NaN/Inf pixels or a negative/NaN population (naming the class)
	 */
	public List<ClassDecision> reject(final float[][] images, final int box, final List<ClassStats> stats,
			final Progress progress) {
		throw new UnsupportedOperationException("not yet");
	}
}
