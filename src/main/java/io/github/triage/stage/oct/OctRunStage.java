package io.github.triage.stage.oct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import io.github.triage.ops.Workers;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;
import io.github.triage.stage.quality.AssessQualityStage;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.RehomingStage;
import io.github.triage.stage.stack.AssembleStage;

/**
 * The OCT flow in one step, from a mosaics folder to {@code slice_config_final.csv}, an assembled volume and
 * {@code report.html}: a starting config (generated from the mosaics, or given) → galvo detection (with tiles) →
 * quality → rehoming (with shifts) → auto-exclusion (with pairwise metrics) → interpolation finalise (with
 * fragments) → common-space alignment and stacking (with shifts) → report. Each step is its own stage, reads one
 * config and writes a new one in its own folder {@code OUT/NN_step/} (single writer, nothing updated in place, as
 * the spec's "Concurrency" section asks). A rerun skips a step whose options and inputs are those recorded next to
 * its outputs ({@link StepRecord}) and redoes every step after one that ran.
 */
public final class OctRunStage implements Stage<OctRunStage.Options, OctRunStage.Result> {
	/** The final config and the report, at the top of the output folder. */
	public static final String FINAL_CONFIG = "slice_config_final.csv", REPORT = "report.html";

	/**
	 * Galvo detection on raw tiles (the spec's sampling; a slice's fix when its confidence reaches the threshold).
	 *
	 * @param tilesDir folder of slice_zNN tile folders
	 * @param nExtra   galvo-return rows of the acquisition (no default: it depends on the acquisition)
	 */
	public record Galvo(Path tilesDir, int nExtra, double threshold, int nSamples, double minIntensity) {
		public static final double THRESHOLD = GalvoSettings.DEFAULT_THRESHOLD;
		public static final int N_SAMPLES = GalvoSettings.DEFAULT_N_SAMPLES;
		public static final double MIN_INTENSITY = GalvoSettings.DEFAULT_MIN_INTENSITY;

		public static Galvo defaults(final Path tilesDir, final int nExtra) {
			return new Galvo(tilesDir, nExtra, THRESHOLD, N_SAMPLES, MIN_INTENSITY);
		}
	}

	/**
	 * Quality decisions. The run excludes slices below {@link #MIN_QUALITY} = 0.3, the threshold of the spec's
	 * examples ({@code --min_quality 0.3}, note {@code low_quality (quality_score<0.3)}): the run exists to decide,
	 * where {@code quality assess} alone only measures (its default 0 keeps every slice, as linumpy's script).
	 * Set 0 to keep every slice.
	 */
	public record Quality(double minQuality, int excludeFirst, boolean detectCalibration, double calibrationRatio,
			int sampleDepth, int pyramidLevel) {
		public static final double MIN_QUALITY = 0.3;
		public static final int EXCLUDE_FIRST = AssessQualityStage.Options.EXCLUDE_FIRST;
		public static final double CALIBRATION_RATIO = AssessQualityStage.Options.CALIBRATION_RATIO;
		public static final int SAMPLE_DEPTH = AssessQualityStage.Options.SAMPLE_DEPTH;
		public static final int PYRAMID_LEVEL = AssessQualityStage.Options.PYRAMID_LEVEL;
		public static final Quality DEFAULT = new Quality(MIN_QUALITY, EXCLUDE_FIRST, false, CALIBRATION_RATIO,
				SAMPLE_DEPTH, PYRAMID_LEVEL);

		public Quality withMinQuality(final double q) {
			return new Quality(q, excludeFirst, detectCalibration, calibrationRatio, sampleDepth, pyramidLevel);
		}

		QualityDecisions.Options decisions() {
			return new QualityDecisions.Options(excludeFirst, detectCalibration, calibrationRatio, minQuality);
		}

		QualitySettings settings() {
			return QualitySettings.ofSampleDepth(sampleDepth);
		}
	}

