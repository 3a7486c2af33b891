package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityConfig;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.quality.SliceQualityAssessor;
import io.github.triage.quality.SliceSource;
import io.github.triage.slice.SliceConfig;

/**
 * One quality run over a mosaics folder, shared by the CLI and the Fiji command: list and open the slices, assess
 * them, decide, then write the report folder (CSV, PNG plot, per-slice JSON) and, last, slice_config. Everything is
 * computed before the first file is written and every file is written atomically, so bad input or a crash leaves
 * earlier outputs as they were, and a rerun writes the same files.
 */
public final class QualityJob {

	/**
	 * @param existingConfig the config to update ({@code --update-existing --existing-config F}), or null
	 * @param reportDir      where the report goes; null = {@code <OUT_CSV stem>_quality} next to OUT_CSV
	 */
	public record Options(Path mosaicsDir, Path outCsv, QualityDecisions.Options decisions, QualitySettings settings,
			int pyramidLevel, boolean reportOnly, Path existingConfig, Path reportDir) {

		public Path effectiveReportDir() {
			if (reportDir != null) return reportDir;
			final Path abs = outCsv.toAbsolutePath();
			return abs.resolveSibling(abs.getFileName().toString().replaceAll("\\.csv$", "") + "_quality");
		}
	}

	/** What a run found and wrote. */
	public record Result(List<SliceQuality> metrics, List<QualityDecisions.Decision> decisions, List<String> warnings,
			List<Path> written, String ops) {
	}

	private QualityJob() {
	}

	public static Result run(final Options o, final ImageOps ops, final Listener progress,
			final Consumer<SliceQuality> each, final Consumer<String> log) throws IOException {
		if (o.pyramidLevel() < 0) throw new BadInputException("--pyramid-level must be >= 0, got " + o.pyramidLevel());
		final List<String> warnings = new ArrayList<>();
		final Consumer<String> warn = w -> {
			warnings.add(w);
			log.accept("Warning: " + w);
		};
		// Read the config to update first: a bad file fails before any slow work.
		SliceConfig existing = null;
		if (o.existingConfig() != null) {
			if (!Files.isRegularFile(o.existingConfig()))
				throw new BadInputException(o.existingConfig() + ": existing config not found");
			existing = SliceConfigFiles.read(o.existingConfig());
		}
		final List<MosaicFolder.Entry> entries = MosaicFolder.list(o.mosaicsDir(), log);
		final List<SliceSource> slices = new ArrayList<>();
		for (final MosaicFolder.Entry e : entries)
			slices.add(SliceVolumes.open(e, o.pyramidLevel(), warn));
		log.accept("Assessing " + slices.size() + " slices (" + ops.name() + ", pyramid level " + o.pyramidLevel()
				+ ", sample depth " + o.settings().sampleDepth() + ").");
		final List<SliceQuality> metrics = new SliceQualityAssessor(ops, o.settings()).assess(slices, each, progress,
				warn);
		final List<QualityDecisions.Decision> decisions = QualityDecisions.decide(metrics, o.decisions());
		final SliceConfig config = QualityConfig.apply(existing, decisions);
		final List<Path> written = new ArrayList<>();
		if (!o.reportOnly()) {
			final Path dir = o.effectiveReportDir();
			final Map<String, Object> run = runInfo(o, ops);
			for (int i = 0; i < metrics.size(); i++) {
				final SliceQuality q = metrics.get(i);
				final String prefix = entries.get(i).toString();
				final List<String> mine = warnings.stream().filter(w -> w.startsWith(prefix)).toList();
				final Map<String, Object> diag = QualityReports.diagnostics(q, decisions.get(i), run, mine);
				diag.put("path", entries.get(i).path.toString());
				final Path f = dir.resolve("slice_" + q.sliceId() + "_quality.json");
				JsonDiagnostics.write(f, diag);
				written.add(f);
			}
			final Path csv = dir.resolve("quality_report.csv"), png = dir.resolve("quality_report.png");
			QualityReports.writeCsv(csv, metrics, decisions);
			written.add(csv);
			try {
				QualityReports.writePng(png, QualityReports.plot(metrics, decisions, o.decisions().minQuality()));
				written.add(png);
			}
			catch (final LinkageError | InternalError e) {
				// A headless node without fonts cannot render the plot; the CSV report holds the same numbers.
				warn.accept("report plot not written (no fonts on this machine: " + e + ")");
			}
			SliceConfigFiles.write(config, o.outCsv());
			written.add(o.outCsv());
		}
		return new Result(metrics, decisions, warnings, written, ops.name());
	}

	private static Map<String, Object> runInfo(final Options o, final ImageOps ops) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("mosaics_dir", o.mosaicsDir().toAbsolutePath().toString());
		m.put("pyramid_level", o.pyramidLevel());
		m.put("sample_depth", o.settings().sampleDepth());
		m.put("ssim_window", o.settings().window());
		m.put("exclude_first", o.decisions().excludeFirst());
		m.put("detect_calibration", o.decisions().detectCalibration());
		m.put("calibration_ratio", o.decisions().calibrationRatio());
		m.put("min_quality", o.decisions().minQuality());
		m.put("ops", ops.name());
		return m;
	}
}
