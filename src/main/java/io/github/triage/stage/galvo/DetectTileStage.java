package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.triage.Listener;
import io.github.triage.galvo.GalvoDetector;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.TileDetection;
import io.github.triage.io.CsvTables;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Tile-level galvo detection: the return band of each 3D tile (TIFF stack, OME-Zarr) or 2D AIP, as a table
 * {@code file,shift,band_start,confidence}; written to a CSV when an output is given. Every file is read and
 * detected before anything is written.
 */
public final class DetectTileStage implements Stage<DetectTileStage.Options, DetectTileStage.Result> {
	/** The table's columns. */
	public static final List<String> HEADER = List.of("file", "shift", "band_start", "confidence");

	/**
	 * @param files     tiles or AIPs
	 * @param output    CSV to write; null to write nothing
	 * @param nExtra    galvo-return rows of the acquisition
	 * @param threshold tiles whose confidence is below it report shift 0
	 * @param threads   worker threads (tiles); the result is the same with any number
	 */
	public record Options(List<Path> files, Path output, int nExtra, double threshold, int threads) {
		public static final double DEFAULT_THRESHOLD = GalvoSettings.DEFAULT_THRESHOLD;
		/** Worker threads: the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();

		public Options {
			files = files == null ? List.of() : List.copyOf(files);
		}

		public Options(final List<Path> files, final Path output, final int nExtra, final double threshold) {
			this(files, output, nExtra, threshold, THREADS);
		}

		public Options withThreads(final int t) {
			return new Options(files, output, nExtra, threshold, t);
		}

		public static Options defaults(final List<Path> files, final int nExtra) {
			return new Options(files, null, nExtra, DEFAULT_THRESHOLD);
		}
	}

	/** One file's detection and the shift reported at the threshold. */
	public record Tile(Path file, TileDetection detection, int shift) {
		public List<String> row() {
			return List.of(file.toString(), Integer.toString(shift), Integer.toString(detection.bandStart()),
					String.format(Locale.ROOT, "%.4f", detection.confidence()));
		}
	}

	/** @param tiles one per file, in the given order; @param output the CSV written, or null */
	public record Result(List<Tile> tiles, Path output) {
		public List<List<String>> rows() {
			return tiles.stream().map(Tile::row).toList();
		}
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		problems.check(!o.files().isEmpty(), "no tiles given");
		for (final Path f : o.files())
			problems.check(Files.exists(f), f + ": tile not found");
		problems.check(o.nExtra() >= 1, "n_extra must be at least 1, got " + o.nExtra() + ".");
		if (o.output() != null) problems.requireOutputFile(o.output(), "output table");
		GalvoSettings.thresholdProblems(o.threshold()).forEach(problems::add);
		problems.throwIfAny();

		// each tile is read plane by plane into its AIP (a 2D file is an AIP already)
		final int n = o.files().size();
		final List<Tile> tiles = Workers.map(n, o.threads(), ops, x -> x, l, (i, x, tl) -> {
			final Path f = o.files().get(i);
			tl.checkCancelled();
			tl.progress(i, n, f.getFileName().toString());
			final TileDetection d = GalvoDetector.detectAip(f.toString(), TileFiles.aip(f, false, x, tl), o.nExtra());
			return new Tile(f, d, d.shiftAt(o.threshold()));
		});
		l.progress(n, n, "done");
		final Result result = new Result(tiles, o.output());
		if (o.output() != null) CsvTables.write(o.output(), HEADER, result.rows());
		return result;
	}
}
