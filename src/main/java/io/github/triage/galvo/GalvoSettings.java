package io.github.triage.galvo;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of slice-level detection. The defaults are defined here, once; stages and faces read them.
 *
 * @param nExtra       galvo-return rows of the acquisition
 * @param threshold    confidence at or above which the fix is applied (spec default 0.6)
 * @param nSamples     tiles above min_intensity to examine (default 5); at most 3× as many candidates are read
 * @param minIntensity tiles whose mean is below this are background and skipped (default 20)
 */
public record GalvoSettings(int nExtra, double threshold, int nSamples, double minIntensity) {
	public static final double DEFAULT_THRESHOLD = 0.6;
	public static final int DEFAULT_N_SAMPLES = 5;
	public static final double DEFAULT_MIN_INTENSITY = 20.0;

	public GalvoSettings {
		final List<String> problems = problems(nExtra, threshold, nSamples, minIntensity);
		if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0));
	}

	public static GalvoSettings defaults(final int nExtra) {
		return new GalvoSettings(nExtra, DEFAULT_THRESHOLD, DEFAULT_N_SAMPLES, DEFAULT_MIN_INTENSITY);
	}

	/** Everything wrong with these values (empty when they make settings), so a stage can report all at once. */
	public static List<String> problems(final int nExtra, final double threshold, final int nSamples,
			final double minIntensity) {
		final List<String> out = new ArrayList<>();
		if (nExtra < 1) out.add("n_extra must be at least 1, got " + nExtra + ".");
		out.addAll(thresholdProblems(threshold));
		if (nSamples < 1) out.add("n_samples must be at least 1, got " + nSamples + ".");
		if (!Double.isFinite(minIntensity)) out.add("min_intensity must be a number, got " + minIntensity + ".");
		return out;
	}

	/** The threshold must lie in [0, 1]. */
	public static List<String> thresholdProblems(final double threshold) {
		return threshold >= 0 && threshold <= 1 ? List.of()
				: List.of("threshold must be in [0, 1], got " + threshold + ".");
	}
}
