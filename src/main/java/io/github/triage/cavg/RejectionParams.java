package io.github.triage.cavg;

/**
 * Everything the rejector needs besides the images and the class table. Build with {@link #of} (the tier's
 * thresholds) or the constructor; instances are immutable.
 *
 * @param tier           the pass the chunk belongs to (source of the default thresholds)
 * @param mskdiamA       mask diameter in Å
 * @param smpd           pixel size in Å/px
 * @param compatSimple   reproduce SIMPLE 0effd5fc exactly, quirks included (see docs/cavg-criteria.md)
 * @param popFraction    population criterion: reject pop &lt; ceiling(sum(pop) × popFraction)
 * @param resThresholdA  resolution criterion: reject res &gt; this (Å)
 * @param maskOutsidePx  mask criterion: reject when the largest component has more pixels than this outside the disc
 * @param lvStrong       local variance: strong robust-z threshold
 * @param lvWeak         local variance: weak robust-z threshold
 */
public record RejectionParams(Tier tier, double mskdiamA, double smpd, boolean compatSimple, double popFraction,
		double resThresholdA, double maskOutsidePx, double lvStrong, double lvWeak) {

	/** SIMPLE's RES_THRESHOLD. */
	public static final double RES_THRESHOLD_A = 40.0;
	/** SIMPLE's MASK_THRESHOLD (pixels of the largest component allowed outside the mask disc). */
	public static final double MASK_THRESHOLD_PX = 10.0;
	/** Low-pass limit of the mask criterion (Å). */
	public static final double MASK_LOWPASS_A = 30.0;
	/** Low-pass limit of the local-variance criterion (Å). */
	public static final double LV_LOWPASS_A = 10.0;
	/** Half-width of the local-variance window (21 × 21). */
	public static final int LV_HALF_WIDTH = 10;
	/** Scores at or below this (both regions) reject a class outright and leave it out of the statistics. */
	public static final double ZERO_SCORE_EPS = 1e-6;

	public RejectionParams {
		if (tier == null) throw new IllegalArgumentException("tier is required");
		if (!(mskdiamA > 0) || Double.isInfinite(mskdiamA))
			throw new IllegalArgumentException("Mask diameter must be a positive number of Å, got " + mskdiamA);
		if (!(smpd > 0) || Double.isInfinite(smpd))
			throw new IllegalArgumentException("Pixel size must be a positive number of Å/px, got " + smpd);
		if (!(popFraction >= 0 && popFraction < 1))
			throw new IllegalArgumentException("Population fraction must be in [0, 1), got " + popFraction);
		if (Double.isNaN(resThresholdA) || Double.isNaN(maskOutsidePx) || Double.isNaN(lvStrong) || Double.isNaN(lvWeak))
			throw new IllegalArgumentException("Thresholds must be numbers");
	}

	/** The tier's thresholds, default (spec) mode. */
	public static RejectionParams of(final Tier tier, final double mskdiamA, final double smpd) {
		return new RejectionParams(tier, mskdiamA, smpd, false, tier.popFraction, RES_THRESHOLD_A, MASK_THRESHOLD_PX,
				tier.lvStrong, tier.lvWeak);
	}

	public RejectionParams withCompatSimple(final boolean compat) {
		return new RejectionParams(tier, mskdiamA, smpd, compat, popFraction, resThresholdA, maskOutsidePx, lvStrong, lvWeak);
	}

	/** Mask radius in pixels: (mskdiam / smpd) / 2. */
	public double maskRadiusPx() {
		return mskdiamA / smpd / 2.0;
	}
}
