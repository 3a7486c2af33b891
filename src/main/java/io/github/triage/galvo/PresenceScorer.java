package io.github.triage.galvo;

/**
 * Stage 3 of the spec: the artifact-presence score of the band found by Stage 1, on the unfiltered row means.
 * <p>
 * The geometry follows linumpy f51ef31 ({@code detect_galvo_artifact_presence}), so that the score agrees with
 * the reference wherever the reference judges the band at all. Two things of that geometry are kept on purpose:
 * <ul>
 * <li>The reference scores the window that starts at {@code L - shift} = bandStart + n, i.e. the n rows that
 * follow the band, and its "image before" region then covers the band itself. The comparison still measures
 * the discontinuity at the band's trailing edge; we keep it because the score's numbers (and the spec's
 * thresholds tuned on them) come from it.</li>
 * <li>Regions are clipped at the tile's first and last rows, with the reference's margins.</li>
 * </ul>
 * Where the reference is wrong we follow the spec's meaning instead: it returns 0.1 whenever the band starts
 * within n rows of the end, at row 0, or wraps past the last row ("already at the edge"), although such tiles
 * still need a shift. Triage scores those bands too: the profile is rolled (it is cyclic) so the window sits in
 * the middle of the tile, and the same geometry is applied there.
 */
public final class PresenceScorer {
	/** Median width of the score's profile (the reference's). */
	public static final int MEDIAN_WIDTH = 5;
	static final double CONTRAST_FULL = 0.15;
	static final int MAX_MARGIN = 10;
	static final int MIN_REGION = 5;

	private PresenceScorer() {
	}

	/**
	 * Scores the band that starts at {@code bandStart} ({@code nExtra} rows, wrapping) in a row-mean profile.
	 * Bands thinner than {@value #MIN_REGION} rows score 0 (too thin to compare regions, as the reference).
	 */
	public static PresenceScore score(final double[] rowMeans, final int nExtra, final int bandStart) {
		final int L = rowMeans.length;
		ShiftDetector.checkSizes(L, nExtra);
		final int window = (bandStart + nExtra) % L; // the reference's window start, L - shift
		if (nExtra < MIN_REGION) return PresenceScore.zero(window);
		// The reference's own test for "inside the tile": n < shift < L - n.
		final boolean inside = bandStart > 0 && bandStart < L - 2 * nExtra;
		if (inside) return geometry(Profiles.median(rowMeans, MEDIAN_WIDTH, false), window, nExtra, window);
		final int centre = (L - nExtra) / 2;
		final double[] rolled = Profiles.roll(rowMeans, centre - window);
		return geometry(Profiles.median(rolled, MEDIAN_WIDTH, true), centre, nExtra, window);
	}

	/** The reference's regions and sub-scores with the window at {@code start} of profile {@code rm}. */
	private static PresenceScore geometry(final double[] rm, final int start, final int n, final int reportedStart) {
		final int L = rm.length;
		final double sd = Profiles.std(rm);
		if (sd < 1e-10) return PresenceScore.zero(reportedStart);
		final int end = Math.min(start + n, L);
		if (end - start < MIN_REGION) return PresenceScore.zero(reportedStart);
		final int margin = Math.min(MAX_MARGIN, Math.min(start / 2, (L - end) / 2));
		double regionSum = 0;
		int regions = 0;
		final int b = Math.max(0, start - n - margin);
		final int be = Math.min(L, Math.max(b + MIN_REGION, start - margin));
		if (be > b) {
			regionSum += Profiles.mean(rm, b, be);
			regions++;
		}
		final int a = Math.max(0, Math.min(end + margin, L - MIN_REGION));
		final int ae = Math.min(a + n + margin, L);
		if (ae > a) {
			regionSum += Profiles.mean(rm, a, ae);
			regions++;
		}
		if (regions == 0) return PresenceScore.zero(reportedStart);
		final double img = regionSum / regions;
		final double ret = Profiles.mean(rm, start, end);
		final double diff = Math.abs(img - ret); // absolute: brighter and darker bands both count
		final double contrast = img != 0 ? Math.min(1, diff / Math.abs(img) / CONTRAST_FULL) : diff > 0 ? 1 : 0;

		final double[] g = new double[L - 1];
		for (int i = 0; i < L - 1; i++)
			g[i] = Math.abs(rm[i + 1] - rm[i]);
		final double edge = Math.max(max(g, start - 5, start + 5), max(g, end - 6, end + 4));
		final double typical = 3 * Profiles.percentile(g, 75);
		final double sharpness = typical > 0 ? Math.min(1, edge / typical) : edge > 0 ? 1 : 0;

		final double z = diff / (sd + 1e-10);
		final double anomaly = z > 1.5 ? Math.min(1, (z - 1.5) / 3) : 0;
		final double score = Math.max(0, Math.min(1, 0.5 * contrast + 0.3 * sharpness + 0.2 * anomaly));
		return new PresenceScore(score, contrast, sharpness, anomaly, reportedStart, img, ret,
				Interpretation.of(score));
	}

	/** Max of g over [from, to) clipped to the array (Python slice semantics); 0 when empty. */
	private static double max(final double[] g, final int from, final int to) {
		double m = 0;
		for (int i = Math.max(0, from); i < Math.min(g.length, to); i++)
			m = Math.max(m, g[i]);
		return m;
	}
}
