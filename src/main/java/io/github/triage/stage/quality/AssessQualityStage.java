package io.github.triage.stage.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.Listener;
import io.github.triage.io.JsonDiagnostics;
import io.github.triage.io.MosaicFolder;
import io.github.triage.io.QualityReports;
import io.github.triage.io.SliceVolumes;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.quality.SliceQualityAssessor;
import io.github.triage.quality.SliceSource;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * {@code quality assess}: a whole mosaics folder → slice_config and a report folder (CSV, PNG plot, per-slice JSON).
 * Slices are streamed (only the planes being compared are held), so memory does not grow with the series. Everything
 * is computed before the first file is written; slice_config is written last.
 */
public final class AssessQualityStage implements Stage<AssessQualityStage.Options, AssessQualityStage.Result> {

	/**
	 * @param mosaicsDir     folder of {@code *z<NN>*} mosaics (.ome.zarr or .tif)
	 * @param output         the slice_config to write (may be null only with {@code reportOnly})
	 * @param reportDir      the report folder; null = {@code <output without .csv>_quality} next to the output
	 * @param reportOnly     compute and return the scores, write nothing
	 * @param updateExisting update the output file when it exists (else write a new config)
	 * @param existingConfig the config to update (implies updating; must exist), or null; the result goes to output
	 * @param decisions      exclude-first, calibration detection, minimum quality
	 * @param settings       plane sampling
	 * @param pyramidLevel   OME-Zarr level to read (0 = full resolution)
	 * @param threads        worker threads (runs of slices); the result is the same with any number
	 * @param date         the date stamped on the JSON diagnostics; null: now
	 */
	public record Options(Path mosaicsDir, Path output, Path reportDir, boolean reportOnly, boolean updateExisting,
			Path existingConfig, QualityDecisions.Options decisions, QualitySettings settings, int pyramidLevel,
			int threads, String date) {
		public static final int EXCLUDE_FIRST = QualityDecisions.Options.EXCLUDE_FIRST;
		public static final double CALIBRATION_RATIO = QualityDecisions.Options.CALIBRATION_RATIO;
		public static final double MIN_QUALITY = QualityDecisions.Options.MIN_QUALITY;
		public static final int SAMPLE_DEPTH = QualitySettings.SAMPLE_DEPTH;
		public static final int PYRAMID_LEVEL = 0;
		/** Worker threads: the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();

		public Options(final Path mosaicsDir, final Path output, final Path reportDir, final boolean reportOnly,
				final boolean updateExisting, final Path existingConfig, final QualityDecisions.Options decisions,
				final QualitySettings settings, final int pyramidLevel) {
			this(mosaicsDir, output, reportDir, reportOnly, updateExisting, existingConfig, decisions, settings,
					pyramidLevel, THREADS, null);
		}

		public Options withThreads(final int t) {
			return new Options(mosaicsDir, output, reportDir, reportOnly, updateExisting, existingConfig, decisions,
					settings, pyramidLevel, t, date);
		}

		/** The date stamped on the JSON diagnostics (one date for a whole run, e.g. {@code oct run}'s); null: now. */
		public Options withDate(final String d) {
			return new Options(mosaicsDir, output, reportDir, reportOnly, updateExisting, existingConfig, decisions,
					settings, pyramidLevel, threads, d);
		}

		/** Every default: a new config at {@code output}, the report beside it. */
		public static Options defaults(final Path mosaicsDir, final Path output) {
			return new Options(mosaicsDir, output, null, false, false, null, QualityDecisions.Options.DEFAULT,
					QualitySettings.DEFAULT, PYRAMID_LEVEL);
		}

		/** The report folder this run writes to (null when there is no output). */
		public Path effectiveReportDir() {
			return QualityOutputs.reportDir(reportDir, output);
		}
	}

	/**
	 * @param metrics   every slice's raw metrics, by id
	 * @param decisions every slice's decision, same order
	 * @param config    the slice_config written (null with report-only)
	 * @param reportDir the report folder (null with report-only)
	 * @param written   every file written, slice_config last
	 * @param ops       the kernels used
	 */
	public record Result(List<SliceQuality> metrics, List<QualityDecisions.Decision> decisions, Path config,
			Path reportDir, List<Path> written, String ops) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final QualityOutputs.Recording l = new QualityOutputs.Recording(listener);
		final Problems problems = new Problems();
		problems.requireFolder(o.mosaicsDir(), "mosaics folder");
		problems.check(o.output() != null || o.reportOnly(), "the output slice_config is not given");
		if (o.output() != null) problems.requireOutputFile(o.output(), "output slice_config");
		problems.check(o.pyramidLevel() >= 0, "the pyramid level must be >= 0, got " + o.pyramidLevel());
		problems.check(o.decisions() != null && o.settings() != null, "decision and sampling settings must be given");
		problems.throwIfAny();
		// Read the config to update first: a bad file fails before any slow work.
		final SliceConfig existing = o.reportOnly() ? null
				: QualityOutputs.existing(o.updateExisting(), o.existingConfig(), o.output(), problems, l);
		final List<MosaicFolder.Entry> entries = new ArrayList<>();
		problems.attempt(() -> entries.addAll(MosaicFolder.list(o.mosaicsDir(), l)));
		final List<SliceSource> slices = new ArrayList<>();
		for (final MosaicFolder.Entry e : entries)
			problems.attempt(() -> slices.add(SliceVolumes.open(e, o.pyramidLevel(), l)));
		problems.throwIfAny();

		l.info("Assessing " + slices.size() + " slices (" + ops.name() + ", pyramid level " + o.pyramidLevel()
				+ ", sample depth " + o.settings().sampleDepth() + ").");
		final List<SliceQuality> metrics = new SliceQualityAssessor(ops, o.settings()).assess(slices, null, l,
				o.threads());
		final List<QualityDecisions.Decision> decisions = QualityDecisions.decide(metrics, o.decisions());
		if (o.reportOnly()) return new Result(metrics, decisions, null, null, List.of(), ops.name());

		final Path dir = o.effectiveReportDir();
		final List<Path> written = new ArrayList<>();
		final Map<String, Object> run = runInfo(o, ops);
		final String date = JsonDiagnostics.date(o.date());
		for (int i = 0; i < metrics.size(); i++) {
			final SliceQuality q = metrics.get(i);
			final String prefix = entries.get(i).toString();
			final List<String> mine = l.warnings.stream().filter(w -> w.startsWith(prefix)).toList();
			final Map<String, Object> diag = QualityReports.diagnostics(q, decisions.get(i), run, mine);
			diag.put("path", entries.get(i).path.toString());
			final Path f = dir.resolve("slice_" + q.sliceId() + "_quality.json");
			JsonDiagnostics.write(f, JsonDiagnostics.stamped(date, diag));
			written.add(f);
		}
		written.addAll(QualityOutputs.writeReportAndConfig(dir, metrics, decisions, o.decisions().minQuality(),
				existing, o.output(), l));
		return new Result(metrics, decisions, o.output(), dir, written, ops.name());
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
