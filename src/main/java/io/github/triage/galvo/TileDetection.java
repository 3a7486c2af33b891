package io.github.triage.galvo;

/**
 * Stages 1 and 3 on one tile (or AIP): band position, shift and presence score, plus the AIP mean that the
 * slice-level sampling compares with min_intensity.
 *
 * @param name     the tile's name (file name), for diagnostics and errors
 * @param aipMean  mean of the AIP (= of the tile)
 * @param rowMeans unfiltered A-line profile (row means of the AIP)
 * @param shift    Stage 1 result (band start, shift, filtered profile, similarity curve)
 * @param presence Stage 3 result (score and its three parts)
 */
public record TileDetection(String name, double aipMean, double[] rowMeans, ShiftDetection shift,
		PresenceScore presence) {

	public TileDetection {
		rowMeans = rowMeans.clone(); // immutable: the array is copied in and out
	}

	@Override
	public double[] rowMeans() {
		return rowMeans.clone();
	}

	/** The same detection under another name. */
	public TileDetection withName(final String newName) {
		return new TileDetection(newName, aipMean, rowMeans, shift, presence);
	}

	public int bandStart() {
		return shift.bandStart();
	}

	/** The roll that puts the detected band exactly into the last n_extra rows. */
	public int detectedShift() {
		return shift.shift();
	}

	/**
	 * Confidence used by the report at the slice level and for the tile's decision, i.e. how likely a
	 * misplaced return band is: 0 when no band was found; {@value #AT_END_CONFIDENCE} when the band already
	 * occupies exactly the last n_extra rows (nothing to fix; the reference's value for a band at the edge, which
	 * keeps clean slices below the threshold as the spec's columns require: galvo_fix true ⇔ confidence ≥
	 * threshold); otherwise the presence score of the band ({@link #presence()} always holds the band's score).
	 */
	public double confidence() {
		if (!shift.found()) return 0;
		return shift.shift() == 0 ? AT_END_CONFIDENCE : presence.score();
	}

	/** Confidence of a band that is already where it belongs. */
	public static final double AT_END_CONFIDENCE = 0.1;

	/** The shift to apply at {@code threshold}: the detected one when confident enough, else 0. */
	public int shiftAt(final double threshold) {
		return confidence() >= threshold ? detectedShift() : 0;
	}
}
