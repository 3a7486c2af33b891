package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.triage.Listener;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.GalvoStamp;
import io.github.triage.io.CsvTables;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.slice.SliceColumns;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Slice-level galvo detection of a slice folder (tiles directly in it) or of a folder of slice folders. With an
 * output it writes a fragment CSV ({@code slice_id, galvo_confidence, galvo_fix}, one row per slice) and each
 * slice's JSON diagnostics in {@code galvo_diagnostics/} next to it: the per-slice step of a Nextflow fan-out,
 * whose fragments merge into slice_config exactly as {@link StampStage} stamps the whole folder. The fragment is
 * written last (it is the step's completion marker).
 */
public final class DetectSliceStage implements Stage<DetectSliceStage.Options, DetectSliceStage.Result> {
	/** The fragment's columns. */
	public static final List<String> FRAGMENT_HEADER = List.of(SliceColumns.SLICE_ID, SliceColumns.GALVO_CONFIDENCE,
			SliceColumns.GALVO_FIX);

	/**
	 * @param tiles        a slice folder, or a folder of slice folders
	 * @param output       the fragment CSV to write; null to write nothing (the result still holds the decisions)
	 * @param nExtra       galvo-return rows of the acquisition
	 * @param threshold    confidence at or above which the fix is applied
	 * @param nSamples     tiles above min_intensity to examine per slice
	 * @param minIntensity tiles whose mean is below it are background and skipped
	 * @param threads      worker threads; the result is the same with any number
	 * @param date         the date stamped on the JSON diagnostics; null: now
	 */
	public record Options(Path tiles, Path output, int nExtra, double threshold, int nSamples, double minIntensity,
			int threads, String date) {
		/** Worker threads (slices, or the tiles of a single slice): the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();
		public static final double DEFAULT_THRESHOLD = GalvoSettings.DEFAULT_THRESHOLD;
		public static final int DEFAULT_N_SAMPLES = GalvoSettings.DEFAULT_N_SAMPLES;
		public static final double DEFAULT_MIN_INTENSITY = GalvoSettings.DEFAULT_MIN_INTENSITY;

		public Options(final Path tiles, final Path output, final int nExtra, final double threshold,
				final int nSamples, final double minIntensity) {
			this(tiles, output, nExtra, threshold, nSamples, minIntensity, THREADS, null);
		}

		public Options withThreads(final int t) {
			return new Options(tiles, output, nExtra, threshold, nSamples, minIntensity, t, date);
		}

		/** The date stamped on the JSON diagnostics (one date for a whole run, e.g. {@code oct run}'s); null: now. */
		public Options withDate(final String d) {
			return new Options(tiles, output, nExtra, threshold, nSamples, minIntensity, threads, d);
		}

		public static Options defaults(final Path tiles, final Path output, final int nExtra) {
			return new Options(tiles, output, nExtra, DEFAULT_THRESHOLD, DEFAULT_N_SAMPLES, DEFAULT_MIN_INTENSITY);
		}

		public GalvoSettings settings() {
			return new GalvoSettings(nExtra, threshold, nSamples, minIntensity);
		}
	}

	/**
	 * @param slices      one decision per slice folder, in slice-id order
	 * @param fragment    the fragment written, or null
	 * @param diagnostics the JSON diagnostics written (none without a fragment)
	 */
	public record Result(List<DetectedSlice> slices, Path fragment, List<Path> diagnostics) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		GalvoSlices.check(problems, o.nExtra(), o.threshold(), o.nSamples(), o.minIntensity());
		// a fragment row is keyed by the slice id, so every folder must name one
		final List<TileFiles.SliceFolder> folders = GalvoSlices.folders(o.tiles(), o.output() != null, problems);
		if (o.output() != null) problems.requireOutputFile(o.output(), "output fragment");
		problems.throwIfAny();

		GalvoSlices.warnUncovered(o.tiles(), folders, null, l);
		final List<DetectedSlice> slices = GalvoSlices.detect(folders, o.settings(), ops, l, o.threads());
		if (o.output() == null) return new Result(slices, null, List.of());
		final List<Path> diagnostics = GalvoSlices.writeDiagnostics(o.output(), slices, o.date());
		final List<List<String>> rows = new ArrayList<>();
		for (final DetectedSlice d : slices) {
			final Map<String, Object> cells = GalvoStamp.cells(d.detection());
			rows.add(List.of(d.sliceId(), cells.get(SliceColumns.GALVO_CONFIDENCE).toString(),
					cells.get(SliceColumns.GALVO_FIX).toString()));
		}
		CsvTables.write(o.output(), FRAGMENT_HEADER, rows);
		return new Result(slices, o.output(), diagnostics);
	}
}
