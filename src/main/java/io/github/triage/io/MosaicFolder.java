package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.layout.SliceNames;

/**
 * The per-slice mosaics of a folder: OME-Zarr folders ({@code .ome.zarr} or {@code .zarr}) or TIFF stacks
 * ({@code .tif}, {@code .tiff}) whose name has a slice id by the one rule ({@link SliceNames}; an ambiguous name
 * is an error naming the file), sorted by numeric id. Where a slice exists in both formats the OME-Zarr wins (one
 * line says so); two entries of one format for one id are an error.
 */
public final class MosaicFolder {

	/** One slice's mosaic. */
	public static final class Entry {
		public final int id;
		public final Path path;
		public final boolean zarr;

		public Entry(final int id, final Path path, final boolean zarr) {
			this.id = id;
			this.path = path;
			this.zarr = zarr;
		}

		/** The id as slice_config writes it: two digits at least ("03", "100"). */
		public String sliceId() {
			return SliceNames.format(id);
		}

		@Override
		public String toString() {
			return "slice " + sliceId() + " (" + path + ")";
		}
	}

	private MosaicFolder() {
	}

	/**
	 * One mosaic given by its path (a per-slice run): an OME-Zarr folder or a TIFF file whose name has a slice id.
	 *
	 * @throws BadInputException naming the path when it is neither, does not exist or has no (or an ambiguous) id
	 */
	public static Entry entry(final Path p) {
		final Boolean zarr = kind(p);
		if (zarr == null)
			throw new BadInputException(p + ": not a slice mosaic (expected an existing .ome.zarr folder or .tif file)");
		final OptionalInt id = idOf(p);
		if (id.isEmpty()) throw new BadInputException(p + ": no slice id (z<NN>) in the name");
		return new Entry(id.getAsInt(), p, zarr);
	}

	/** True for an OME-Zarr folder, false for a TIFF file, null for anything else. */
	private static Boolean kind(final Path p) {
		final String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.isDirectory(p) && lower.endsWith(".zarr")) return true;
		if (Files.isRegularFile(p) && (lower.endsWith(".tif") || lower.endsWith(".tiff"))) return false;
		return null;
	}

	/** The mosaics of {@code dir} sorted by id; an error naming the folder when there are none. */
	public static List<Entry> list(final Path dir, final Listener listener) {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": no such folder");
		final TreeMap<Integer, Entry> zarrs = new TreeMap<>(), tiffs = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.comparing(Path::toString))::iterator) {
				final String name = p.getFileName().toString();
				final Boolean zarr = kind(p);
				if (zarr == null || name.startsWith(".")) continue;
				final OptionalInt id = idOf(p);
				if (id.isEmpty()) continue;
				final TreeMap<Integer, Entry> into = zarr ? zarrs : tiffs;
				final Entry prev = into.put(id.getAsInt(), new Entry(id.getAsInt(), p, zarr));
				if (prev != null)
					throw new BadInputException(dir + ": two mosaics for slice " + SliceNames.format(id.getAsInt())
							+ ": " + prev.path.getFileName() + " and " + name);
			}
		}
		catch (final IOException e) {
			throw new BadInputException(dir + ": cannot list folder: " + e.getMessage(), e);
		}
		final TreeMap<Integer, Entry> all = new TreeMap<>(tiffs);
		int shadowed = 0;
		for (final Entry e : zarrs.values())
			if (all.put(e.id, e) != null) shadowed++;
		if (shadowed > 0)
			Listener.orNone(listener).info(dir + ": " + shadowed
					+ " slice(s) exist as both OME-Zarr and TIFF; using the OME-Zarr.");
		if (all.isEmpty())
			throw new BadInputException(dir + ": no slice mosaics found (expected *z<NN>*.ome.zarr folders or *z<NN>*.tif files)");
		return new ArrayList<>(all.values());
	}

	/** The id by the one rule; an ambiguous name is an error naming the whole path. */
	private static OptionalInt idOf(final Path p) {
		try {
			return SliceNames.idOf(p.getFileName().toString());
		}
		catch (final BadInputException e) {
			final Path parent = p.getParent();
			throw new BadInputException((parent != null ? parent + "/" : "") + e.getMessage(), e);
		}
	}
}
