package io.github.triage.slice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.triage.BadInputException;

/**
 * Finds the slice ids of a dataset from its files, for generating a slice_config: mosaic files or folders named
 * {@code *z(NN)*} with an image extension ({@code mosaic_grid_3d_z03.ome.zarr}, {@code slice_z03.tif}), raw tile
 * folders named {@code slice_z(NN)}, or the ids of a shifts file. Looks only at the folder's direct entries.
 */
public final class SliceSources {
	private static final Pattern MOSAIC_ID = Pattern.compile("z(\\d+)");
	private static final Pattern TILES_ID = Pattern.compile("slice_z(\\d+)(?!\\d).*");
	private static final List<String> IMAGE_EXTENSIONS = List.of(".ome.zarr", ".zarr", ".tif", ".tiff", ".nii",
			".nii.gz", ".nrrd", ".h5", ".mhd");

	private SliceSources() {
	}

	/** Ids (normalised, increasing) of the mosaics in a folder: image files or folders whose name has z(NN). */
	public static List<String> fromMosaics(final Path dir) throws IOException {
		return scan(dir, "mosaic (name with zNN and an image extension such as .ome.zarr or .tif)", p -> {
			final String name = p.getFileName().toString();
			final String lower = name.toLowerCase(Locale.ROOT);
			if (IMAGE_EXTENSIONS.stream().noneMatch(lower::endsWith)) return null;
			final Matcher m = MOSAIC_ID.matcher(name);
			return m.find() ? m.group(1) : null;
		});
	}

	/** Ids (normalised, increasing) of the raw tile folders {@code slice_zNN} in a folder. */
	public static List<String> fromTiles(final Path dir) throws IOException {
		return scan(dir, "tile folder (slice_zNN)", p -> {
			if (!Files.isDirectory(p)) return null;
			final Matcher m = TILES_ID.matcher(p.getFileName().toString());
			return m.matches() ? m.group(1) : null;
		});
	}

	/** Ids (normalised, increasing) of every slice in a shifts file. */
	public static List<String> fromShifts(final ShiftsTable shifts) {
		return shifts.ids().stream().map(i -> SliceConfig.normalizeId(Integer.toString(i))).toList();
	}

	private interface IdOf {
		String apply(Path entry);
	}

	private static List<String> scan(final Path dir, final String what, final IdOf idOf) throws IOException {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder");
		final Map<Integer, String> ids = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				if (p.getFileName().toString().startsWith(".")) continue;
				final String raw = idOf.apply(p);
				if (raw == null) continue;
				final String id = SliceConfig.normalizeId(raw);
				ids.put(Integer.parseInt(id), id);
			}
		}
		if (ids.isEmpty()) throw new BadInputException(dir + ": no " + what + " found");
		return List.copyOf(ids.values());
	}
}
