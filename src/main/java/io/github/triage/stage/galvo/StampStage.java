package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.GalvoStamp;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Detects every slice folder of a tiles folder and stamps {@code galvo_confidence} (3 decimals) and
 * {@code galvo_fix} into a new slice_config (other columns untouched; a slice not in the config gets a row with
 * use=false, as stamping does); per-slice JSON diagnostics go to {@code galvo_diagnostics/} next to it. Every
 * slice is detected before anything is written; the config is written last.
 */
public final class StampStage implements Stage<StampStage.Options, StampStage.Result> {

	/**
	 * @param input        slice_config.csv to read
	 * @param output       slice_config.csv to write (may be {@code input})
	 * @param tilesDir     folder of slice_zNN tile folders (or one slice folder)
	 * @param nExtra       galvo-return rows of the acquisition
	 * @param threshold    confidence at or above which galvo_fix is true
	 * @param nSamples     tiles above min_intensity to examine per slice
	 * @param minIntensity tiles whose mean is below it are background and skipped
	 * @param threads      worker threads; the result is the same with any number
	 * @param date         the date stamped on the JSON diagnostics; null: now
	 */
	public record Options(Path input, Path output, Path tilesDir, int nExtra, double threshold, int nSamples,
			double minIntensity, int threads, String date) {
		/** Worker threads (slices, or the tiles of a single slice): the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();
		public static final double DEFAULT_THRESHOLD = GalvoSettings.DEFAULT_THRESHOLD;
		public static final int DEFAULT_N_SAMPLES = GalvoSettings.DEFAULT_N_SAMPLES;
		public static final double DEFAULT_MIN_INTENSITY = GalvoSettings.DEFAULT_MIN_INTENSITY;

		public Options(final Path input, final Path output, final Path tilesDir, final int nExtra,
				final double threshold, final int nSamples, final double minIntensity) {
			this(input, output, tilesDir, nExtra, threshold, nSamples, minIntensity, THREADS, null);
		}

		public Options withThreads(final int t) {
			return new Options(input, output, tilesDir, nExtra, threshold, nSamples, minIntensity, t, date);
		}

		/** The date stamped on the JSON diagnostics (one date for a whole run, e.g. {@code oct run}'s); null: now. */
		public Options withDate(final String d) {
			return new Options(input, output, tilesDir, nExtra, threshold, nSamples, minIntensity, threads, d);
		}

		public static Options defaults(final Path input, final Path output, final Path tilesDir, final int nExtra) {
			return new Options(input, output, tilesDir, nExtra, DEFAULT_THRESHOLD, DEFAULT_N_SAMPLES,
					DEFAULT_MIN_INTENSITY);
		}

		public GalvoSettings settings() {
			return new GalvoSettings(nExtra, threshold, nSamples, minIntensity);
		}
	}

	/**
	 * @param output      the config written
	 * @param slices      one decision per slice folder, in slice-id order
	 * @param diagnostics the JSON diagnostics written
	 */
	public record Result(Path output, List<DetectedSlice> slices, List<Path> diagnostics) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		problems.requireFile(o.input(), "slice_config");
		problems.check(o.output() != null, "output slice_config: not given");
		GalvoSlices.check(problems, o.nExtra(), o.threshold(), o.nSamples(), o.minIntensity());
		SliceConfig config = null;
		if (o.input() != null && Files.isRegularFile(o.input())) {
			try {
				config = SliceConfigFiles.read(o.input());
			}
			catch (final BadInputException e) {
				problems.add(e.getMessage());
			}
		}
		final List<TileFiles.SliceFolder> folders = GalvoSlices.folders(o.tilesDir(), true, problems);
		problems.throwIfAny();

		GalvoSlices.warnUncovered(o.tilesDir(), folders, config, l);
		final List<DetectedSlice> slices = GalvoSlices.detect(folders, o.settings(), ops, l, o.threads());
		stamp(config, slices);
		final List<Path> diagnostics = GalvoSlices.writeDiagnostics(o.output(), slices, o.date());
		SliceConfigFiles.write(config, o.output());
		return new Result(o.output(), slices, diagnostics);
	}

	/**
	 * Galvo detection requested by another stage (slice-config generate): the tiles folder and the settings.
	 *
	 * @param tilesDir folder of slice_zNN tile folders
	 * @param settings detection parameters
	 */
	public record Detect(Path tilesDir, GalvoSettings settings, int threads) {
		public Detect(final Path tilesDir, final GalvoSettings settings) {
			this(tilesDir, settings, Options.THREADS);
		}
	}

	/**
	 * Stamps galvo_confidence and galvo_fix of every slice folder of {@code detect.tilesDir()} into an in-memory
	 * {@code config} and writes the per-slice diagnostics next to {@code configOut}, which the caller writes after
	 * (slice-config generate with galvo detection). Every slice is detected before anything is written.
	 *
	 * @throws BadInputException for a tiles folder without tiles, a folder without a slice id, an unreadable tile
	 */
	public static List<DetectedSlice> stampInto(final SliceConfig config, final Detect detect, final Path configOut,
			final ImageOps ops, final Listener listener) throws IOException {
		final GalvoSettings settings = detect.settings();
		final List<TileFiles.SliceFolder> folders = TileFiles.sliceFolders(detect.tilesDir());
		GalvoSlices.requireIds(folders);
		GalvoSlices.warnUncovered(detect.tilesDir(), folders, config, Listener.orNone(listener));
		final List<DetectedSlice> slices = GalvoSlices.detect(folders, settings, ops, Listener.orNone(listener),
				detect.threads());
		stamp(config, slices);
		GalvoSlices.writeDiagnostics(configOut, slices, null);
		return slices;
	}

	private static void stamp(final SliceConfig config, final List<DetectedSlice> slices) {
		final Map<String, SliceDetection> byId = new LinkedHashMap<>();
		for (final DetectedSlice d : slices)
			byId.put(d.sliceId(), d.detection());
		GalvoStamp.stamp(config, byId);
	}
}
