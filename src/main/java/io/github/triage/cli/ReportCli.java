package io.github.triage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.triage.io.report.ReportInputs;
import io.github.triage.io.report.SlicePictures;
import io.github.triage.stage.report.ReportStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code triage report SLICE_CONFIG -o report.html [inputs]}: the end-of-run HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Write one self-contained HTML report (images inline, no network, no script): summary, audit "
				+ "trail per slice, plots, a picture of each slice, the assembled volume, settings. Every input but "
				+ "SLICE_CONFIG is optional; its part of the report is left out without it.")
public final class ReportCli implements Callable<Integer> {
	@Parameters(index = "0", paramLabel = "SLICE_CONFIG", description = "The final slice_config.csv.")
	Path sliceConfig;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "HTML", description = "The report to write.")
	Path output;

	@Option(names = "--quality-report", paramLabel = "CSV", description = "quality_report.csv of the quality stage.")
	Path qualityReport;

	@Option(names = "--diagnostics", paramLabel = "DIR",
			description = "Folder of per-slice JSON diagnostics (searched recursively): settings and thresholds.")
	Path diagnostics;

	@Option(names = "--shifts", paramLabel = "CSV", description = "Pairwise shifts (shifts_xy.csv) before rehoming.")
	Path shifts;

	@Option(names = "--corrected-shifts", paramLabel = "CSV", description = "Shifts after rehoming correction.")
	Path correctedShifts;

	@Option(names = "--metrics", paramLabel = "DIR", description = "Folder of pairwise registration metrics (z-correlation).")
	Path metrics;

	@Option(names = "--mosaics", paramLabel = "DIR", description = "Folder of slice mosaics: a picture of each slice.")
	Path mosaics;

	@Option(names = "--volume", paramLabel = "ZARR", description = "The assembled volume (OME-Zarr or TIFF): orthogonal views.")
	Path volume;

	@Option(names = "--warnings", paramLabel = "TXT",
			description = "The run's warnings, one a line (e.g. collected from the steps' logs): listed first in the summary.")
	Path warnings;

	@Option(names = "--min-quality", paramLabel = "Q",
			description = "Quality threshold to draw (default: as the quality diagnostics say).")
	Double minQuality;

	@Option(names = "--galvo-threshold", paramLabel = "T",
			description = "Galvo confidence threshold to draw (default: as the galvo diagnostics say, else the galvo default).")
	Double galvoThreshold;

	@Option(names = "--z-corr-threshold", paramLabel = "T", description = "Auto-exclusion z-correlation threshold to draw.")
	Double zCorrThreshold;

	@Option(names = "--thumbnail", paramLabel = "AIP|MID", description = "Slice picture: average over depth or mid-depth plane.")
	SlicePictures.Projection projection = ReportStage.Options.PROJECTION;

	@Option(names = "--thumbnail-size", paramLabel = "PX", description = "Longest side of a slice picture.")
	int thumbnailSize = ReportStage.Options.THUMBNAIL_SIZE;

	@Option(names = "--title", paramLabel = "TEXT", description = "Title of the report.")
	String title = ReportStage.Options.TITLE;

	@Option(names = { "-q", "--quiet" }, description = "No progress lines on stderr.")
	boolean quiet;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		final ReportStage.Options o = new ReportStage.Options(sliceConfig, qualityReport, diagnostics, shifts,
				correctedShifts, metrics, mosaics, volume, output, title, nan(minQuality), nan(galvoThreshold),
				nan(zCorrThreshold), projection, thumbnailSize, java.util.Map.of(), null, runWarnings());
		final ReportStage.Result r = new ReportStage().run(o, null, new CliListener(spec.commandLine().getErr(), quiet));
		spec.commandLine().getOut().println(r.written());
		spec.commandLine().getOut().flush();
		return 0;
	}

	private List<String> runWarnings() throws IOException {
		return warnings == null ? List.of() : ReportInputs.warnings(warnings);
	}

	private static double nan(final Double v) {
		return v == null ? Double.NaN : v;
	}
}
