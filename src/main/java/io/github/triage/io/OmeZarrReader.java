package io.github.triage.io;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.zarr.NgffMultiscale;
import io.github.triage.io.zarr.ZarrArray;
import io.github.triage.io.zarr.ZarrDataType;

/**
 * Reads one OME-Zarr image plane by plane: NGFF 0.4 on Zarr v2 and NGFF 0.5 on Zarr v3 (see {@link ZarrArray} for
 * the codecs), any integer or float data type with its true values, as float planes. Only the chunks that hold the
 * requested Z plane are decoded, so memory stays at about one plane plus one row of chunks whatever the volume
 * size. Axes are the last three of the array, read as (Z, Y, X); leading axes must have size 1.
 * <p>
 * Every problem is reported with the label given at open (e.g. "slice 03 (…/slice_z03.ome.zarr)"). A chunk file
 * that is absent reads as the fill value, as Zarr defines it, with one warning per image naming the array: writers
 * may skip empty chunks, and a transfer may have lost some; the user must be told either way.
 */
public final class OmeZarrReader {
	private final Path root;
	private final String label;
	private final int level;
	private final NgffMultiscale meta;
	private final ZarrArray array;
	private final long[] shape; // full array shape; the last three are Z, Y, X
	private final int[] chunks;
	private final double[] scaleZyx;
	private final String[] unitsZyx;
	private final Listener listener;
	private boolean warnedMissing;
	/** Chunks deeper than one plane are decoded whole: keep the last slab of chunkZ planes when it is small. */
	private static final long SLAB_BUDGET_BYTES = 64L << 20;
	private int slabStart = -1;
	private float[] slab;

	private OmeZarrReader(final Path root, final String label, final int level, final NgffMultiscale meta,
			final ZarrArray array, final Listener listener) {
		this.root = root;
		this.label = label;
		this.level = level;
		this.meta = meta;
		this.array = array;
		this.shape = array.shape;
		this.chunks = array.chunks;
		final int nd = shape.length;
		final double[] s = meta.scales().get(level);
		scaleZyx = new double[] { 1, 1, 1 };
		unitsZyx = new String[] { "", "", "" };
		for (int k = 0; k < 3; k++) {
			if (s != null) scaleZyx[k] = s[nd - 3 + k];
			final int a = meta.units().size() - 3 + k;
			if (a >= 0) unitsZyx[k] = meta.units().get(a);
		}
		this.listener = Listener.orNone(listener);
	}

	/** As {@link #open(Path, int, String, Listener)}, warnings to {@code warn} (may be null). */
	public static OmeZarrReader open(final Path root, final int level, final String label, final Consumer<String> warn) {
		return open(root, level, label, warn == null ? Listener.NONE : new Listener() {
			@Override
			public void warning(final String message) {
				warn.accept(message);
			}
		});
	}

	/**
	 * Opens pyramid level {@code level} of an OME-Zarr image (metadata only).
	 *
	 * @param label    names the image in messages (a slice id and path)
	 * @param listener receives warnings (missing chunks); may be null
	 */
	public static OmeZarrReader open(final Path root, final int level, final String label, final Listener listener) {
		final NgffMultiscale meta = NgffMultiscale.read(root, label);
		final int n = meta.paths().size();
		if (level < 0 || level >= n)
			throw new BadInputException(label + ": pyramid level " + level + " requested, but the image has " + n
					+ " level(s) (0.." + (n - 1) + ")");
		final String path = meta.paths().get(level);
		final ZarrArray array = ZarrArray.open(root.resolve(path), label + " level " + level + " array '" + path + "'");
		final long[] shape = array.shape;
		if (shape.length < 3)
			throw new BadInputException(label + ": level " + level + " array is " + shape.length
					+ "D; a (Z, Y, X) volume is needed");
		for (int d = 0; d < shape.length - 3; d++)
			if (shape[d] != 1)
				throw new BadInputException(label + ": level " + level + " has a leading axis of size " + shape[d]
						+ "; only single-channel, single-timepoint (Z, Y, X) volumes are supported");
		final double[] s = meta.scales().get(level);
		if (s != null && s.length != shape.length)
			throw new BadInputException(label + ": datasets[" + level + "] scale has " + s.length + " values for a "
					+ shape.length + "D array");
		if (array.format != meta.format())
			throw new BadInputException(label + ": level " + level + " is a Zarr v" + array.format
					+ " array inside a Zarr v" + meta.format() + " group");
		checkHeap(label, level, array);
		return new OmeZarrReader(root, label, level, meta, array, listener);
	}