	/**
	 * Shifts: rehoming correction, then alignment and stacking of the slices kept.
	 *
	 * @param file             shifts_xy.csv
	 * @param tileFovMm        tile field of view in mm (no default: it depends on the acquisition)
	 * @param maxShiftMm       largest plausible step between slices
	 * @param sliceThicknessMm section thickness in mm (no default: it depends on the acquisition)
	 * @param firstPlane       first plane kept of every slice when stacking
	 * @param blend            cosine blend across the overlap of consecutive slices
	 */
	public record Shifts(Path file, double tileFovMm, double maxShiftMm, double sliceThicknessMm, int firstPlane,
			boolean blend) {
		public static final double MAX_SHIFT_MM = RehomingStage.Options.MAX_SHIFT_MM;
		public static final int FIRST_PLANE = AssembleStage.Options.FIRST_PLANE;
		public static final boolean BLEND = AssembleStage.Options.BLEND;

		public static Shifts defaults(final Path file, final double tileFovMm, final double sliceThicknessMm) {
			return new Shifts(file, tileFovMm, MAX_SHIFT_MM, sliceThicknessMm, FIRST_PLANE, BLEND);
		}
	}

	/** Auto-exclusion from {@code slice_zNN/pairwise_registration_metrics.json} files under {@code metricsDir}. */
	public record AutoExclusion(Path metricsDir, double zCorrThreshold, int consecutiveThreshold) {
		public static final double Z_CORR_THRESHOLD = AutoExclusionStage.Options.Z_CORR_THRESHOLD;
		public static final int CONSECUTIVE_THRESHOLD = AutoExclusionStage.Options.CONSECUTIVE_THRESHOLD;

		public static AutoExclusion defaults(final Path metricsDir) {
			return new AutoExclusion(metricsDir, Z_CORR_THRESHOLD, CONSECUTIVE_THRESHOLD);
		}
	}

	/**
	 * @param mosaicsDir    folder of slice mosaics ({@code *z<NN>*.ome.zarr})
	 * @param output        the run's folder
	 * @param startConfig   a slice_config to start from instead of generating one, or null
	 * @param galvo         galvo detection, or null for none
	 * @param quality       quality decisions
	 * @param shifts        rehoming, alignment and stacking, or null for none
	 * @param autoExclusion auto-exclusion, or null for none
	 * @param fragments     folder of interpolation manifests (slice_zNN_manifest.csv) to merge, or null
	 * @param force         run every step even when it is unchanged
	 * @param threads       worker threads of the steps that use several (galvo, quality, alignment); the results,
	 *                      and whether a step is unchanged, do not depend on it
	 */
	public record Options(Path mosaicsDir, Path output, Path startConfig, Galvo galvo, Quality quality, Shifts shifts,
			AutoExclusion autoExclusion, Path fragments, boolean force, int threads) {
		public static final boolean FORCE = false;
		/** Worker threads: the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();

		/** With {@link #THREADS} worker threads. */
		public Options(final Path mosaicsDir, final Path output, final Path startConfig, final Galvo galvo,
				final Quality quality, final Shifts shifts, final AutoExclusion autoExclusion, final Path fragments,
				final boolean force) {
			this(mosaicsDir, output, startConfig, galvo, quality, shifts, autoExclusion, fragments, force, THREADS);
		}

		public static Options defaults(final Path mosaicsDir, final Path output) {
			return new Options(mosaicsDir, output, null, null, Quality.DEFAULT, null, null, null, FORCE);
		}

		public Options withThreads(final int t) {
			return new Options(mosaicsDir, output, startConfig, galvo, quality, shifts, autoExclusion, fragments, force, t);
		}
	}

	/**
	 * One step of the run.
	 *
	 * @param name    the step's folder ({@code 03_quality})
	 * @param ran     false when it was unchanged since the last run and skipped
	 * @param seconds how long it took (0 when skipped)
	 * @param summary what it decided, one line
	 */
	public record StepResult(String name, boolean ran, double seconds, String summary) {
	}

