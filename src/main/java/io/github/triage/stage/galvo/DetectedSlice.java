package io.github.triage.stage.galvo;

import java.nio.file.Path;
import java.util.Locale;

import io.github.triage.galvo.SliceDetection;

/**
 * One slice folder's galvo decision.
 *
 * @param folder    the folder of its tiles
 * @param sliceId   the id its name gives ({@code slice_z03 → 03}); null when the name has none
 * @param detection what was decided, and from which tiles
 */
public record DetectedSlice(Path folder, String sliceId, SliceDetection detection) {

	/** One line for logs: the slice, its decision and the reason. */
	public String summary() {
		final SliceDetection d = detection;
		return String.format(Locale.ROOT, "galvo: slice %s: galvo_fix=%s confidence=%.3f (%s)",
				sliceId != null ? sliceId : folder.getFileName(), d.galvoFix(), d.confidence(), d.reason());
	}
}
