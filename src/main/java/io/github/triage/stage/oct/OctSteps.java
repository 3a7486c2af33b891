package io.github.triage.stage.oct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.galvo.DetectedSlice;
import io.github.triage.stage.galvo.StampStage;
import io.github.triage.stage.quality.AssessQualityStage;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.RehomingStage;
import io.github.triage.stage.stack.AlignFromShiftsStage;
import io.github.triage.stage.stack.AssembleStage;

/**
 * The plan of a run: which steps, in which order, each reading the config the step before wrote. Each step is one
 * existing stage with its options record, so running the stages one by one with the same options gives the same
 * files.
 */
final class OctSteps {
	static final String CONFIG = "01_config", GALVO = "02_galvo", QUALITY = "03_quality", REHOMING = "04_rehoming",
			AUTO_EXCLUSION = "05_auto_exclusion", INTERPOLATION = "06_interpolation", ALIGN = "07_align",
			STACK = "08_stack", REPORT = "09_report";
	static final String CONFIG_FILE = "slice_config.csv", CORRECTED_SHIFTS = "shifts_xy_corrected.csv",
			ALIGNED = "aligned", VOLUME = "volume.ome.zarr";

	private final OctRunStage.Options o;
	private final Path out;
	private final ImageOps ops;
	private final RunProgress l;
	/** The run's date, stamped on the JSON diagnostics and the report of every step that runs. */
	private final String date;
	private final List<OctRun.Step> steps = new ArrayList<>();
	private final List<String> stepLines = new ArrayList<>();
	private Path config;
	private Path volume;

	OctSteps(final OctRunStage.Options o, final Path out, final ImageOps ops, final RunProgress l, final String date) {
		this.o = o;
		this.date = date;
		this.out = out;
		this.ops = ops;
		this.l = l;
	}

	List<OctRun.Step> steps() {
		start();
		if (o.galvo() != null) galvo();
		quality();
		Path corrected = null;
		if (o.shifts() != null) corrected = rehoming();
		if (o.autoExclusion() != null) autoExclusion();
		if (o.fragments() != null) interpolation();
		final Path last = config;
		final Path fin = out.resolve(OctRunStage.FINAL_CONFIG);
		// the last config step also publishes its config as slice_config_final.csv (unchanged bytes: untouched)
		final OctRun.Step lastStep = steps.remove(steps.size() - 1);
		steps.add(new OctRun.Step(lastStep.name(), lastStep.what(), lastStep.options(), lastStep.inputs(),
				List.of(last, fin), () -> {
					final String summary = lastStep.action().run();
					OctRun.writeIfChanged(SliceConfigFiles.read(last), fin);
					return summary;
				}));
		config = fin;
		if (o.shifts() != null) {
			final Path aligned = align(corrected);
			stack(aligned);
		}
		report(corrected);
		return steps;
	}

	/** The assembled volume, or null without shifts. */
	Path volume() {
		return volume;
	}

	/** The step lines the report lists (called before the report step runs). */
	void reportSteps(final List<OctRunStage.StepResult> done) {
		stepLines.clear();
		for (final OctRunStage.StepResult r : done)
			stepLines.add(r.name() + ": " + (r.ran() ? r.summary() + String.format(Locale.ROOT, " (%.1f s)", r.seconds())
					: "unchanged since the last run"));
	}

	private Path next(final String step) {
		return out.resolve(step).resolve(CONFIG_FILE);
	}

	/**
	 * The worker threads recorded in a step's options: always one, whatever the run uses (the action sets the run's
	 * count), as the results do not depend on it; a rerun with another {@code --threads}, or on a machine with
	 * other cores, still skips an unchanged step.
	 */
	private static final int KEY_THREADS = 1;

	/**
	 * {@code options} as recorded: without the run's date and thread count, which the action adds (a rerun has
	 * another date).
	 */
	private void add(final String name, final String what, final Object options, final List<Path> inputs,
			final Path output, final OctRun.Action action) {
		steps.add(new OctRun.Step(name, what, String.valueOf(options), inputs, List.of(output), action));
	}

	private void start() {
		final Path to = next(CONFIG);
		if (o.startConfig() != null) {
			final Path from = o.startConfig().toAbsolutePath();
			add(CONFIG, "take the starting slice_config " + from, "start " + from, List.of(from), to, () -> {
				final SliceConfig c = SliceConfigFiles.read(from);
				SliceConfigFiles.write(c, to);
				return c.size() + " slices from " + from.getFileName();
			});
		}
		else {
			final GenerateSliceConfigStage.Options g = GenerateSliceConfigStage.Options.defaults(
					GenerateSliceConfigStage.Source.MOSAICS, abs(o.mosaicsDir()), to);
			add(CONFIG, "a new slice_config listing every mosaic", g, List.of(abs(o.mosaicsDir())), to,
					() -> new GenerateSliceConfigStage().run(g, ops, l).config().size() + " slices");
		}
		config = to;
	}

	private void galvo() {
		final OctRunStage.Galvo g = o.galvo();
		final StampStage.Options s = new StampStage.Options(config, next(GALVO), abs(g.tilesDir()), g.nExtra(),
				g.threshold(), g.nSamples(), g.minIntensity()).withThreads(KEY_THREADS);
		add(GALVO, "galvo detection on the raw tiles", s, List.of(config, abs(g.tilesDir())), s.output(), () -> {
			final List<DetectedSlice> d = new StampStage().run(s.withThreads(o.threads()).withDate(date), ops, l).slices();
			return d.size() + " slices detected, galvo fix on "
					+ ids(d.stream().filter(x -> x.detection().galvoFix()).map(DetectedSlice::sliceId).toList());
		});
		config = s.output();
	}