	/** Reading needs one float plane, a chunk-deep slab (when kept) and a decoded chunk: refuse before allocating. */
	private static void checkHeap(final String label, final int level, final ZarrArray a) {
		final int nd = a.shape.length;
		final long h = a.shape[nd - 2], w = a.shape[nd - 1], d = a.shape[nd - 3];
		final String dims = d + " × " + h + " × " + w + " " + a.type.v3Name;
		if (h * w > Integer.MAX_VALUE - 8)
			throw new BadInputException(label + ": level " + level + " is " + dims + "; a plane of " + h + " × " + w
					+ " pixels is too large for one array; use a higher pyramid level");
		final long plane = h * w * 4;
		final int cz = a.chunks[nd - 3];
		final long slab = cz > 1 && cz * plane <= SLAB_BUDGET_BYTES ? cz * plane : 0;
		final long need = plane + slab + 2L * a.chunkElements() * a.type.size;
		final Runtime rt = Runtime.getRuntime();
		final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (need > free)
			throw new BadInputException(String.format(Locale.ROOT,
					"%s: level %d is %s; reading it plane by plane needs %.1f MB but the Java heap has %.1f MB free "
							+ "(use a higher pyramid level or a larger -Xmx)", label, level, dims, need / 1e6, free / 1e6));
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
		return meta.paths().size();
	}

	/** Voxel size (z, y, x) of the open level from its scale transformations, in the axes' units; 1 where none. */
	public double[] scaleZyx() {
		return scaleZyx.clone();
	}

	/**
	 * Voxel size (z, y, x) in millimetres, from each axis's unit (millimeter, micrometer, nanometer, …); null when an
	 * axis has no length unit (then only {@link #scaleZyx()} is known, in unknown units).
	 */
	public double[] scaleZyxMm() {
		final double[] out = new double[3];
		for (int k = 0; k < 3; k++) {
			final double f = NgffMultiscale.millimetresPer(unitsZyx[k]);
			if (Double.isNaN(f)) return null;
			out[k] = scaleZyx[k] * f;
		}
		return out;
	}

	/** The spatial unit of the X axis as written, or an empty string. */
	public String unit() {
		return unitsZyx[2];
	}

	/** The units of the Z, Y and X axes as written ("" where none). */
	public String[] unitsZyx() {
		return unitsZyx.clone();
	}

	/** The stored data type. */
	public ZarrDataType dataType() {
		return array.type;
	}

	/** The NGFF version of the metadata ("0.4", "0.5"), "" when it names none. */
	public String ngffVersion() {
		return meta.version();
	}

