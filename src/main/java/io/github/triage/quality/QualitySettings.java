package io.github.triage.quality;

/**
 * How planes are sampled and compared.
 *
 * @param sampleDepth Z planes sampled per slice for SSIM and variance (0 = all), linumpy's default 5
 * @param window      SSIM window side (odd), 7 as scikit-image
 */
public record QualitySettings(int sampleDepth, int window) {
	/** linumpy's default sample depth. */
	public static final int SAMPLE_DEPTH = 5;
	/** scikit-image's SSIM window. */
	public static final int WINDOW = 7;
	public static final QualitySettings DEFAULT = new QualitySettings(SAMPLE_DEPTH, WINDOW);

	/** {@code sampleDepth} planes with the default window. */
	public static QualitySettings ofSampleDepth(final int sampleDepth) {
		return new QualitySettings(sampleDepth, WINDOW);
	}

	public QualitySettings {
		if (sampleDepth < 0) throw new IllegalArgumentException("sample depth must be >= 0, got " + sampleDepth);
		if (window < 3 || window % 2 == 0) throw new IllegalArgumentException("SSIM window must be odd and >= 3, got " + window);
	}
}
