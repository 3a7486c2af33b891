package io.github.triage.stage.oct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.triage.Listener;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;

/**
 * The run's last step: report.html. The inputs are those of the report stage ({@code stage.report.ReportStage},
 * being built on its own branch); until it is on main, {@link #write} writes a plain page (the run's steps, its
 * warnings, the audit trail). When the report stage lands, {@link #write} maps {@link Inputs} to its options and
 * nothing else changes.
 *
 * @param sliceConfig     the final slice_config
 * @param qualityReport   quality_report.csv, or null
 * @param diagnostics     folder of per-slice JSON diagnostics (the run's output folder)
 * @param shifts          shifts as given, or null
 * @param correctedShifts shifts after rehoming correction, or null
 * @param metrics         folder of pairwise registration metrics, or null
 * @param mosaics         folder of slice mosaics
 * @param volume          the assembled volume, or null
 * @param output          report.html
 * @param minQuality      quality threshold
 * @param galvoThreshold  galvo threshold, NaN without galvo detection
 * @param zCorrThreshold  auto-exclusion threshold, NaN without it
 * @param settings        the run's settings, group → name → value
 * @param steps           one line per step (what it did, or that it was unchanged)
 * @param warnings        the run's warnings
 */
record OctReport(Path sliceConfig, Path qualityReport, Path diagnostics, Path shifts, Path correctedShifts,
		Path metrics, Path mosaics, Path volume, Path output, double minQuality, double galvoThreshold,
		double zCorrThreshold, Map<String, Map<String, String>> settings, List<String> steps, List<String> warnings) {

	/** Writes {@link #output()}; returns a one-line summary. */
	String write(final ImageOps ops, final Listener listener) throws IOException {
		return plainPage();
	}

	/** A stand-in until the report stage is on main: readable, self-contained, no images. */
	private String plainPage() throws IOException {
		final SliceConfig c = SliceConfigFiles.read(sliceConfig);
		final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
				+ "<title>Triage OCT run</title></head><body>\n<h1>Triage OCT run</h1>\n");
		h.append("<p>").append(c.filterSlicesToUse().size()).append(" of ").append(c.size())
				.append(" slices used; force-skipped at stacking: ").append(esc(String.join(" ", c.forceSkipSlices())))
				.append("</p>\n<h2>Steps</h2>\n<ul>\n");
		steps.forEach(s -> h.append("<li>").append(esc(s)).append("</li>\n"));
		h.append("</ul>\n<h2>Warnings</h2>\n<ul>\n");
		warnings.forEach(s -> h.append("<li>").append(esc(s)).append("</li>\n"));
		h.append("</ul>\n<h2>Audit trail</h2>\n<table border=\"1\">\n<tr>");
		c.columns().forEach(col -> h.append("<th>").append(esc(col)).append("</th>"));
		h.append("</tr>\n");
		for (final String id : c.ids()) {
			h.append("<tr>");
			c.columns().forEach(col -> h.append("<td>").append(esc(c.get(id, col))).append("</td>"));
			h.append("</tr>\n");
		}
		h.append("</table>\n<h2>Settings</h2>\n<table border=\"1\">\n");
		settings.forEach((group, values) -> values.forEach((k, v) -> h.append("<tr><td>").append(esc(group))
				.append("</td><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n")));
		h.append("</table>\n</body></html>\n");
		AtomicFiles.writeString(output, h.toString());
		return "wrote " + output.getFileName() + " (plain page: the full report is not built yet)";
	}

	private static String esc(final String s) {
		return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
