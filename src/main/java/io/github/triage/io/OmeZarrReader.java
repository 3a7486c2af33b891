package io.github.triage.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.zarr.zarrjava.core.Attributes;
import dev.zarr.zarrjava.store.FilesystemStore;
import dev.zarr.zarrjava.store.StoreHandle;
import dev.zarr.zarrjava.v2.Array;
import dev.zarr.zarrjava.v2.Group;
import io.github.triage.BadInputException;

/**
 * Reads one OME-Zarr image (NGFF 0.4 {@code multiscales} over Zarr v2, zlib or blosc chunks) plane by plane through
 * zarr-java: only the chunks that hold the requested Z plane are decoded, so memory stays at about one plane plus
 * one row of chunks whatever the volume size. Axes are the last three of the array, read as (Z, Y, X).
 * <p>
 * Every problem is reported with the label given at open (e.g. "slice 03 (…/slice_z03.ome.zarr)"). A chunk file
 * that is absent reads as the fill value, as Zarr defines it, but is reported once per plane through the warning
 * sink: writers may skip empty chunks, and a transfer may have lost some; the user must be told either way.
 */
public final class OmeZarrReader {
	private final Path root;
	private final String label;
	private final int level;
	private final int levels;
	private final Array array;
	private final long[] shape; // full array shape; the last three are Z, Y, X
	private final int[] chunks;
	private final double[] scaleZyx;
	private final String unit;
	private final Consumer<String> warn;
	/** Chunks deeper than one plane are decoded whole: keep the last slab of chunkZ planes when it is small. */
	private static final long SLAB_BUDGET_BYTES = 64L << 20;
	private int slabStart = -1;
	private float[] slab;

	private OmeZarrReader(final Path root, final String label, final int level, final int levels, final Array array,
			final double[] scaleZyx, final String unit, final Consumer<String> warn) {
		this.root = root;
		this.label = label;
		this.level = level;
		this.levels = levels;
		this.array = array;
		this.shape = array.metadata().shape;
		this.chunks = array.metadata().chunkShape();
		this.scaleZyx = scaleZyx;
		this.unit = unit;
		this.warn = warn;
	}

	/**
	 * Opens pyramid level {@code level} of an OME-Zarr image.
	 *
	 * @param label names the image in messages (a slice id and path)
	 * @param warn  receives warnings (missing chunks)
	 */
	public static OmeZarrReader open(final Path root, final int level, final String label, final Consumer<String> warn) {
		if (!Files.isDirectory(root)) throw new BadInputException(label + ": not an OME-Zarr folder");
		if (!Files.isRegularFile(root.resolve(".zgroup")))
			throw new BadInputException(label + ": no .zgroup (not a Zarr v2 group)");
		final Attributes attrs;
		try {
			attrs = Group.open(root).metadata().attributes();
		}
		catch (final Exception e) {
			throw new BadInputException(label + ": corrupt Zarr group metadata (.zgroup/.zattrs): " + message(e), e);
		}
		final Map<?, ?> ms = firstMultiscale(attrs, label);
		final List<?> datasets = list(ms.get("datasets"), label, "multiscales[0].datasets");
		if (datasets.isEmpty()) throw new BadInputException(label + ": .zattrs multiscales[0].datasets is empty");
		if (level < 0 || level >= datasets.size())
			throw new BadInputException(label + ": pyramid level " + level + " requested, but the image has "
					+ datasets.size() + " level(s) (0.." + (datasets.size() - 1) + ")");
		final Map<?, ?> ds = map(datasets.get(level), label, "multiscales[0].datasets[" + level + "]");
		final Object pathObj = ds.get("path");
		if (!(pathObj instanceof String) || ((String) pathObj).isBlank())
			throw new BadInputException(label + ": .zattrs datasets[" + level + "] has no path");
		final String path = (String) pathObj;
		final Array array;
		try {
			array = Array.open(new StoreHandle(new FilesystemStore(root), path.split("/")));
		}
		catch (final Exception e) {
			throw new BadInputException(label + ": cannot open level " + level + " array '" + path
					+ "' (corrupt or missing .zarray): " + message(e), e);
		}
		final long[] shape = array.metadata().shape;
		if (shape.length < 3)
			throw new BadInputException(label + ": level " + level + " array is " + shape.length
					+ "D; a (Z, Y, X) volume is needed");
		for (int d = 0; d < shape.length - 3; d++)
			if (shape[d] != 1)
				throw new BadInputException(label + ": level " + level + " has a leading axis of size " + shape[d]
						+ "; only single-channel, single-timepoint (Z, Y, X) volumes are supported");
		if (shape[shape.length - 1] * shape[shape.length - 2] > Integer.MAX_VALUE - 8)
			throw new BadInputException(label + ": a plane of " + shape[shape.length - 2] + " × "
					+ shape[shape.length - 1] + " pixels is too large for one array; use a higher pyramid level");
		final double[] scale = scaleOf(ds, shape.length, label, level);
		return new OmeZarrReader(root, label, level, datasets.size(), array, scale, axisUnit(ms), warn);
	}

