package io.github.triage.galvo;

/**
 * Parameters of slice-level detection.
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
		if (nExtra < 1) throw new IllegalArgumentException("n_extra must be at least 1, got " + nExtra + ".");
		if (!(threshold >= 0 && threshold <= 1))
			throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold + ".");
		if (nSamples < 1) throw new IllegalArgumentException("n_samples must be at least 1, got " + nSamples + ".");
		if (!Double.isFinite(minIntensity))
			throw new IllegalArgumentException("min_intensity must be a number, got " + minIntensity + ".");
	}

	public static GalvoSettings defaults(final int nExtra) {
		return new GalvoSettings(nExtra, DEFAULT_THRESHOLD, DEFAULT_N_SAMPLES, DEFAULT_MIN_INTENSITY);
	}
}
