package io.github.triage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.github.triage.io.QualityReports;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.stage.quality.AssessQualityStage;
import io.github.triage.stage.quality.ConsolidateQualityStage;
import io.github.triage.stage.quality.MeasureSliceStage;
import picocli.CommandLine.Command;

/** {@code triage quality}: slice quality assessment of OCT mosaics (spec "Quality Assessment"). */
@Command(name = "quality", mixinStandardHelpOptions = true, description = "Slice quality assessment of OCT mosaics.",
		subcommands = { QualityCli.Assess.class, QualityCli.MeasureSlice.class, QualityCli.Consolidate.class })
public final class QualityCli extends CommandGroup {
	/**
	 * The quality decisions, the same on {@code quality assess}, {@code quality consolidate} and {@code oct run};
	 * only the minimum quality's default differs (the run decides, assess alone keeps all).
	 */
	static final class DecisionOptions extends QualityDecisionOptionsFields {
		DecisionOptions() {
			this(AssessQualityStage.Options.MIN_QUALITY);
		}

		DecisionOptions(final double minQuality) {
			this.minQuality = minQuality;
		}

		QualityDecisions.Options options() {
			return new QualityDecisions.Options(excludeFirst, detectCalibration, calibrationRatio, minQuality);
		}
	}

	/** The decision and output options shared by {@code assess} and {@code consolidate}. */
	static final class Decisions extends QualityDecisionsFields {
		QualityDecisions.Options options() {
			return decide.options();
		}

		/** The decisions in brief on stderr. */
		void summary(final CliListener listener, final List<SliceQuality> metrics,
				final List<QualityDecisions.Decision> decided) {
			final String excluded = decided.stream().filter(x -> !x.use()).map(x -> x.sliceId() + " (" + x.note() + ")")
					.collect(Collectors.joining(", "));
			listener.info(metrics.size() + " slices assessed; use=false: " + (excluded.isEmpty() ? "none" : excluded));
			if (decide.detectCalibration)
				listener.info("Calibration slices detected (depth / median > " + decide.calibrationRatio + "): "
						+ decided.stream().filter(QualityDecisions.Decision::calibrationDetected)
								.map(QualityDecisions.Decision::sliceId).collect(Collectors.joining(", ", "[", "]")));
		}

		/** The summary, then where the config and the report went. */
		void wrote(final CliListener listener, final List<SliceQuality> metrics,
				final List<QualityDecisions.Decision> decided, final Path config, final Path report) {
			summary(listener, metrics, decided);
			listener.info("Wrote " + config + " and the report in " + report);
		}
	}

	/** Reading options (and the kernels) shared by {@code assess}, {@code measure-slice} and {@code oct run}. */
	static final class Reading extends QualityReadingFields {
		QualitySettings settings() {
			return QualitySettings.ofSampleDepth(sampleDepth);
		}
	}

	/** {@code triage quality assess MOSAICS_DIR -o OUT_CSV [options]}. */
	@Command(name = "assess", mixinStandardHelpOptions = true,
			description = { "Scores each slice against its neighbours (0.5·SSIM + 0.3·edge + 0.2·variance), marks "
					+ "calibration and low-quality slices use=false, writes slice_config, a report folder "
					+ "and per-slice JSON diagnostics.",
					"stdout: slice_id,ssim,edge,variance,quality_score per slice; messages on stderr." })
	static final class Assess extends QualityAssessFields {
		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final AssessQualityStage.Options o = new AssessQualityStage.Options(mosaicsDir, output, decisions.reportDir,
					reportOnly, decisions.updateExisting, decisions.existingConfig, decisions.options(),
					reading.settings(), reading.pyramidLevel, threads.count(), null);
			final AssessQualityStage.Result r = reading.gpu.run(listener,
					ops -> new AssessQualityStage().run(o, ops, listener));
			print(QualityReports.scoresCsv(r.metrics()));
			if (reportOnly) {
				decisions.summary(listener, r.metrics(), r.decisions());
				listener.info("report only: nothing written.");
			}
			else decisions.wrote(listener, r.metrics(), r.decisions(), r.config(), r.reportDir());
		}
	}

	/** {@code triage quality measure-slice SLICE [--previous P] [--next N] -o DIR}: one slice, for a fan-out. */
	@Command(name = "measure-slice", mixinStandardHelpOptions = true,
			description = { "Scores one slice against its previous and next available slices and writes "
					+ "slice_zNN_quality_metrics.csv (+ .json) into the output folder, for 'quality consolidate'.",
					"stdout: slice_id,ssim,edge,variance,quality_score." })
	static final class MeasureSlice extends QualityMeasureSliceFields {
		@Override
		void execute() throws Exception {
			final CliListener listener = quietListener();
			final MeasureSliceStage.Result r = reading.gpu.run(listener, ops -> new MeasureSliceStage().run(
					new MeasureSliceStage.Options(slice, previous, next, output, reading.settings(), reading.pyramidLevel),
					ops, listener));
			print(QualityReports.scoresCsv(List.of(r.quality())));
			listener.info("Wrote " + r.fragment());
		}
	}

	/** {@code triage quality consolidate FRAGMENTS_DIR -o OUT_CSV}: fragments → slice_config and report. */
	@Command(name = "consolidate", mixinStandardHelpOptions = true,
			description = "Merges the fragments of 'quality measure-slice', decides (calibration, minimum quality) and "
					+ "writes slice_config and the report (CSV, PNG): the same files 'quality assess' writes.")
	static final class Consolidate extends QualityConsolidateFields {
		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final ConsolidateQualityStage.Result r = new ConsolidateQualityStage().run(new ConsolidateQualityStage.Options(
					fragments, output, decisions.reportDir, decisions.updateExisting, decisions.existingConfig,
					decisions.options()), null, listener);
			decisions.wrote(listener, r.metrics(), r.decisions(), r.config(), r.reportDir());
		}
	}
}
