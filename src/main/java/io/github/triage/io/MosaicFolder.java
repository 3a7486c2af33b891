package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.triage.BadInputException;

/**
 * The per-slice mosaics of a folder: entries named {@code *z<NN>*} that are OME-Zarr folders ({@code .ome.zarr} or
 * {@code .zarr}) or TIFF stacks ({@code .tif}, {@code .tiff}), sorted by numeric slice id. Where a slice exists in
 * both formats the OME-Zarr wins (one log line says so); two entries of one format for one id are an error.
 */
public final class MosaicFolder {
	/** As linumpy: the last {@code z} followed by digits in the name gives the slice id. */
	private static final Pattern ID = Pattern.compile(".*z(\\d+).*");

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
			return String.format(Locale.ROOT, "%02d", id);
		}

		@Override
		public String toString() {
			return "slice " + sliceId() + " (" + path + ")";
		}
	}

	private MosaicFolder() {
	}

	/** The mosaics of {@code dir} sorted by id; an error naming the folder when there are none. */
	public static List<Entry> list(final Path dir, final Consumer<String> log) {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": no such folder");
		final TreeMap<Integer, Entry> zarrs = new TreeMap<>(), tiffs = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.comparing(Path::toString))::iterator) {
				final String name = p.getFileName().toString();
				final String lower = name.toLowerCase(Locale.ROOT);
				final boolean isZarr = Files.isDirectory(p) && lower.endsWith(".zarr");
				final boolean isTiff = Files.isRegularFile(p) && (lower.endsWith(".tif") || lower.endsWith(".tiff"));
				if (!isZarr && !isTiff || name.startsWith(".")) continue;
				final String stem = isZarr ? name.replaceAll("(?i)(\\.ome)?\\.zarr$", "")
						: name.replaceAll("(?i)\\.tiff?$", "");
				final Matcher m = ID.matcher(stem);
				if (!m.matches()) continue;
				final int id;
				try {
					id = Integer.parseInt(m.group(1));
				}
				catch (final NumberFormatException e) {
					throw new BadInputException(p + ": slice id '" + m.group(1) + "' is too large");
				}
				final TreeMap<Integer, Entry> into = isZarr ? zarrs : tiffs;
				final Entry prev = into.put(id, new Entry(id, p, isZarr));
				if (prev != null)
					throw new BadInputException(dir + ": two mosaics for slice " + String.format(Locale.ROOT, "%02d", id)
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
		if (shadowed > 0 && log != null)
			log.accept(dir + ": " + shadowed + " slice(s) exist as both OME-Zarr and TIFF; using the OME-Zarr.");
		if (all.isEmpty())
			throw new BadInputException(dir + ": no slice mosaics found (expected *z<NN>*.ome.zarr folders or *z<NN>*.tif files)");
		return new ArrayList<>(all.values());
	}
}
