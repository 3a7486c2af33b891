package io.github.triage.stage.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.QualityFragments;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.SliceQuality;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Per-slice quality fragments ({@link MeasureSliceStage}) → decisions (exclude-first, calibration detection,
 * minimum quality) → a new slice_config plus the report CSV and plot: the single writer after a fan-out. Given the
 * fragments of every slice of a folder it writes the same slice_config and report CSV, byte for byte, as
 * {@link AssessQualityStage} on that folder. Needs no image kernels ({@code ops} may be null).
 */
public final class ConsolidateQualityStage
		implements Stage<ConsolidateQualityStage.Options, ConsolidateQualityStage.Result> {

	/**
	 * @param fragments      folder of {@code slice_zNN_quality_metrics.csv} fragments
	 * @param output         the slice_config to write
	 * @param reportDir      the report folder; null = {@code <output without .csv>_quality} next to the output
	 * @param updateExisting update the output file when it exists (else write a new config)
	 * @param existingConfig the config to update (implies updating; must exist), or null; the result goes to output
	 * @param decisions      exclude-first, calibration detection, minimum quality
	 */
	public record Options(Path fragments, Path output, Path reportDir, boolean updateExisting, Path existingConfig,
			QualityDecisions.Options decisions) {
		public static Options defaults(final Path fragments, final Path output) {
			return new Options(fragments, output, null, false, null, QualityDecisions.Options.DEFAULT);
		}

		public Path effectiveReportDir() {
			return QualityOutputs.reportDir(reportDir, output);
		}
	}

	/**
	 * @param metrics   every fragment's metrics, by slice id
	 * @param decisions every slice's decision, same order
	 * @param config    the slice_config written
	 * @param written   every file written, slice_config last
	 */
	public record Result(List<SliceQuality> metrics, List<QualityDecisions.Decision> decisions, Path config,
			Path reportDir, List<Path> written) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		problems.requireFolder(o.fragments(), "quality fragments folder");
		problems.check(o.output() != null, "the output slice_config is not given");
		if (o.output() != null) problems.requireOutputFile(o.output(), "output slice_config");
		problems.check(o.decisions() != null, "the decision settings must be given");
		problems.throwIfAny();
		final SliceConfig existing = QualityOutputs.existing(o.updateExisting(), o.existingConfig(), o.output(),
				problems, l);
		final List<QualityFragments.Fragment> fragments = new ArrayList<>();
		try {
			fragments.addAll(QualityFragments.list(o.fragments()));
		}
		catch (final BadInputException e) {
			problems.add(e.getMessage());
		}
		for (final QualityFragments.Fragment f : fragments) {
			final QualityFragments.Fragment first = fragments.get(0);
			problems.check(f.pyramidLevel() == first.pyramidLevel() && f.sampleDepth() == first.sampleDepth(),
					f.file() + ": measured at pyramid level " + f.pyramidLevel() + " with sample depth " + f.sampleDepth()
							+ ", but " + first.file().getFileName() + " at level " + first.pyramidLevel()
							+ " with sample depth " + first.sampleDepth() + "; scores would not be comparable");
		}
		problems.throwIfAny();

		final List<SliceQuality> metrics = fragments.stream().map(QualityFragments.Fragment::quality).toList();
		warnAboutNeighbours(metrics, l);
		final List<QualityDecisions.Decision> decisions = QualityDecisions.decide(metrics, o.decisions());
		final Path dir = o.effectiveReportDir();
		final List<Path> written = QualityOutputs.writeReportAndConfig(dir, metrics, decisions,
				o.decisions().minQuality(), existing, o.output(), l);
		l.info(metrics.size() + " quality fragments consolidated into " + o.output());
		return new Result(metrics, decisions, o.output(), dir, written);
	}

	/** A slice measured against other neighbours than the fragments hold (a slice missing, or one added later). */
	private static void warnAboutNeighbours(final List<SliceQuality> m, final Listener l) {
		for (int i = 0; i < m.size(); i++) {
			final String prev = i > 0 ? m.get(i - 1).sliceId() : null, next = i + 1 < m.size() ? m.get(i + 1).sliceId() : null;
			final SliceQuality q = m.get(i);
			if (!Objects.equals(prev, q.previousId()) || !Objects.equals(next, q.nextId()))
				l.warning("slice " + q.sliceId() + " was measured against slices " + orNone(q.previousId()) + " and "
						+ orNone(q.nextId()) + ", but the fragments' neighbours are " + orNone(prev) + " and "
						+ orNone(next) + " (a slice missing?)");
		}
	}

	private static String orNone(final String id) {
		return id == null ? "none" : id;
	}
}
