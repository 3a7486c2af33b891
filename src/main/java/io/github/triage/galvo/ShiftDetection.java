package io.github.triage.galvo;

/**
 * Stage 1 result on one AIP: where the galvo-return band starts and the roll that moves it to the end.
 *
 * @param rows       A-lines of the tile including the return rows (L)
 * @param nExtra     galvo-return rows (n)
 * @param profile    the median-filtered row-mean profile the search ran on (length L)
 * @param similarity d[s]·d[s+n] for every start s (circular, length L)
 * @param bandStart  first row of the band, 0-based; the band is rows (bandStart + k) mod L, k &lt; n
 * @param shift      roll along the A-line axis, in [0, L): after it the band occupies exactly the last n rows
 * @param found      false when the profile has no edge at all (flat): then bandStart = L - n and shift = 0
 */
public record ShiftDetection(int rows, int nExtra, double[] profile, double[] similarity, int bandStart, int shift,
		boolean found) {

	public ShiftDetection {
		profile = profile.clone(); // immutable: arrays are copied in and out
		similarity = similarity.clone();
	}

	@Override
	public double[] profile() {
		return profile.clone();
	}

	@Override
	public double[] similarity() {
		return similarity.clone();
	}

	/** The roll that moves a band starting at {@code bandStart} into the last {@code nExtra} of {@code rows}. */
	public static int shiftFor(final int rows, final int nExtra, final int bandStart) {
		return Math.floorMod(rows - bandStart - nExtra, rows);
	}
}
