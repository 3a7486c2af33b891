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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage quality}: slice quality assessment of OCT mosaics (spec "Quality Assessment"). */
@Command(name = "quality", mixinStandardHelpOptions = true, description = "Slice quality assessment of OCT mosaics.",
		subcommands = { QualityCli.Assess.class, QualityCli.MeasureSlice.class, QualityCli.Consolidate.class })
public final class QualityCli extends CommandGroup {
	/** The decision and output options shared by {@code assess} and {@code consolidate}. */
	static final class Decisions {
		@Option(names = "--min-quality", paramLabel = "Q",
				description = "Slices scoring below Q get use=false, note 'low_quality (quality_score<Q)'. 0 = keep all.")
		double minQuality = AssessQualityStage.Options.MIN_QUALITY;

		@Option(names = "--exclude-first", paramLabel = "N",
				description = "The first N slices are calibration slices (use=false); the spec's default is 1.")
		int excludeFirst = AssessQualityStage.Options.EXCLUDE_FIRST;

		@Option(names = "--detect-calibration",
				description = "Also mark as calibration the slices among the first three whose depth / median depth > ratio.")
		boolean detectCalibration;

		@Option(names = "--calibration-ratio", paramLabel = "R", description = "Thickness ratio for --detect-calibration.")
		double calibrationRatio = AssessQualityStage.Options.CALIBRATION_RATIO;

		@Option(names = "--update-existing",
				description = "Update the output config if it exists (else write a new one), keeping earlier decisions and columns.")
		boolean updateExisting;

		@Option(names = "--existing-config", paramLabel = "F",
				description = "Update F instead (implies --update-existing); the result goes to the output.")
		Path existingConfig;

		@Option(names = "--report-dir", paramLabel = "DIR",
				description = "Report folder (CSV, PNG, JSON); if not given, <output without .csv>_quality next to the output.")
		Path reportDir;

		QualityDecisions.Options options() {
			return new QualityDecisions.Options(excludeFirst, detectCalibration, calibrationRatio, minQuality);
		}

		/** The decisions in brief on stderr. */
		void summary(final CliListener listener, final List<SliceQuality> metrics,
				final List<QualityDecisions.Decision> decided) {
			final String excluded = decided.stream().filter(x -> !x.use()).map(x -> x.sliceId() + " (" + x.note() + ")")
					.collect(Collectors.joining(", "));
			listener.info(metrics.size() + " slices assessed; use=false: " + (excluded.isEmpty() ? "none" : excluded));
			if (detectCalibration)
				listener.info("Calibration slices detected (depth / median > " + calibrationRatio + "): "
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

	/** Reading options (and the kernels) shared by {@code assess} and {@code measure-slice}. */
	static final class Reading {
		@Option(names = "--pyramid-level", paramLabel = "L", description = "OME-Zarr pyramid level to read (0 = full resolution).")
		int pyramidLevel = AssessQualityStage.Options.PYRAMID_LEVEL;

		@Option(names = "--sample-depth", paramLabel = "K", description = "Z planes sampled per slice (0 = all).")
		int sampleDepth = AssessQualityStage.Options.SAMPLE_DEPTH;

		@Mixin
		GpuOption gpu;

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
	static final class Assess extends Subcommand {
		@Parameters(index = "0", paramLabel = "MOSAICS_DIR", description = "Folder of *z<NN>* mosaics (.ome.zarr or .tif).")
		Path mosaicsDir;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT_CSV",
				description = "slice_config.csv to write (not needed with --report-only).")
		Path output;

		@Option(names = "--report-only", description = "Print the scores; write no file.")
		boolean reportOnly;

		@Mixin
		Decisions decisions;

		@Mixin
		Reading reading;

		@Mixin
		ThreadsOption threads;

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
	static final class MeasureSlice extends Subcommand {
		@Parameters(index = "0", paramLabel = "SLICE", description = "The slice's mosaic (*z<NN>*.ome.zarr or .tif).")
		Path slice;

		@Option(names = "--previous", paramLabel = "P", description = "The previous available slice's mosaic (none for the first slice).")
		Path previous;

		@Option(names = "--next", paramLabel = "N", description = "The next available slice's mosaic (none for the last slice).")
		Path next;

		@Option(names = { "-o", "--output" }, paramLabel = "DIR", required = true, description = "Folder for the fragment.")
		Path output;

		@Mixin
		Reading reading;

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
	static final class Consolidate extends Subcommand {
		@Parameters(index = "0", paramLabel = "FRAGMENTS_DIR", description = "Folder of slice_zNN_quality_metrics.csv.")
		Path fragments;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT_CSV", required = true, description = "slice_config.csv to write.")
		Path output;

		@Mixin
		Decisions decisions;

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