	/** 2 or 3. */
	public int zarrFormat() {
		return array.format;
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
				slabStart = -1;
				// refilled in place: a second slab while the first is still held would double the reader's memory
				if (slab == null || slab.length < n * plane) slab = new float[n * plane];
				read(start, n, slab);
				slabStart = start;
			}
			final float[] out = new float[plane];
			System.arraycopy(slab, (z - start) * plane, out, 0, plane);
			return out;
		}
		return read(z, 1, new float[plane]);
	}

	/** Drops the slab {@link #readPlane} keeps (readers of a whole series are open at once: each would keep one). */
	public void release() {
		slab = null;
		slabStart = -1;
	}

	/**
	 * Planes {@code zs} (each in 0..depth-1), one array each, in the order given. Every chunk that holds any of them
	 * is decoded once for all of them, so asking for several planes of a chunk several planes deep together costs
	 * one decoding instead of one per plane; nothing is kept after the call (not the slab of {@link #readPlane}).
	 */
	public float[][] readPlanes(final int[] zs) {
		final int cz = chunks[shape.length - 3], plane = height() * width();
		final float[][] out = new float[zs.length][];
		for (int k = 0; k < zs.length; k++) {
			if (zs[k] < 0 || zs[k] >= depth())
				throw new IllegalArgumentException(label + ": plane " + zs[k] + " outside 0.." + (depth() - 1));
			out[k] = new float[plane];
		}
		final boolean[] done = new boolean[zs.length];
		for (int k = 0; k < zs.length; k++) {
			if (done[k]) continue;
			// every requested plane in this chunk row
			final int row = zs[k] / cz;
			int n = 0;
			for (int m = k; m < zs.length; m++)
				if (!done[m] && zs[m] / cz == row) n++;
			final int[] zIn = new int[n];
			final float[][] dst = new float[n][];
			final int[] offset = new int[n];
			n = 0;
			for (int m = k; m < zs.length; m++)
				if (!done[m] && zs[m] / cz == row) {
					done[m] = true;
					zIn[n] = zs[m] - row * cz;
					dst[n++] = out[m];
				}
			decode(row, zIn, dst, offset, zs[k]);
		}
		return out;
	}

	/** Planes z0 .. z0+n-1 (all inside one chunk row) into {@code out} (at least n planes long), flat. */
	private float[] read(final int z0, final int n, final float[] out) {
		final int cz = chunks[shape.length - 3], plane = height() * width();
		final int[] zIn = new int[n], offset = new int[n];
		final float[][] dst = new float[n][];
		for (int k = 0; k < n; k++) {
			zIn[k] = z0 % cz + k;
			dst[k] = out;
			offset[k] = k * plane;
		}
		decode(z0 / cz, zIn, dst, offset, z0);
		return out;
	}

	/**
	 * Decodes every chunk of chunk row {@code row} (along Z) once and copies its planes {@code zIn} (indices inside
	 * the chunk) into {@code dst[k]} at {@code offset[k]}. {@code firstZ} names the planes in messages.
	 */
	private void decode(final int row, final int[] zIn, final float[][] dst, final int[] offset, final int firstZ) {
		final int nd = shape.length, h = height(), w = width();
		final int cy = chunks[nd - 2], cx = chunks[nd - 1];
		final int n = zIn.length;
		final long[] idx = new long[nd];
		idx[nd - 3] = row;
		for (int j = 0; j * cy < h; j++)
			for (int i = 0; i * cx < w; i++) {
				idx[nd - 2] = j;
				idx[nd - 1] = i;
				final ByteBuffer buf;
				try {
					buf = array.readChunkShared(idx); // consumed below, before the next chunk
				}
				catch (final BadInputException e) {
					final int last = row * chunks[nd - 3] + zIn[n - 1];
					throw new BadInputException(e.getMessage() + " (plane " + firstZ + (last != firstZ ? ".." + last : "")
							+ ")", e);
				}
				final int y0 = j * cy, x0 = i * cx, ny = Math.min(cy, h - y0), nx = Math.min(cx, w - x0);
				if (buf == null) {
					warnMissing(idx);
					final float fill = (float) array.fillValue;
					for (int k = 0; k < n; k++)
						for (int y = 0; y < ny; y++)
							Arrays.fill(dst[k], offset[k] + (y0 + y) * w + x0, offset[k] + (y0 + y) * w + x0 + nx, fill);
					continue;
				}
				final FloatBuffer fb = array.type == ZarrDataType.FLOAT32
						? buf.asFloatBuffer() : null;
				for (int k = 0; k < n; k++)
					for (int y = 0; y < ny; y++) {
						final int src = (zIn[k] * cy + y) * cx, d = offset[k] + (y0 + y) * w + x0;
						if (fb != null) fb.get(src, dst[k], d, nx);
						else for (int x = 0; x < nx; x++)
							dst[k][d + x] = (float) array.type.get(buf, src + x);
					}
			}
	}

	private void warnMissing(final long[] idx) {
		if (warnedMissing) return;
		warnedMissing = true;
		listener.warning(label + ": level " + level + " array '" + meta.paths().get(level) + "' has missing chunk "
				+ "files, read as the fill value " + (float) array.fillValue + " (first: " + root.relativize(array.chunkFile(idx))
				+ ")");
	}
}