	public int depth() {
		return (int) shape[shape.length - 3];
	}

	public int height() {
		return (int) shape[shape.length - 2];
	}

	public int width() {
		return (int) shape[shape.length - 1];
	}

	public int level() {
		return level;
	}

	/** Number of pyramid levels in the image. */
	public int levels() {
		return levels;
	}

	/** Voxel size (z, y, x) of the open level from its scale transformation; 1 where none is given. */
	public double[] scaleZyx() {
		return scaleZyx.clone();
	}

	/** The spatial unit of the axes, or an empty string. */
	public String unit() {
		return unit;
	}

	public Path root() {
		return root;
	}

	/**
	 * Z plane {@code z} as floats, Y rows of X values (X fastest). When chunks hold several planes and one chunk-deep
	 * slab fits in 64 MiB, the slab is read once and kept, so reading its planes one after another decodes each chunk
	 * once instead of once per plane; otherwise only the plane is read.
	 */
	public float[] readPlane(final int z) {
		if (z < 0 || z >= depth())
			throw new IllegalArgumentException(label + ": plane " + z + " outside 0.." + (depth() - 1));
		final int cz = chunks[shape.length - 3];
		final int plane = height() * width();
		if (cz > 1 && (long) cz * plane * 4 <= SLAB_BUDGET_BYTES) {
			final int start = z / cz * cz;
			if (start != slabStart) {
				final int n = Math.min(cz, depth() - start);
				for (int k = 0; k < n; k++)
					reportMissingChunks(start + k);
				slab = read(start, n);
				slabStart = start;
			}
			final float[] out = new float[plane];
			System.arraycopy(slab, (z - start) * plane, out, 0, plane);
			return out;
		}
		reportMissingChunks(z);
		return read(z, 1);
	}

	/** Planes z0 .. z0+n-1 through zarr-java, as one flat array. */
	private float[] read(final int z0, final int n) {
		final int nd = shape.length;
		final long[] offset = new long[nd];
		final int[] size = new int[nd];
		for (int d = 0; d < nd; d++)
			size[d] = 1;
		offset[nd - 3] = z0;
		size[nd - 3] = n;
		size[nd - 2] = height();
		size[nd - 1] = width();
		final String what = n == 1 ? "plane " + z0 : "planes " + z0 + ".." + (z0 + n - 1);
		final ucar.ma2.Array data;
		try {
			data = array.read(offset, size, false);
		}
		catch (final Exception e) {
			throw new BadInputException(label + ": cannot read " + what + " of level " + level
					+ " (corrupt chunk data?): " + message(e), e);
		}
		final long count = (long) n * height() * width();
		if (data.getSize() != count)
			throw new BadInputException(label + ": " + what + " read " + data.getSize() + " values, expected " + count);
		final Object storage = data.getStorage();
		if (storage instanceof float[] && ((float[]) storage).length == count) return (float[]) storage;
		final float[] out = new float[(int) count];
		for (int i = 0; i < count; i++)
			out[i] = data.getFloat(i);
		return out;
	}

