package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.QualityJob;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triage quality}: slice quality assessment of OCT mosaics (spec "Quality Assessment"). */
@Command(name = "quality", mixinStandardHelpOptions = true, description = "Slice quality assessment of OCT mosaics.",
		subcommands = { QualityCli.Assess.class })
public final class QualityCli implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** {@code triage quality assess MOSAICS_DIR OUT_CSV [options]}. */
	@Command(name = "assess", mixinStandardHelpOptions = true,
			description = { "Scores each slice against its neighbours (0.5·SSIM + 0.3·edge + 0.2·variance), marks "
					+ "calibration and low-quality slices use=false, writes slice_config (OUT_CSV), a report folder "
					+ "and per-slice JSON diagnostics.",
					"stdout: slice_id,ssim,edge,variance,quality_score per slice; messages on stderr." })
	static final class Assess implements Callable<Integer> {
		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "MOSAICS_DIR", description = "Folder of *z<NN>* mosaics (.ome.zarr or .tif).")
		Path mosaicsDir;

		@Parameters(index = "1", paramLabel = "OUT_CSV", description = "slice_config.csv to write.")
		Path outCsv;

		@Option(names = "--min-quality", paramLabel = "Q", defaultValue = "0",
				description = "Slices scoring below Q get use=false, note 'low_quality (quality_score<Q)'. 0 = keep all. [${DEFAULT-VALUE}]")
		double minQuality;

		@Option(names = "--exclude-first", paramLabel = "N", defaultValue = "1",
				description = "The first N slices are calibration slices (use=false). [${DEFAULT-VALUE}]")
		int excludeFirst;

		@Option(names = "--detect-calibration",
				description = "Also mark as calibration the slices among the first three whose depth / median depth > ratio.")
		boolean detectCalibration;

		@Option(names = "--calibration-ratio", paramLabel = "R", defaultValue = "1.5",
				description = "Thickness ratio for --detect-calibration. [${DEFAULT-VALUE}]")
		double calibrationRatio;

		@Option(names = "--report-only", description = "Print the scores; write no file.")
		boolean reportOnly;

		@Option(names = "--update-existing",
				description = "Update an existing config (--existing-config, else OUT_CSV if it exists), keeping earlier decisions and columns.")
		boolean updateExisting;

		@Option(names = "--existing-config", paramLabel = "F", description = "The config to update (with --update-existing).")
		Path existingConfig;

		@Option(names = "--use-gpu", negatable = true, defaultValue = "true", fallbackValue = "true",
				description = "CLIJ2 on an OpenCL GPU when there is one, else the CPU (default); --no-use-gpu: always the CPU.")
		boolean useGpu;

		@Option(names = "--pyramid-level", paramLabel = "L", defaultValue = "0",
				description = "OME-Zarr pyramid level to read (0 = full resolution). [${DEFAULT-VALUE}]")
		int pyramidLevel;

		@Option(names = "--sample-depth", paramLabel = "K", defaultValue = "5",
				description = "Z planes sampled per slice (0 = all). [${DEFAULT-VALUE}]")
		int sampleDepth;

		@Option(names = "--report-dir", paramLabel = "DIR",
				description = "Report folder (CSV, PNG, JSON). Default: <OUT_CSV without .csv>_quality next to OUT_CSV.")
		Path reportDir;

		@Override
		public Integer call() throws Exception {
			final PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
			if (existingConfig != null && !updateExisting)
				throw new BadInputException("--existing-config needs --update-existing");
			Path existing = null;
			if (updateExisting) {
				existing = existingConfig != null ? existingConfig : outCsv;
				if (existingConfig == null && !Files.isRegularFile(outCsv)) {
					err.println("triage: " + outCsv + " does not exist yet: writing a new config.");
					existing = null;
				}
			}
			final QualityJob.Options o = new QualityJob.Options(mosaicsDir, outCsv,
					new QualityDecisions.Options(excludeFirst, detectCalibration, calibrationRatio, minQuality),
					new QualitySettings(sampleDepth, QualitySettings.DEFAULT.window()), pyramidLevel, reportOnly,
					existing, reportDir);
			final boolean[] header = { false };
			final QualityJob.Result r;
			try (ImageOps ops = ImageOpsFactory.create(useGpu ? GpuMode.AUTO : GpuMode.OFF, m -> log(err, m))) {
				r = QualityJob.run(o, ops, stderrProgress(err), q -> {
					if (!header[0]) out.println(HEADER); // printed with the first row: bad input leaves stdout empty
					header[0] = true;
					out.println(row(q));
					out.flush();
				}, m -> log(err, m));
			}
			final String excluded = r.decisions().stream().filter(d -> !d.use())
					.map(d -> d.sliceId() + " (" + d.note() + ")").collect(Collectors.joining(", "));
			log(err, r.metrics().size() + " slices assessed; use=false: " + (excluded.isEmpty() ? "none" : excluded));
			if (detectCalibration)
				log(err, "Calibration slices detected (depth / median > " + calibrationRatio + "): "
						+ r.decisions().stream().filter(QualityDecisions.Decision::calibrationDetected)
								.map(QualityDecisions.Decision::sliceId).collect(Collectors.joining(", ", "[", "]")));
			if (reportOnly) log(err, "--report-only: nothing written.");
			else log(err, "Wrote " + outCsv + " and the report in " + o.effectiveReportDir());
			return 0;
		}

		static final String HEADER = "slice_id,ssim,edge,variance,quality_score";

		static String row(final SliceQuality q) {
			return String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f", q.sliceId(), q.ssim(), q.edge(), q.variance(),
					q.qualityScore());
		}

		private static void log(final PrintWriter err, final String m) {
			err.println("triage: " + m);
			err.flush();
		}

		private static Listener stderrProgress(final PrintWriter err) {
			return Listener.ofProgress((done, total, what) -> {
				if (done < total) log(err, "[" + (done + 1) + "/" + total + "] " + what);
			});
		}
	}
}
