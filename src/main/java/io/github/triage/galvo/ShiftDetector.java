package io.github.triage.galvo;

/**
 * Stage 1 of the spec: find the first row of the galvo-return band in an AIP's A-line profile.
 * <p>
 * Profile p = row means, median filtered (width {@value #MEDIAN_WIDTH}). d[s] = |p[s] - p[s-1]|, and
 * similarity[s] = d[s]·d[s+n]: both edges of the band give large differences exactly n rows apart. The band
 * starts at the first argmax. Triage is circular throughout (differences, median and the pair search wrap
 * around the last row) because the A-line sweep is cyclic: a band that straddles the last row is found too,
 * which neither reference detector can do (their search stops at L - n).
 */
public final class ShiftDetector {
	/**
	 * Median width: linumpy's later code uses 5 (f51ef31 used 9). 5 keeps one-row soft edges from moving the
	 * detected start and is the same filter the presence score uses.
	 */
	public static final int MEDIAN_WIDTH = 5;

	private ShiftDetector() {
	}

	/** Detects the band from a row-mean profile (length L, one value per A-line). */
	public static ShiftDetection detect(final double[] rowMeans, final int nExtra) {
		final int L = rowMeans.length;
		checkSizes(L, nExtra);
		final double[] p = Profiles.median(rowMeans, MEDIAN_WIDTH, true);
		final double[] d = new double[L];
		for (int s = 0; s < L; s++)
			d[s] = Math.abs(p[s] - p[Math.floorMod(s - 1, L)]);
		final double[] sim = new double[L];
		int best = 0;
		for (int s = 0; s < L; s++) {
			sim[s] = d[s] * d[(s + nExtra) % L];
			if (sim[s] > sim[best]) best = s; // strict: the first argmax wins ties
		}
		if (!(sim[best] > 0)) // a flat profile has no band: report it where a clean tile has it
			return new ShiftDetection(L, nExtra, p, sim, L - nExtra, 0, false);
		return new ShiftDetection(L, nExtra, p, sim, best, ShiftDetection.shiftFor(L, nExtra, best), true);
	}

	static void checkSizes(final int rows, final int nExtra) {
		if (nExtra < 1) throw new IllegalArgumentException("n_extra must be at least 1, got " + nExtra + ".");
		if (nExtra >= rows)
			throw new IllegalArgumentException(
					"n_extra (" + nExtra + ") must be smaller than the tile height along the A-line axis (" + rows + ").");
	}
}
