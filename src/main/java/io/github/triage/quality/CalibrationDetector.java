package io.github.triage.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds calibration slices by thickness: among the first three slices (by id), those whose depth divided by the
 * median depth of all slices exceeds the ratio (spec default 1.5; linumpy's {@code detect_calibration_slice}).
 */
public final class CalibrationDetector {
	public static final double DEFAULT_RATIO = 1.5;

	private CalibrationDetector() {
	}

	/**
	 * @param ids    slice ids sorted by id
	 * @param depths their depths (Z planes), same order
	 * @return the ids of calibration slices, in id order
	 */
	public static List<String> detect(final List<String> ids, final int[] depths, final double ratio) {
		if (ids.size() != depths.length) throw new IllegalArgumentException("one depth per slice");
		final int[] valid = Arrays.stream(depths).filter(d -> d > 0).sorted().toArray();
		final List<String> out = new ArrayList<>();
		if (valid.length == 0) return out;
		final int m = valid.length;
		final double median = m % 2 == 1 ? valid[m / 2] : (valid[m / 2 - 1] + valid[m / 2]) / 2.0;
		for (int i = 0; i < Math.min(3, ids.size()); i++)
			if (depths[i] > 0 && depths[i] / median > ratio) out.add(ids.get(i));
		return out;
	}
}
