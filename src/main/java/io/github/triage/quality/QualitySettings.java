package io.github.triage.quality;

/**
 * How planes are sampled and compared.
 *
 * @param sampleDepth Z planes sampled per slice for SSIM and variance (0 = all), linumpy's default 5
 * @param window      SSIM window side (odd), 7 as scikit-image
 */
public record QualitySettings(int sampleDepth, int window) {
	public static final QualitySettings DEFAULT = new QualitySettings(5, 7);

	public QualitySettings {
		if (sampleDepth < 0) throw new IllegalArgumentException("sample depth must be >= 0, got " + sampleDepth);
		if (window < 3 || window % 2 == 0) throw new IllegalArgumentException("SSIM window must be odd and >= 3, got " + window);
	}
}
