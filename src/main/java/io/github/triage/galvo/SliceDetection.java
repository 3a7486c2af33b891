package io.github.triage.galvo;

import java.util.List;

/**
 * Stage 2 result for one slice.
 *
 * @param slice           slice name (folder name)
 * @param settings        parameters used
 * @param nTiles          tiles in the slice
 * @param examined        names of the candidate tiles read, in the order they were examined
 * @param skipped         candidates whose mean was below min_intensity (background)
 * @param detections      tile detections of the candidates that passed min_intensity, in examination order
 * @param best            the tile at the centre of the consensus band (its shift is the slice's); null when none
 * @param agreeing        names of the detected tiles whose shift lies within the tolerance of the best one
 *                        (best included): the consensus
 * @param confidence      median confidence of the agreeing tiles × sqrt(agreeing / detections)
 * @param shift           the shift to apply: the best tile's shift when confidence ≥ threshold, else 0
 * @param galvoFix        whether a fix is applied: confidence ≥ threshold and a non-zero shift
 */
public record SliceDetection(String slice, GalvoSettings settings, int nTiles, List<String> examined,
		List<Skipped> skipped, List<TileDetection> detections, TileDetection best, List<String> agreeing,
		double confidence, int shift, boolean galvoFix) {

	/** A candidate skipped as background. */
	public record Skipped(String name, double mean) {
	}

	public SliceDetection {
		examined = List.copyOf(examined);
		skipped = List.copyOf(skipped);
		detections = List.copyOf(detections);
		agreeing = List.copyOf(agreeing);
	}

	/** How many detected tiles agree on the chosen band. */
	public int consistent() {
		return agreeing.size();
	}

	/** The reason for the decision, short, for notes and logs. */
	public String reason() {
		if (detections.isEmpty()) return "no tile above min_intensity " + settings.minIntensity();
		if (!(confidence >= settings.threshold()) && best.detectedShift() == 0)
			return "band already at the end";
		if (!(confidence >= settings.threshold()))
			return String.format(java.util.Locale.ROOT, "confidence %.3f < threshold %.2f", confidence,
					settings.threshold());
		if (shift == 0) return "band already at the end";
		return String.format(java.util.Locale.ROOT, "shift %d (band start %d)", shift, best.bandStart());
	}
}
