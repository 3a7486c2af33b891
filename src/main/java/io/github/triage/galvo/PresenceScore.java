package io.github.triage.galvo;

/**
 * Stage 3 result: how clearly a galvo-return band is present at the detected position.
 *
 * @param score          0.5·contrast + 0.3·sharpness + 0.2·anomaly, in [0, 1]
 * @param contrast       relative |image - return| intensity difference, 15 % or more → 1
 * @param sharpness      strongest edge at the window's boundaries against 3× the 75th percentile of all edges
 * @param anomaly        z-score of the return intensity against the profile's spread, above 1.5 → (z-1.5)/3
 * @param windowStart    first row of the scored window (see {@link PresenceScorer})
 * @param imageMean      mean intensity of the image regions around the window
 * @param returnMean     mean intensity of the window
 * @param interpretation the spec's reading of the score
 */
public record PresenceScore(double score, double contrast, double sharpness, double anomaly, int windowStart,
		double imageMean, double returnMean, Interpretation interpretation) {

	static PresenceScore zero(final int windowStart) {
		return new PresenceScore(0, 0, 0, 0, windowStart, Double.NaN, Double.NaN, Interpretation.NONE);
	}
}
