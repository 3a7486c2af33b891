package io.github.triage.stage.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.triage.Listener;
import io.github.triage.io.QualityReports;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.quality.QualityConfig;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.SliceQuality;
import io.github.triage.slice.DecisionSanity;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;

/**
 * What the whole-folder and the consolidating quality stages share, so that both routes decide and write alike:
 * which config to update, the report folder, and the report + slice_config writing (config last).
 */
final class QualityOutputs {
	static final String REPORT_CSV = "quality_report.csv", REPORT_PNG = "quality_report.png";

	private QualityOutputs() {
	}

	/**
	 * The one rule for updating an existing slice_config: a given {@code existingConfig} is read and updated (it
	 * must exist); otherwise, with {@code updateExisting}, the output file is updated when it exists (else a new
	 * config is written); otherwise a new config is written. The updated config always goes to {@code output}.
	 *
	 * @return the config to update, or null for a new one; a problem is recorded when it cannot be read
	 */
	static SliceConfig existing(final boolean updateExisting, final Path existingConfig, final Path output,
			final Problems problems, final Listener listener) throws IOException {
		Path from = existingConfig;
		if (from == null && updateExisting && output != null) {
			if (Files.isRegularFile(output)) from = output;
			else listener.info(output + " does not exist yet: writing a new config.");
		}
		if (from == null) return null;
		if (!Files.isRegularFile(from)) {
			problems.requireFile(from, "existing config");
			return null;
		}
		return problems.read(from, "existing config", SliceConfigFiles::read);
	}

	/** {@code reportDir}, or {@code <output without .csv>_quality} next to the output. */
	static Path reportDir(final Path reportDir, final Path output) {
		if (reportDir != null || output == null) return reportDir;
		final Path abs = output.toAbsolutePath();
		return abs.resolveSibling(abs.getFileName().toString().replaceAll("\\.csv$", "") + "_quality");
	}

	/**
	 * Writes the report CSV and plot into {@code reportDir}, then the config to {@code output} (last).
	 *
	 * @return the files written, in order
	 */
	static List<Path> writeReportAndConfig(final Path reportDir, final List<SliceQuality> metrics,
			final List<QualityDecisions.Decision> decisions, final double minQuality, final SliceConfig existing,
			final Path output, final Listener listener) throws IOException {
		final SliceConfig config = QualityConfig.apply(existing, decisions);
		sanity(decisions, minQuality).forEach(Listener.orNone(listener)::warning);
		final List<Path> written = new ArrayList<>();
		final Path csv = reportDir.resolve(REPORT_CSV), png = reportDir.resolve(REPORT_PNG);
		QualityReports.writeCsv(csv, metrics, decisions);
		written.add(csv);
		try {
			QualityReports.writePng(png, QualityReports.plot(metrics, decisions, minQuality));
			written.add(png);
		}
		catch (final LinkageError | InternalError e) {
			// A headless node without fonts cannot render the plot; the CSV report holds the same numbers.
			listener.warning("report plot not written (no fonts on this machine: " + e + ")");
		}
		SliceConfigFiles.write(config, output);
		written.add(output);
		return written;
	}

	/**
	 * The sanity warnings on the decisions (slice.DecisionSanity): over half of the slices not used, or every
	 * measured score within a hair of min_quality. Calibration slices are left out of the scores (they are not
	 * judged on theirs).
	 */
	static List<String> sanity(final List<QualityDecisions.Decision> decisions, final double minQuality) {
		final List<Double> scores = new ArrayList<>();
		int excluded = 0;
		for (final QualityDecisions.Decision d : decisions) {
			if (!d.use()) excluded++;
			if (!d.calibration()) scores.add(d.qualityScore());
		}
		return DecisionSanity.check("quality", excluded, decisions.size(), scores, minQuality);
	}

	/** A listener that also keeps every warning, for the per-slice diagnostics. */
	static final class Recording extends Listener.Forwarding {
		final List<String> warnings = new ArrayList<>();

		Recording(final Listener to) {
			super(to);
		}

		@Override
		public void warning(final String message) {
			warnings.add(message);
			to.warning(message);
		}
	}
}
