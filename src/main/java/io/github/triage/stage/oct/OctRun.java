package io.github.triage.stage.oct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.JsonDiagnostics;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;

/**
 * One run of {@link OctRunStage}: the plan of steps ({@link OctSteps}), each skipped when its record matches and
 * nothing before it ran, each failure reported with its step and the slice it was at (earlier outputs stay).
 */
final class OctRun {
	/** Every step folder a run may write, in order; a folder of a step that is not in this run is removed. */
	static final List<String> ALL_STEPS = List.of(OctSteps.CONFIG, OctSteps.GALVO, OctSteps.QUALITY,
			OctSteps.REHOMING, OctSteps.AUTO_EXCLUSION, OctSteps.INTERPOLATION, OctSteps.ALIGN, OctSteps.STACK,
			OctSteps.REPORT);

	/**
	 * A step of the plan.
	 *
	 * @param name    its folder under the output
	 * @param what    what it does, for the progress line
	 * @param options its options as recorded (the stage's options record as text)
	 * @param inputs  everything it reads, fingerprinted
	 * @param outputs what it must leave behind to be skipped next time
	 * @param action  the work; returns a one-line summary
	 */
	record Step(String name, String what, String options, List<Path> inputs, List<Path> outputs, Action action) {
	}

	@FunctionalInterface
	interface Action {
		String run() throws IOException;
	}

	private final OctRunStage.Options o;
	private final Path out;
	private final ImageOps ops;
	private final RunProgress progress;
	private final String version;
	/** One date for every file this run writes (a skipped step's files keep the date of the run that wrote them). */
	private final String date = JsonDiagnostics.date(null);

	OctRun(final OctRunStage.Options o, final ImageOps ops, final RunProgress progress) {
		this.o = o;
		this.out = o.output().toAbsolutePath().normalize();
		this.ops = ops;
		this.progress = progress;
		final String v = OctRunStage.class.getPackage().getImplementationVersion();
		this.version = v != null ? v : "development";
	}

	OctRunStage.Result run() throws IOException {
		Files.createDirectories(out);
		final OctSteps plan = new OctSteps(o, out, ops, progress, date);
		final List<Step> steps = plan.steps();
		removeStale(steps);
		final List<OctRunStage.StepResult> results = new ArrayList<>();
		boolean changed = o.force();
		for (int i = 0; i < steps.size(); i++) {
			progress.checkCancelled();
			final Step s = steps.get(i);
			if (s.name().equals(OctSteps.REPORT)) plan.reportSteps(results);
			final Path dir = out.resolve(s.name());
			final Map<String, Object> key = StepRecord.key(s.name(), version, s.options(), s.inputs());
			final StepRecord.Stored stored = StepRecord.read(dir);
			if (!changed && stored != null && stored.key().equals(key) && s.outputs().stream().allMatch(Files::exists)) {
				progress.skipped(i + 1, steps.size(), s.name(), stored.warnings());
				results.add(new OctRunStage.StepResult(s.name(), false, 0, "unchanged"));
				continue;
			}
			changed = true; // every later step reads what this one writes
			Files.createDirectories(dir);
			StepRecord.clear(dir);
			progress.start(i + 1, steps.size(), s.name(), s.what());
			final String summary = runStep(s);
			StepRecord.write(dir, key, date, progress.stepWarnings());
			results.add(new OctRunStage.StepResult(s.name(), true, progress.done(i + 1, steps.size(), summary), summary));
		}
		final Path finalConfig = out.resolve(OctRunStage.FINAL_CONFIG);
		final SliceConfig c = SliceConfigFiles.read(finalConfig);
		return new OctRunStage.Result(results, finalConfig, out.resolve(OctRunStage.REPORT), plan.volume(),
				c.filterSlicesToUse(), c.forceSkipSlices(), List.copyOf(progress.warnings));
	}

	private String runStep(final Step s) throws IOException {
		try {
			return s.action().run();
		}
		catch (final BadInputException e) {
			throw new BadInputException(failure(s, e), e);
		}
		catch (final IOException e) {
			throw new IOException(failure(s, e), e);
		}
	}

	/** "step 03_quality failed at slice 05: …; the outputs of the earlier steps are kept in OUT". */
	private String failure(final Step s, final Exception e) {
		final String at = progress.current() == null ? "" : " at " + progress.current();
		return "step " + s.name() + " failed" + at + ": " + e.getMessage() + " (the outputs of the earlier steps are "
				+ "kept in " + out + "; a rerun starts again at this step)";
	}

	/** A step folder of an earlier run that is not part of this one would mislead a reader: it goes. */
	private void removeStale(final List<Step> steps) throws IOException {
		final List<String> now = steps.stream().map(Step::name).toList();
		for (final String name : ALL_STEPS) {
			final Path dir = out.resolve(name);
			if (now.contains(name) || !Files.isRegularFile(dir.resolve(StepRecord.FILE_NAME))) continue;
			progress.info(name + " is from an earlier run with other inputs and is not part of this one: removed");
			try (Stream<Path> walk = Files.walk(dir)) {
				for (final Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator)
					Files.delete(p);
			}
		}
	}

	/** The run's settings for the report, group → name → value. */
	static Map<String, Map<String, String>> settings(final OctRunStage.Options o) {
		final Map<String, Map<String, String>> m = new LinkedHashMap<>();
		final Map<String, String> in = new LinkedHashMap<>();
		in.put("mosaics", String.valueOf(o.mosaicsDir().toAbsolutePath()));
		in.put("output", String.valueOf(o.output().toAbsolutePath()));
		if (o.startConfig() != null) in.put("starting slice_config", o.startConfig().toAbsolutePath().toString());
		m.put("run", in);
		if (o.galvo() != null) m.put("galvo", Map.of("settings", o.galvo().toString()));
		m.put("quality", Map.of("settings", o.quality().toString()));
		if (o.shifts() != null) m.put("shifts", Map.of("settings", o.shifts().toString()));
		if (o.autoExclusion() != null) m.put("auto-exclusion", Map.of("settings", o.autoExclusion().toString()));
		if (o.fragments() != null) m.put("interpolation", Map.of("fragments", o.fragments().toAbsolutePath().toString()));
		return m;
	}

	/** Writes {@code config} as {@code target} unless it already holds exactly that (a rerun leaves it alone). */
	static void writeIfChanged(final SliceConfig config, final Path target) throws IOException {
		final String text = SliceConfigFiles.format(config);
		if (Files.isRegularFile(target) && Files.readString(target).equals(text)) return;
		AtomicFiles.writeString(target, text);
	}
}
