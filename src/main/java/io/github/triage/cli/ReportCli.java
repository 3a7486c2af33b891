package io.github.triage.cli;

import java.io.IOException;
import java.util.List;

import io.github.triage.io.report.ReportInputs;
import io.github.triage.stage.report.ReportStage;
import picocli.CommandLine.Command;

/** {@code triage report SLICE_CONFIG -o report.html [inputs]}: the end-of-run HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Write one self-contained HTML report (images inline, no network, no script): summary, audit "
				+ "trail per slice, plots, a picture of each slice, the assembled volume, settings. Every input but "
				+ "SLICE_CONFIG is optional; its part of the report is left out without it.")
public final class ReportCli extends ReportFields {
	@Override
	void execute() throws Exception {
		final ReportStage.Options o = new ReportStage.Options(sliceConfig, qualityReport, diagnostics, shifts,
				correctedShifts, metrics, mosaics, volume, output, title, nan(minQuality), nan(galvoThreshold),
				nan(zCorrThreshold), projection, thumbnailSize, java.util.Map.of(), null, runWarnings());
		final ReportStage.Result r = new ReportStage().run(o, null, listener(quiet));
		printLines(List.of(r.written().toString()));
	}

	private List<String> runWarnings() throws IOException {
		return warnings == null ? List.of() : ReportInputs.warnings(warnings);
	}

	private static double nan(final Double v) {
		return v == null ? Double.NaN : v;
	}
}
