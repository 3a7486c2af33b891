package io.github.triage.stage.oct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.Listener;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.report.ReportStage;

/**
 * The run's last step: report.html, written by {@link ReportStage} from the run's files, with the run's settings and
 * what each step did listed with the settings, the run's warnings in the summary, and the run's date.
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
 * @param warnings        the run's warnings (each prefixed with its step; a skipped step's from its record)
 * @param date            the run's date
 */
record OctReport(Path sliceConfig, Path qualityReport, Path diagnostics, Path shifts, Path correctedShifts,
		Path metrics, Path mosaics, Path volume, Path output, double minQuality, double galvoThreshold,
		double zCorrThreshold, Map<String, Map<String, String>> settings, List<String> steps, List<String> warnings,
		String date) {

	/** Writes {@link #output()} through the report stage; returns a one-line summary. */
	String write(final ImageOps ops, final Listener listener) throws IOException {
		// The report lists the settings; the run adds what each step did as one more group.
		final Map<String, Map<String, String>> all = new LinkedHashMap<>(settings);
		final Map<String, String> stepGroup = new LinkedHashMap<>();
		steps.forEach(line -> {
			final int colon = line.indexOf(": ");
			stepGroup.put(line.substring(0, colon), line.substring(colon + 2));
		});
		all.put("steps of this run", stepGroup);
		final ReportStage.Options o = ReportStage.Options.defaults(sliceConfig, output)
				.withInputs(java.nio.file.Files.isRegularFile(qualityReport) ? qualityReport : null, diagnostics,
						shifts, correctedShifts, metrics, mosaics, volume)
				.withThresholds(minQuality, galvoThreshold, zCorrThreshold).withSettings(all)
				.withRun(date, List.copyOf(warnings));
		final ReportStage.Result r = new ReportStage().run(o, ops, listener);
		return "wrote " + output.getFileName() + " (" + r.summary().used() + " of " + r.summary().slices()
				+ " slices used, " + r.warnings().size() + " report warning(s))";
	}
}
