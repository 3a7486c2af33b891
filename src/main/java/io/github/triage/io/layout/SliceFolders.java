package io.github.triage.io.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.triage.BadInputException;

/**
 * Finds the slice ids of a dataset from its files, by the one slice-id rule ({@link SliceNames}): mosaic files or
 * folders with an image extension ({@code mosaic_grid_3d_z03.ome.zarr}, {@code slice_z03.tif}) or raw tile folders
 * ({@code slice_z03}). Looks only at the folder's direct entries; hidden entries are skipped.
 */
public final class SliceFolders {
	private static final List<String> IMAGE_EXTENSIONS = List.of(".ome.zarr", ".zarr", ".tif", ".tiff", ".nii",
			".nii.gz", ".nrrd", ".h5", ".mhd");

	private SliceFolders() {
	}

	/** True for a name with an image extension ({@code .ome.zarr}, {@code .tif}, …). */
	public static boolean isImageName(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		return IMAGE_EXTENSIONS.stream().anyMatch(lower::endsWith);
	}

	/** Ids (normalised, increasing) of the mosaics in a folder: image files or folders whose name has a slice id. */
	public static List<String> mosaicIds(final Path dir) throws IOException {
		return scan(dir, "mosaic (name with zNN and an image extension such as .ome.zarr or .tif)",
				p -> isImageName(p.getFileName().toString()));
	}

	/** Ids (normalised, increasing) of the raw tile folders ({@code slice_zNN}; not an OME-Zarr) in a folder. */
	public static List<String> tileFolderIds(final Path dir) throws IOException {
		return scan(dir, "tile folder (slice_zNN)", p -> Files.isDirectory(p) && !isImageName(p.getFileName().toString()));
	}

	private static List<String> scan(final Path dir, final String what, final Predicate<Path> accept)
			throws IOException {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder");
		final Map<Integer, String> ids = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith(".") || !accept.test(p)) continue;
				final OptionalInt id = SliceNames.idOf(name);
				if (id.isPresent()) ids.put(id.getAsInt(), SliceNames.format(id.getAsInt()));
			}
		}
		if (ids.isEmpty()) throw new BadInputException(dir + ": no " + what + " found");
		return List.copyOf(ids.values());
	}
}
