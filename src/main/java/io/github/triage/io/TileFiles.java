package io.github.triage.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.TileSource;
import io.github.triage.io.layout.SliceNames;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ZMean;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Raw OCT tiles on disk: TIFF stacks ({@code .tif}, {@code .tiff}) or OME-Zarr folders ({@code .ome.zarr},
 * {@code .zarr}, level 0), each a (Z, Y, X) volume read as an ImgLib2 image (X, Y, Z). A slice folder holds the
 * tiles of one slice; its tile list is sorted by file name (x-major for linumpy's {@code tile_xXX_yYY_zNN} names).
 */
public final class TileFiles {
	private TileFiles() {
	}

	/** True for a tile file or OME-Zarr folder (hidden entries excluded). */
	public static boolean isTile(final Path p) {
		final String name = p.getFileName().toString();
		if (name.startsWith(".")) return false;
		final String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".tif") || lower.endsWith(".tiff")) return Files.isRegularFile(p);
		return (lower.endsWith(".ome.zarr") || lower.endsWith(".zarr")) && Files.isDirectory(p);
	}

	/** The tiles directly in a folder, sorted by name; empty when there are none. */
	public static List<Path> tilesIn(final Path dir) {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder");
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(TileFiles::isTile).sorted((a, b) -> a.getFileName().toString()
					.compareTo(b.getFileName().toString())).toList();
		}
		catch (final IOException e) {
			throw new BadInputException(dir + ": cannot list (" + e.getMessage() + ")", e);
		}
	}

	/** A folder holding the tiles of one slice, and the slice id its name gives (null when it has none). */
	public record SliceFolder(Path dir, String sliceId) {
	}

	/**
	 * The slice folders under {@code dir}: {@code dir} itself when it holds tiles, else its sub-folders that hold
	 * tiles, in slice-id order (folders without an id last, by name). Ids come from the one slice-id rule
	 * ({@link SliceNames}): a folder name with two different ids is an error naming it, and so is an id that two
	 * folders share.
	 *
	 * @throws BadInputException when no tiles are found
	 */
	public static List<SliceFolder> sliceFolders(final Path dir) {
		if (!tilesIn(dir).isEmpty()) return List.of(folder(dir));
		final List<SliceFolder> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator)
				if (Files.isDirectory(p) && !isTile(p) && !p.getFileName().toString().startsWith(".")
						&& !tilesIn(p).isEmpty())
					out.add(folder(p));
		}
		catch (final IOException e) {
			throw new BadInputException(dir + ": cannot list (" + e.getMessage() + ")", e);
		}
		if (out.isEmpty())
			throw new BadInputException(dir + ": no tiles (.tif, .tiff, .ome.zarr) in it or in its sub-folders");
		out.sort(Comparator.comparingInt((SliceFolder f) -> f.sliceId() == null ? Integer.MAX_VALUE
				: Integer.parseInt(f.sliceId())).thenComparing(f -> f.dir().getFileName().toString()));
		final Map<String, Path> seen = new HashMap<>();
		for (final SliceFolder f : out) {
			final Path other = f.sliceId() == null ? null : seen.putIfAbsent(f.sliceId(), f.dir());
			if (other != null)
				throw new BadInputException(f.dir() + ": slice " + f.sliceId() + " also in " + other.getFileName());
		}
		return out;
	}

	private static SliceFolder folder(final Path dir) {
		final OptionalInt id = SliceNames.idOf(dir.getFileName().toString());
		return new SliceFolder(dir, id.isPresent() ? SliceNames.format(id.getAsInt()) : null);
	}

	/** Reads a tile (TIFF or OME-Zarr level 0) as float (X, Y, Z); a single-plane TIFF comes back 2D. */
	public static ArrayImg<FloatType, FloatArray> read(final Path file, final Listener listener) {
		final String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".zarr")) {
			final OmeZarrReader r = OmeZarrReader.open(file, 0, file.toString(), Listener.orNone(listener)::warning);
			final int w = r.width(), h = r.height(), d = r.depth();
			final float[] px = new float[Math.multiplyExact(Math.multiplyExact(w, h), d)];
			for (int z = 0; z < d; z++)
				System.arraycopy(r.readPlane(z), 0, px, z * w * h, w * h);
			return requireFinite(FloatImages.wrap(px, w, h, d), file);
		}
		try {
			return requireFinite(TiffStacks.read(file), file);
		}
		catch (final UncheckedIOException | IllegalArgumentException | IndexOutOfBoundsException e) {
			throw new BadInputException(file + ": cannot read as TIFF (" + e.getMessage() + ")", e);
		}
	}

	/** A tile with NaN or infinite pixels cannot be detected on or fixed: refused, naming the first such pixel. */
	private static ArrayImg<FloatType, FloatArray> requireFinite(final ArrayImg<FloatType, FloatArray> img,
			final Path file) {
		requireFinite(img.update(null).getCurrentStorageArray(), (int) img.dimension(0), (int) img.dimension(1), 0,
				file);
		return img;
	}

	/** {@code px}: planes of w × h from plane {@code z0} on (one streamed plane, or a whole tile). */
	private static float[] requireFinite(final float[] px, final int w, final int h, final int z0, final Path file) {
		final long wh = (long) w * h;
		for (int i = 0; i < px.length; i++)
			if (!Float.isFinite(px[i]))
				throw new BadInputException(file + ": " + px[i] + " pixel at x=" + i % w + ", y=" + i / w % h + ", z="
						+ (z0 + i / wh) + " (a tile must hold finite numbers)");
		return px;
	}

	/**
	 * The AIP (mean over Z) of a tile, read one plane at a time (an uncompressed TIFF or an OME-Zarr tile is never
	 * whole in memory; any other TIFF is read whole and projected by {@code ops}). A 2D image is its own AIP, unless
	 * {@code require3d}, when it is an error naming the file.
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> aip(final Path file, final boolean require3d,
			final ImageOps ops, final Listener listener) {
		final String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".zarr")) {
			final OmeZarrReader r = OmeZarrReader.open(file, 0, file.toString(), Listener.orNone(listener)::warning);
			final ZMean mean = new ZMean(r.width(), r.height());
			for (int z = 0; z < r.depth(); z++)
				mean.add(requireFinite(r.readPlane(z), r.width(), r.height(), z, file));
			return mean.result();
		}
		try (TiffPlanes t = TiffPlanes.open(file)) {
			if (t != null) {
				if (t.depth() == 1 && require3d) throw not3d(file, 2);
				final double[] sums = new double[t.width() * t.height()];
				t.addTo(sums);
				// a NaN or infinite pixel leaves its sum so (finite floats cannot overflow a double sum): only then
				// are the planes read again, to name the first one
				if (!allFinite(sums)) {
					final float[] plane = new float[sums.length];
					for (int z = 0; z < t.depth(); z++)
						requireFinite(t.plane(z, plane), t.width(), t.height(), z, file);
				}
				return ZMean.of(sums, t.depth(), t.width(), t.height());
			}
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read as TIFF (" + e.getMessage() + ")", e);
		}
		final RandomAccessibleInterval<? extends RealType<?>> tile = read(file, listener);
		if (tile.numDimensions() != 3 && require3d) throw not3d(file, tile.numDimensions());
		return tile.numDimensions() == 2 ? tile : ops.meanZProjection(tile);
	}

	private static boolean allFinite(final double[] v) {
		for (final double x : v)
			if (!Double.isFinite(x)) return false;
		return true;
	}

	private static BadInputException not3d(final Path file, final int nd) {
		return new BadInputException(file + ": a raw tile must be 3D (X, Y, Z), got " + nd + "D");
	}

	/** The tiles of a slice folder as lazily read sources, sorted by name; empty folder → error naming it. */
	public static List<TileSource> sources(final Path sliceDir, final Listener listener) {
		final List<Path> files = tilesIn(sliceDir);
		if (files.isEmpty()) throw new BadInputException(sliceDir + ": no tiles (.tif, .tiff, .ome.zarr)");
		final List<TileSource> out = new ArrayList<>();
		for (final Path p : files)
			out.add(new TileSource() {
				@Override
				public String name() {
					return p.getFileName().toString();
				}

				@Override
				public RandomAccessibleInterval<? extends RealType<?>> load() {
					return read(p, listener);
				}

				@Override
				public String label() {
					return p.toString();
				}

				@Override
				public RandomAccessibleInterval<? extends RealType<?>> aip(final ImageOps ops) {
					return TileFiles.aip(p, true, ops, listener);
				}
			});
		return out;
	}
}