	private void reportMissingChunks(final int z) {
		final int nd = shape.length;
		final int cy = chunks[nd - 2], cx = chunks[nd - 1];
		final long ny = (height() + cy - 1) / cy, nx = (width() + cx - 1) / cx;
		final long[] idx = new long[nd];
		idx[nd - 3] = z / chunks[nd - 3];
		final List<String> missing = new ArrayList<>();
		for (long j = 0; j < ny; j++)
			for (long i = 0; i < nx; i++) {
				idx[nd - 2] = j;
				idx[nd - 1] = i;
				final String[] key = array.metadata().chunkKeyEncoding().encodeChunkKey(idx);
				if (!array.storeHandle.resolve(key).exists()) missing.add(String.join("/", key));
			}
		if (!missing.isEmpty() && warn != null)
			warn.accept(label + ": level " + level + ", plane " + z + ": " + missing.size() + " of " + (ny * nx)
					+ " chunk file(s) missing (read as the fill value), e.g. " + missing.get(0));
	}

	// ---- metadata helpers ---------------------------------------------------------------------------------

	private static Map<?, ?> firstMultiscale(final Attributes attrs, final String label) {
		final Object ms = attrs == null ? null : attrs.get("multiscales");
		if (ms == null) throw new BadInputException(label + ": .zattrs has no 'multiscales' (not an OME-Zarr image)");
		final List<?> list = list(ms, label, "multiscales");
		if (list.isEmpty()) throw new BadInputException(label + ": .zattrs 'multiscales' is empty");
		final Map<?, ?> m = map(list.get(0), label, "multiscales[0]");
		final Object version = m.get("version");
		if (version != null && !"0.4".equals(String.valueOf(version)))
			throw new BadInputException(label + ": OME-Zarr version " + version + " is not supported (0.4 is)");
		return m;
	}

	private static double[] scaleOf(final Map<?, ?> ds, final int nd, final String label, final int level) {
		final double[] out = { 1, 1, 1 };
		final Object ct = ds.get("coordinateTransformations");
		if (ct == null) return out;
		for (final Object t : list(ct, label, "datasets[" + level + "].coordinateTransformations")) {
			final Map<?, ?> tm = map(t, label, "coordinateTransformations entry");
			if (!"scale".equals(tm.get("type"))) continue;
			final List<?> s = list(tm.get("scale"), label, "datasets[" + level + "] scale");
			if (s.size() != nd)
				throw new BadInputException(label + ": datasets[" + level + "] scale has " + s.size()
						+ " values for a " + nd + "D array");
			for (int k = 0; k < 3; k++) {
				final Object v = s.get(nd - 3 + k);
				if (!(v instanceof Number))
					throw new BadInputException(label + ": datasets[" + level + "] scale value '" + v + "' is not a number");
				out[k] = ((Number) v).doubleValue();
			}
		}
		return out;
	}

	private static String axisUnit(final Map<?, ?> ms) {
		final Object axes = ms.get("axes");
		if (!(axes instanceof List) || ((List<?>) axes).isEmpty()) return "";
		final Object last = ((List<?>) axes).get(((List<?>) axes).size() - 1);
		if (last instanceof Map && ((Map<?, ?>) last).get("unit") instanceof String)
			return (String) ((Map<?, ?>) last).get("unit");
		return "";
	}

	private static List<?> list(final Object o, final String label, final String what) {
		if (o instanceof List) return (List<?>) o;
		if (o != null && o.getClass().isArray() && o instanceof Object[]) return List.of((Object[]) o);
		if (o == null) throw new BadInputException(label + ": .zattrs " + what + " is missing");
		throw new BadInputException(label + ": .zattrs " + what + " is not a list");
	}

	private static Map<?, ?> map(final Object o, final String label, final String what) {
		if (o instanceof Map) return (Map<?, ?>) o;
		throw new BadInputException(label + ": .zattrs " + what + " is not an object");
	}

	private static String message(final Throwable e) {
		Throwable t = e;
		String m = t.getMessage();
		while ((m == null || m.isBlank()) && t.getCause() != null) {
			t = t.getCause();
			m = t.getMessage();
		}
		return m != null ? m : t.getClass().getSimpleName();
	}
}
