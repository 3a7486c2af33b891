package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoDiagnostics;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.GalvoStamp;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.galvo.SliceDetector;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;

/**
 * Slice-level galvo detection over a tiles folder, shared by {@code triage galvo detect-slice}, {@code triage
 * galvo stamp}, {@code triage slice-config generate --detect-galvo} and the Fiji command: folders in,
 * detections, diagnostics and stamps out.
 */
public final class GalvoSliceRuns {
	private static final Pattern SLICE_ID = Pattern.compile("z(\\d+)");

	private GalvoSliceRuns() {
	}

	/** Detects every slice folder under {@code tilesDir} (or {@code tilesDir} itself), in name order. */
	public static Map<Path, SliceDetection> detectAll(final Path tilesDir, final GalvoSettings settings,
			final ImageOps ops, final Listener progress, final Consumer<String> log) {
		final List<Path> folders = TileFiles.sliceFolders(tilesDir);
		final Map<Path, SliceDetection> out = new LinkedHashMap<>();
		int i = 0;
		for (final Path f : folders) {
			final int done = i++;
			progress.progress(done, folders.size(), f.getFileName().toString());
			log.accept("galvo: slice " + (done + 1) + "/" + folders.size() + " " + f.getFileName());
			// tiles within a slice report through the same progress, so cancelling stops between tiles
			final Listener inner = new Listener() {
				@Override
				public void progress(final int d, final int t, final String what) {
					progress.progress(done, folders.size(), what);
				}

				@Override
				public boolean isCancelled() {
					return progress.isCancelled();
				}
			};
			out.put(f, SliceDetector.detect(f.getFileName().toString(),
					TileFiles.sources(f, w -> log.accept("warning: " + w)), settings, ops, inner));
		}
		progress.progress(folders.size(), folders.size(), "done");
		return out;
	}

	/** The slice id of a tile folder: the number after the last 'z' group in its name (slice_z03 → 03). */
	public static String sliceId(final Path folder) {
		final Matcher m = SLICE_ID.matcher(folder.getFileName().toString());
		String last = null;
		while (m.find())
			last = m.group(1);
		if (last == null)
			throw new BadInputException(folder + ": cannot tell the slice id (expected a name like slice_z03)");
		return SliceConfig.normalizeId(last);
	}

	/** Where a slice's diagnostics go: {@code galvo_diagnostics/slice_zNN_galvo.json} next to the config. */
	public static Path diagnosticsFile(final Path config, final String sliceId) {
		final Path dir = config.toAbsolutePath().getParent();
		return dir.resolve("galvo_diagnostics").resolve("slice_z" + sliceId + "_galvo.json");
	}

	/**
	 * Detects the slices of {@code tilesDir}, stamps galvo_confidence and galvo_fix into {@code config} (slices not in
	 * it get a row, use=false, as stamping does) and writes the per-slice diagnostics next to {@code configOut}.
	 * All slices are detected before anything is written, so bad input leaves no file behind.
	 */
	public static Map<String, SliceDetection> stampInto(final SliceConfig config, final Path tilesDir,
			final GalvoSettings settings, final ImageOps ops, final Path configOut, final Listener progress,
			final Consumer<String> log) throws IOException {
		final Map<String, SliceDetection> byId = new LinkedHashMap<>();
		for (final Map.Entry<Path, SliceDetection> e : detectAll(tilesDir, settings, ops, progress, log).entrySet()) {
			final String id = sliceId(e.getKey());
			if (byId.put(id, e.getValue()) != null)
				throw new BadInputException(e.getKey() + ": slice " + id + " appears in two tile folders");
		}
		GalvoStamp.stamp(config, byId);
		for (final Map.Entry<String, SliceDetection> e : byId.entrySet())
			JsonDiagnostics.write(diagnosticsFile(configOut, e.getKey()), GalvoDiagnostics.of(e.getValue()));
		return byId;
	}
}