	/**
	 * @param steps       every step of the run, in order
	 * @param finalConfig slice_config_final.csv
	 * @param report      report.html
	 * @param volume      the assembled volume, or null without shifts
	 * @param used        the slices with use=true in the final config
	 * @param skipped     the slices stacking skips (use=false or auto-excluded)
	 * @param warnings    every warning, prefixed with its step
	 */
	public record Result(List<StepResult> steps, Path finalConfig, Path report, Path volume, List<String> used,
			List<String> skipped, List<String> warnings) {
		/** The names of the steps that ran (not skipped). */
		public List<String> ran() {
			return steps.stream().filter(StepResult::ran).map(StepResult::name).toList();
		}
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		validate(o);
		final RunProgress progress = new RunProgress(listener);
		if (ops != null) return new OctRun(o, ops, progress).run();
		try (ImageOps cpu = ImageOpsFactory.create(GpuMode.OFF, progress)) {
			return new OctRun(o, cpu, progress).run();
		}
	}

	/** Every problem with the options and the inputs, at once, before anything is written. */
	static void validate(final Options o) {
		final Problems p = new Problems();
		p.requireFolder(o.mosaicsDir(), "mosaics folder");
		if (o.output() == null) p.add("output folder: not given");
		else if (Files.exists(o.output()) && !Files.isDirectory(o.output()))
			p.add(o.output() + ": the output folder is a file");
		if (o.startConfig() != null) p.requireFile(o.startConfig(), "starting slice_config");
		final List<Path> inputs = new ArrayList<>();
		inputs.add(o.mosaicsDir());
		if (o.galvo() != null) {
			p.requireFolder(o.galvo().tilesDir(), "raw tiles folder");
			inputs.add(o.galvo().tilesDir());
			GalvoSettings.problems(o.galvo().nExtra(), o.galvo().threshold(), o.galvo().nSamples(),
					o.galvo().minIntensity()).forEach(p::add);
		}
		if (o.quality() == null) p.add("quality settings: not given");
		else {
			p.attempt(() -> {
				try {
					o.quality().decisions();
					o.quality().settings();
				}
				catch (final IllegalArgumentException e) {
					throw new BadInputException(e.getMessage());
				}
			});
			p.check(o.quality().pyramidLevel() >= 0, "the pyramid level must be >= 0, got " + o.quality().pyramidLevel());
		}
		if (o.shifts() != null) {
			p.requireFile(o.shifts().file(), "shifts file");
			p.check(o.shifts().tileFovMm() > 0, "the tile field of view (mm) is needed to correct re-homing in the "
					+ "shifts, and must be positive");
			p.check(o.shifts().sliceThicknessMm() > 0, "the slice thickness (mm) is needed to stack the slices, and "
					+ "must be positive");
			p.check(o.shifts().maxShiftMm() > 0, "the largest plausible shift must be positive");
			p.check(o.shifts().firstPlane() >= 0, "the first plane must be >= 0, got " + o.shifts().firstPlane());
		}
		if (o.autoExclusion() != null) {
			p.requireFolder(o.autoExclusion().metricsDir(), "pairwise registration metrics folder");
			inputs.add(o.autoExclusion().metricsDir());
			p.check(o.autoExclusion().consecutiveThreshold() >= 1, "the consecutive threshold must be >= 1");
		}
		if (o.fragments() != null) {
			p.requireFolder(o.fragments(), "interpolation fragments folder");
			inputs.add(o.fragments());
		}
		// An output inside an input folder would change that input's fingerprint on every run.
		if (o.output() != null) for (final Path in : inputs)
			if (in != null && o.output().toAbsolutePath().normalize().startsWith(in.toAbsolutePath().normalize()))
				p.add(o.output() + ": the output folder must not be inside the input folder " + in);
		p.throwIfAny();
	}
}
