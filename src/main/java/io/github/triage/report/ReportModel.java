package io.github.triage.report;

import java.util.List;

/**
 * Everything the report shows, built by the stage from the run's files and drawn by the renderer.
 *
 * @param columns    the slice_config columns of the audit rows, in file order
 * @param warnings   sanity warnings and problems met while reading inputs (each names its numbers or file)
 * @param orthoViews the assembled volume's mid planes (XY, XZ, YZ), empty when there is no volume
 */
public record ReportModel(String title, Provenance provenance, Summary summary, List<String> warnings,
		List<String> columns, List<SliceAudit.Row> audit, List<Plot> plots, List<Thumbnail> thumbnails,
		List<OrthoView> orthoViews) {

	/** A named view of the volume. */
	public record OrthoView(String name, Gray8 image) {
	}
}
