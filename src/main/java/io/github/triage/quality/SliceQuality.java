package io.github.triage.quality;

/**
 * The raw quality metrics of one slice, kept for diagnostics and reports (slice_config only gets the score).
 * Per-neighbour SSIM is 0 where that neighbour does not exist, as in the reference.
 *
 * @param previousId the previous available slice, or null
 * @param nextId     the next available slice, or null
 * @param hasData    false when the sampled planes are constant (the slice then scores 0 on every metric)
 */
public record SliceQuality(String sliceId, int depth, int height, int width, boolean hasData, String previousId,
		String nextId, double ssimBefore, double ssimAfter, double ssim, double edge, double variance,
		double qualityScore) {

	public static final double W_SSIM = 0.5, W_EDGE = 0.3, W_VARIANCE = 0.2;

	/** The spec's weighted score. */
	public static double score(final double ssim, final double edge, final double variance) {
		return W_SSIM * ssim + W_EDGE * edge + W_VARIANCE * variance;
	}
}
