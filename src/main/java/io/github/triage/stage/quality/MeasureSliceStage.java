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
import io.github.triage.io.QualityFragments;
import io.github.triage.io.QualityReports;
import io.github.triage.io.SliceVolumes;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.quality.SliceQualityAssessor;
import io.github.triage.quality.SliceSource;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * One slice's quality, measured against its previous and next available slices, for a fan-out (one process per
 * slice): writes {@code slice_zNN_quality_metrics.json} (diagnostics) and then {@code slice_zNN_quality_metrics.csv}
 * (the fragment, last: a fragment present means the slice is done). {@link ConsolidateQualityStage} merges the
 * fragments; the numbers are exactly those {@link AssessQualityStage} gives the slice in the whole folder.
 */
public final class MeasureSliceStage implements Stage<MeasureSliceStage.Options, MeasureSliceStage.Result> {

	/**
	 * @param slice        the slice's mosaic (.ome.zarr folder or .tif file, named with its z<NN> id)
	 * @param previous     the previous available slice's mosaic, or null for the first slice
	 * @param next         the next available slice's mosaic, or null for the last slice
	 * @param output       the folder the fragment and its diagnostics go to
	 * @param settings     plane sampling
	 * @param pyramidLevel OME-Zarr level to read (0 = full resolution)
	 * @param date         the date stamped on the JSON diagnostics; null: now
	 */
	public record Options(Path slice, Path previous, Path next, Path output, QualitySettings settings,
			int pyramidLevel, String date) {
		/** Without a date: the JSON diagnostics are stamped with the date the stage runs. */
		public Options(final Path slice, final Path previous, final Path next, final Path output, final QualitySettings settings, final int pyramidLevel) {
			this(slice, previous, next, output, settings, pyramidLevel, null);
		}

		public static final int SAMPLE_DEPTH = QualitySettings.SAMPLE_DEPTH;
		public static final int PYRAMID_LEVEL = AssessQualityStage.Options.PYRAMID_LEVEL;

		public static Options defaults(final Path slice, final Path previous, final Path next, final Path output) {
			return new Options(slice, previous, next, output, QualitySettings.DEFAULT, PYRAMID_LEVEL);
		}
	}

	/**
	 * @param quality     the slice's metrics
	 * @param fragment    the fragment CSV written
	 * @param diagnostics the JSON written beside it
	 */
	public record Result(SliceQuality quality, Path fragment, Path diagnostics, String ops) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final QualityOutputs.Recording l = new QualityOutputs.Recording(listener);
		final Problems problems = new Problems();
		problems.check(o.slice() != null, "the slice to measure is not given");
		problems.check(o.previous() != null || o.next() != null,
				"no neighbouring slice given: quality is measured against the previous and/or next slice");
		problems.check(o.output() != null, "the output folder is not given");
		problems.requireOutputFolder(o.output(), "output folder");
		problems.check(o.pyramidLevel() >= 0, "the pyramid level must be >= 0, got " + o.pyramidLevel());
		problems.check(o.settings() != null, "the sampling settings must be given");
		final MosaicFolder.Entry[] e = new MosaicFolder.Entry[3];
		final Path[] paths = { o.previous(), o.slice(), o.next() };
		for (int i = 0; i < 3; i++) {
			final int k = i;
			if (paths[k] != null) problems.attempt(() -> e[k] = MosaicFolder.entry(paths[k]));
		}
		if (e[1] != null) {
			problems.check(e[0] == null || e[0].id < e[1].id, "the previous slice (" + (e[0] == null ? "" : e[0].sliceId())
					+ ") must come before slice " + e[1].sliceId());
			problems.check(e[2] == null || e[2].id > e[1].id, "the next slice (" + (e[2] == null ? "" : e[2].sliceId())
					+ ") must come after slice " + e[1].sliceId());
		}
		problems.throwIfAny();
		final SliceSource[] s = new SliceSource[3];
		for (int i = 0; i < 3; i++) {
			final int k = i;
			if (e[k] != null) problems.attempt(() -> s[k] = SliceVolumes.open(e[k], o.pyramidLevel(), l));
		}
		problems.throwIfAny();

		l.progress(0, 1, e[1].toString());
		final SliceQuality q = new SliceQualityAssessor(ops, o.settings()).assessOne(s[1], s[0], s[2], l);
		l.progress(1, 1, "done");
		final Path fragment = o.output().resolve(QualityFragments.fileName(q.sliceId()));
		final Path json = QualityFragments.diagnosticsOf(fragment);
		JsonDiagnostics.write(json, JsonDiagnostics.stamped(JsonDiagnostics.date(o.date()),
				diagnostics(q, e, o, ops, l.warnings)));
		QualityFragments.write(fragment, q, o.pyramidLevel(), o.settings().sampleDepth());
		return new Result(q, fragment, json, ops.name());
	}

	private static Map<String, Object> diagnostics(final SliceQuality q, final MosaicFolder.Entry[] e, final Options o,
			final ImageOps ops, final List<String> warnings) {
		final Map<String, Object> m = QualityReports.metrics(q, "quality-measure");
		m.put("path", e[1].path.toString());
		m.put("previous_path", e[0] == null ? null : e[0].path.toString());
		m.put("next_path", e[2] == null ? null : e[2].path.toString());
		m.put("warnings", new ArrayList<>(warnings));
		final Map<String, Object> run = new LinkedHashMap<>();
		run.put("pyramid_level", o.pyramidLevel());
		run.put("sample_depth", o.settings().sampleDepth());
		run.put("ssim_window", o.settings().window());
		run.put("ops", ops.name());
		m.put("run", run);
		return m;
	}
}