	private void quality() {
		final OctRunStage.Quality q = o.quality();
		final AssessQualityStage.Options a = new AssessQualityStage.Options(abs(o.mosaicsDir()), next(QUALITY),
				out.resolve(QUALITY), false, false, config, q.decisions(), q.settings(), q.pyramidLevel())
				.withThreads(KEY_THREADS);
		add(QUALITY, "slice quality", a, List.of(config, abs(o.mosaicsDir())), a.output(), () -> {
			final List<String> excluded = new AssessQualityStage().run(a.withThreads(o.threads()).withDate(date), ops, l)
					.decisions().stream()
					.filter(d -> !d.use()).map(QualityDecisions.Decision::sliceId).toList();
			return "excluded " + ids(excluded);
		});
		config = a.output();
	}

	private Path rehoming() {
		final OctRunStage.Shifts s = o.shifts();
		final RehomingStage.Options r = RehomingStage.Options
				.defaults(config, abs(s.file()), s.tileFovMm(), next(REHOMING))
				.withShiftsOut(out.resolve(REHOMING).resolve(CORRECTED_SHIFTS));
		final RehomingStage.Options rr = new RehomingStage.Options(r.input(), r.shifts(), r.tileFovMm(), s.maxShiftMm(),
				r.returnFraction(), r.tileFovTolerance(), r.output(), r.shiftsOut());
		steps.add(new OctRun.Step(REHOMING, "re-homing correction of the shifts", rr.toString(),
				List.of(config, abs(s.file())), List.of(rr.output(), rr.shiftsOut()),
				() -> "rehomed " + ids(new RehomingStage().run(rr, ops, l).rows().stream()
						.filter(row -> Boolean.parseBoolean(row.get(1))).map(row -> row.get(0)).toList())));
		config = rr.output();
		return rr.shiftsOut();
	}

	private void autoExclusion() {
		final OctRunStage.AutoExclusion a = o.autoExclusion();
		final AutoExclusionStage.Options x = new AutoExclusionStage.Options(config, abs(a.metricsDir()),
				a.zCorrThreshold(), a.consecutiveThreshold(), next(AUTO_EXCLUSION));
		add(AUTO_EXCLUSION, "auto-exclusion of low z-correlation runs", x, List.of(config, abs(a.metricsDir())),
				x.output(), () -> "auto-excluded " + ids(new AutoExclusionStage().run(x, ops, l).excluded()));
		config = x.output();
	}

	private void interpolation() {
		// linumpy's finalise adds a row (use=false) for an interpolated slice the config does not list
		final MergeFragmentsStage.Options m = new MergeFragmentsStage.Options(config, abs(o.fragments()),
				next(INTERPOLATION), true);
		add(INTERPOLATION, "interpolation finalise (merging the manifests)", m, List.of(config, abs(o.fragments())),
				m.output(), () -> "merged " + ids(new MergeFragmentsStage().run(m, ops, l).merged()));
		config = m.output();
	}

	private Path align(final Path corrected) {
		final AlignFromShiftsStage.Options a = AlignFromShiftsStage.Options
				.defaults(abs(o.mosaicsDir()), corrected, out.resolve(ALIGN).resolve(ALIGNED)).withSliceConfig(config)
				.withThreads(KEY_THREADS);
		add(ALIGN, "common-space alignment from the corrected shifts", a,
				List.of(config, corrected, abs(o.mosaicsDir())), a.output(), () -> {
					final AlignFromShiftsStage.Result r = new AlignFromShiftsStage()
							.run(a.withThreads(o.threads()).withDate(date), ops, l);
					return r.selected().size() + " slices on a " + r.canvasWidth() + " × " + r.canvasHeight()
							+ " canvas";
				});
		return a.output();
	}

	private void stack(final Path aligned) {
		final OctRunStage.Shifts s = o.shifts();
		final AssembleStage.Options a = new AssembleStage.Options(aligned, out.resolve(STACK).resolve(VOLUME), config,
				s.sliceThicknessMm(), s.firstPlane(), s.blend());
		add(STACK, "stacking by slice id", a, List.of(config, aligned), a.output(), () -> {
			final AssembleStage.Result r = new AssembleStage().run(a.withDate(date), ops, l);
			return r.depth() + " planes, " + r.placed().size() + " slices placed, empty slots "
					+ ids(r.gaps().stream().map(AssembleStage.Gap::sliceId).toList());
		});
		volume = a.output();
	}

	private void report(final Path corrected) {
		final List<Path> inputs = new ArrayList<>(List.of(config));
		for (final OctRun.Step s : steps)
			inputs.add(out.resolve(s.name()));
		final OctRunStage.Shifts s = o.shifts();
		final OctReport r = new OctReport(config,
				out.resolve(QUALITY).resolve("quality_report.csv"), out, s == null ? null : abs(s.file()), corrected,
				o.autoExclusion() == null ? null : abs(o.autoExclusion().metricsDir()), abs(o.mosaicsDir()), volume,
				out.resolve(OctRunStage.REPORT), o.quality().minQuality(),
				o.galvo() == null ? Double.NaN : o.galvo().threshold(),
				o.autoExclusion() == null ? Double.NaN : o.autoExclusion().zCorrThreshold(), OctRun.settings(o),
				stepLines, l.warnings, date);
		add(REPORT, "report.html", "report " + r.settings(), inputs, r.output(), () -> r.write(ops, l));
	}

	private static Path abs(final Path p) {
		return p.toAbsolutePath().normalize();
	}

	private static String ids(final List<String> ids) {
		return ids.isEmpty() ? "none" : String.join(" ", ids);
	}
}
