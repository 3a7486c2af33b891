package io.github.triage.cavg;

import java.util.Locale;

import io.github.triage.slice.PlainNumbers;

/**
 * The rejector's verdict on one class: the four per-criterion flags (each true when that criterion on its own
 * rejects the class), the cumulative state, and the numbers behind each decision. Immutable.
 */
public final class ClassDecision {

	/**
	 * Numbers behind the mask-geometry decision (criterion 3).
	 *
	 * @param otsuThreshold        Otsu threshold of the edge-normalised, 30 Å low-passed image (image units)
	 * @param foregroundPixels     pixels at or above the threshold
	 * @param components           8-connected foreground components before pruning
	 * @param componentsPruned     components dropped as spanning the image
	 * @param componentsKept       components surviving pruning (0 rejects)
	 * @param largestPixels        pixel count of the largest surviving component (0 when none)
	 * @param maxCentroidDistPx    largest centroid distance from the centre over surviving components (NaN when none)
	 * @param centroidsOutside     surviving components whose centroid is beyond the mask radius (any rejects)
	 * @param pxOutsideDisc        pixels of the largest surviving component outside the mask disc (-1 when none)
	 * @param maskRadiusPx         the mask radius used (px)
	 */
	public record MaskMeasures(double otsuThreshold, int foregroundPixels, int components, int componentsPruned,
			int componentsKept, int largestPixels, double maxCentroidDistPx, int centroidsOutside, int pxOutsideDisc,
			double maskRadiusPx) {
	}

	/**
	 * Numbers behind the local-variance decision (criterion 4).
	 *
	 * @param otsuThreshold    Otsu threshold of the edge-normalised, 10 Å low-passed image
	 * @param foregroundPixels pixels at or above it
	 * @param scoreIn          mean 21×21 local variance over the foreground (0 when empty)
	 * @param scoreOut         the same over the background
	 * @param zeroScores       both scores within 1e-6 of 0: rejected outright, left out of the statistics
	 * @param zIn              robust z of scoreIn over the stack's non-zero classes (NaN for zero classes)
	 * @param zOut             robust z of scoreOut
	 */
	public record LocalVarianceMeasures(double otsuThreshold, int foregroundPixels, double scoreIn, double scoreOut,
			boolean zeroScores, double zIn, double zOut) {
	}

	private final int classNumber;
	private final boolean population, resolution, mask, localVariance;
	private final long roundedPopulation, populationThreshold;
	private final double resolutionA, resolutionThresholdA;
	private final double lvStrong, lvWeak;
	private final MaskMeasures maskMeasures;
	private final LocalVarianceMeasures lvMeasures;
	private final String maskFailure;

	ClassDecision(final int classNumber, final boolean population, final boolean resolution, final boolean mask,
			final boolean localVariance, final long roundedPopulation, final long populationThreshold,
			final double resolutionA, final double resolutionThresholdA, final double lvStrong, final double lvWeak,
			final MaskMeasures maskMeasures, final String maskFailure, final LocalVarianceMeasures lvMeasures) {
		this.classNumber = classNumber;
		this.population = population;
		this.resolution = resolution;
		this.mask = mask;
		this.localVariance = localVariance;
		this.roundedPopulation = roundedPopulation;
		this.populationThreshold = populationThreshold;
		this.resolutionA = resolutionA;
		this.resolutionThresholdA = resolutionThresholdA;
		this.lvStrong = lvStrong;
		this.lvWeak = lvWeak;
		this.maskMeasures = maskMeasures;
		this.maskFailure = maskFailure;
		this.lvMeasures = lvMeasures;
	}

	/** 1-based class number. */
	public int classNumber() {
		return classNumber;
	}

	/** True when no criterion rejects the class. */
	public boolean kept() {
		return !(population || resolution || mask || localVariance);
	}

	/** 1 kept, 0 rejected (SIMPLE's class state). */
	public int state() {
		return kept() ? 1 : 0;
	}

	/** Population criterion on its own rejects the class. */
	public boolean populationRejects() {
		return population;
	}

	/** Resolution criterion on its own rejects the class. */
	public boolean resolutionRejects() {
		return resolution;
	}

	/** Mask-geometry criterion on its own rejects the class. */
	public boolean maskRejects() {
		return mask;
	}

	/** Local-variance criterion on its own rejects the class. */
	public boolean localVarianceRejects() {
		return localVariance;
	}

	/** The class population rounded to the nearest integer, as compared. */
	public long roundedPopulation() {
		return roundedPopulation;
	}

	/** Population threshold of the stack: ceiling(sum(pop) × fraction); pop below it rejects. */
	public long populationThreshold() {
		return populationThreshold;
	}

	public double resolutionA() {
		return resolutionA;
	}

	public double resolutionThresholdA() {
		return resolutionThresholdA;
	}

	/** Local-variance (strong, weak) thresholds applied. */
	public double lvStrong() {
		return lvStrong;
	}

	public double lvWeak() {
		return lvWeak;
	}

	public MaskMeasures maskMeasures() {
		return maskMeasures;
	}

	public LocalVarianceMeasures localVarianceMeasures() {
		return lvMeasures;
	}

	/** Why the mask criterion rejected the class ({@code no component}, {@code off-centre}, {@code outside disc}), or "". */
	public String maskFailure() {
		return maskFailure;
	}

	/** A short human-readable reason: {@code kept}, or the rejecting criteria with their numbers, "; "-separated. */
	public String reason() {
		if (kept()) return "kept";
		final StringBuilder sb = new StringBuilder();
		if (population) append(sb, String.format(Locale.ROOT, "pop %d<%d", roundedPopulation, populationThreshold));
		if (resolution) append(sb, Double.isInfinite(resolutionA)
				? "res unresolved (inf)>" + PlainNumbers.format(resolutionThresholdA) + " Å"
				: "res " + PlainNumbers.format(resolutionA) + ">" + PlainNumbers.format(resolutionThresholdA) + " Å");
		if (mask) append(sb, "mask: " + maskFailure);
		if (localVariance) append(sb, lvMeasures.zeroScores() ? "locvar: zero"
				: String.format(Locale.ROOT, "locvar: z %.2f/%.2f", lvMeasures.zIn(), lvMeasures.zOut()));
		return sb.toString();
	}

	private static void append(final StringBuilder sb, final String s) {
		if (sb.length() > 0) sb.append("; ");
		sb.append(s);
	}

	@Override
	public String toString() {
		return "class " + classNumber + ": " + reason();
	}
}
