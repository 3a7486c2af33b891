package io.github.triage.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keep/reject decisions from the scores: the first {@code excludeFirst} slices and (with detection on) thick
 * slices among the first three are calibration slices (use=false, note {@code calibration_slice}); a slice scoring
 * below {@code minQuality} gets use=false and the note {@code low_quality (quality_score<Q)}.
 */
public final class QualityDecisions {
	public static final String CALIBRATION_NOTE = "calibration_slice";

	/** Options of the decision step. minQuality 0 keeps every slice (report only, as linumpy's default). */
	public record Options(int excludeFirst, boolean detectCalibration, double calibrationRatio, double minQuality) {
		/** The spec's default: the first slice is the calibration slice. */
		public static final int EXCLUDE_FIRST = 1;
		public static final double CALIBRATION_RATIO = CalibrationDetector.DEFAULT_RATIO;
		public static final double MIN_QUALITY = 0;
		public static final Options DEFAULT = new Options(EXCLUDE_FIRST, false, CALIBRATION_RATIO, MIN_QUALITY);

		public Options {
			if (excludeFirst < 0) throw new IllegalArgumentException("exclude-first must be >= 0, got " + excludeFirst);
			if (!(calibrationRatio > 0))
				throw new IllegalArgumentException("the calibration ratio must be > 0, got " + calibrationRatio);
			if (!(minQuality >= 0 && minQuality <= 1))
				throw new IllegalArgumentException("the minimum quality must be in [0, 1], got " + minQuality);
		}
	}

	/** One slice's decision. {@code note} is empty when the slice is kept. */
	public record Decision(String sliceId, boolean use, double qualityScore, boolean calibration,
			boolean calibrationDetected, boolean lowQuality, String note) {
	}

	private QualityDecisions() {
	}

	public static List<Decision> decide(final List<SliceQuality> results, final Options o) {
		final List<String> ids = new ArrayList<>();
		final int[] depths = new int[results.size()];
		for (int i = 0; i < results.size(); i++) {
			ids.add(results.get(i).sliceId());
			depths[i] = results.get(i).depth();
		}
		final Set<String> detected = o.detectCalibration()
				? new HashSet<>(CalibrationDetector.detect(ids, depths, o.calibrationRatio()))
				: Set.of();
		final List<Decision> out = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			final SliceQuality q = results.get(i);
			final boolean isDetected = detected.contains(q.sliceId());
			final boolean calibration = i < o.excludeFirst() || isDetected;
			final boolean low = o.minQuality() > 0 && q.qualityScore() < o.minQuality();
			final String note = calibration ? CALIBRATION_NOTE : low ? lowQualityNote(o.minQuality()) : "";
			out.add(new Decision(q.sliceId(), !calibration && !low, q.qualityScore(), calibration, isDetected, low, note));
		}
		return out;
	}

	/** {@code low_quality (quality_score<0.3)}, the threshold written as given (no trailing zeros). */
	public static String lowQualityNote(final double minQuality) {
		return "low_quality (quality_score<" + BigDecimal.valueOf(minQuality).stripTrailingZeros().toPlainString() + ")";
	}
}
