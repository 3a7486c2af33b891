package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoDiagnostics;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.SliceDetector;
import io.github.triage.io.JsonDiagnostics;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.slice.DecisionSanity;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;

/** What the slice-level galvo stages share: checks, detection over tile folders, the diagnostics files. */
final class GalvoSlices {
	/** Per-slice JSON diagnostics go to this folder next to the CSV written (config or fragment). */
	static final String DIAGNOSTICS_DIR = "galvo_diagnostics";

	private GalvoSlices() {
	}

	/** The slice folders of {@code tiles}, or null after recording why there are none. */
	static List<TileFiles.SliceFolder> folders(final Path tiles, final boolean needIds, final Problems problems) {
		problems.requireFolder(tiles, "tiles folder");
		if (tiles == null || !Files.isDirectory(tiles)) return null;
		try {
			final List<TileFiles.SliceFolder> folders = TileFiles.sliceFolders(tiles);
			if (needIds) requireIds(folders);
			return folders;
		}
		catch (final BadInputException e) {
			problems.add(e.getMessage());
			return null;
		}
	}

	/**
	 * Warns about slices the tiles do not cover: a sub-folder of {@code tiles} without tiles (it is skipped), and,
	 * with a config, each of its slices without a tile folder (its galvo cells stay unset). Silence would leave a
	 * blank cell without a word.
	 */
	static void warnUncovered(final Path tiles, final List<TileFiles.SliceFolder> folders, final SliceConfig config,
			final Listener listener) {
		final Set<Path> found = new HashSet<>();
		final Set<String> ids = new HashSet<>();
		for (final TileFiles.SliceFolder f : folders) {
			found.add(f.dir());
			ids.add(f.sliceId());
		}
		if (!found.contains(tiles)) {
			try (Stream<Path> s = Files.list(tiles)) {
				for (final Path p : (Iterable<Path>) s.sorted()::iterator)
					if (Files.isDirectory(p) && !TileFiles.isTile(p) && !p.getFileName().toString().startsWith(".")
							&& !found.contains(p))
						listener.warning("galvo: " + p + ": no tiles (.tif, .tiff, .ome.zarr) in it, skipped");
			}
			catch (final IOException e) {
				listener.warning("galvo: " + tiles + ": cannot list (" + e.getMessage() + ")");
			}
		}
		if (config == null) return;
		for (final String id : config.ids())
			if (!ids.contains(id))
				listener.warning("galvo: slice " + id + ": no tile folder in " + tiles
						+ "; galvo_confidence and galvo_fix left unset");
	}

	/** Every folder must name its slice: the id keys the config row and the diagnostics file. */
	static void requireIds(final List<TileFiles.SliceFolder> folders) {
		for (final TileFiles.SliceFolder f : folders)
			if (f.sliceId() == null)
				throw new BadInputException(f.dir() + ": cannot tell the slice id (expected a name like slice_z03)");
	}

	/** Records what is wrong with the settings. */
	static void check(final Problems problems, final int nExtra, final double threshold, final int nSamples,
			final double minIntensity) {
		GalvoSettings.problems(nExtra, threshold, nSamples, minIntensity).forEach(problems::add);
	}

	/**
	 * Detects every folder, in order; writes nothing. Tiles are read only when the sampling picks them. Several
	 * folders run on up to {@code threads} threads (one slice each); a single folder reads its tiles so.
	 */
	static List<DetectedSlice> detect(final List<TileFiles.SliceFolder> folders, final GalvoSettings settings,
			final ImageOps ops, final Listener listener, final int threads) throws IOException {
		final int n = folders.size();
		final List<DetectedSlice> out = Workers.map(n, threads, ops, o -> o, listener, (i, o, l) -> {
			final TileFiles.SliceFolder f = folders.get(i);
			l.checkCancelled();
			final String name = f.dir().getFileName().toString();
			l.progress(i, n, name);
			// tiles report only cancellation: the slice is the unit of progress
			final Listener tiles = new Listener() {
				@Override
				public boolean isCancelled() {
					return l.isCancelled();
				}
			};
			final DetectedSlice d = new DetectedSlice(f.dir(), f.sliceId(), SliceDetector.detect(name,
					TileFiles.sources(f.dir(), l), settings, o, tiles, n == 1 ? threads : 1));
			l.info(d.summary());
			return d;
		});
		listener.progress(n, n, "done");
		// galvo excludes no slice (it decides a fix), so only the confidences against the threshold are checked
		DecisionSanity.scores("galvo", out.stream().map(d -> d.detection().confidence()).toList(), settings.threshold())
				.forEach(listener::warning);
		return out;
	}

	/** Where a slice's diagnostics go: {@code galvo_diagnostics/slice_zNN_galvo.json} next to {@code csv}. */
	static Path diagnosticsFile(final Path csv, final String sliceId) {
		return csv.toAbsolutePath().getParent().resolve(DIAGNOSTICS_DIR).resolve("slice_z" + sliceId + "_galvo.json");
	}

	/**
	 * Writes each slice's diagnostics next to {@code csv} (atomically), stamped with the Triage version and
	 * {@code date} (null: now); returns the files.
	 */
	static List<Path> writeDiagnostics(final Path csv, final List<DetectedSlice> slices, final String date)
			throws IOException {
		final String stamp = JsonDiagnostics.date(date);
		final List<Path> written = new ArrayList<>();
		for (final DetectedSlice d : slices) {
			final Path f = diagnosticsFile(csv, d.sliceId());
			JsonDiagnostics.write(f, JsonDiagnostics.stamped(stamp, GalvoDiagnostics.of(d.detection())));
			written.add(f);
		}
		return written;
	}
}
