package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zarr.zarrjava.core.Attributes;
import dev.zarr.zarrjava.store.FilesystemStore;
import dev.zarr.zarrjava.store.StoreHandle;
import dev.zarr.zarrjava.v2.Array;
import dev.zarr.zarrjava.v2.DataType;
import dev.zarr.zarrjava.v2.Group;
import dev.zarr.zarrjava.v2.ArrayMetadataBuilder;
import dev.zarr.zarrjava.core.chunkkeyencoding.Separator;

/**
 * Writes a float32 (Z, Y, X) volume as an OME-Zarr 0.4 image over Zarr v2 through zarr-java, one slab of chunk
 * depth at a time (memory: one chunk-deep slab). Level n+1 is the mean of 2×2×2 blocks of level n, read back from
 * the level just written. The image is written as a whole through {@link AtomicFiles#writeFolder}, so a crash never
 * leaves a half-written image under the target name.
 */
public final class OmeZarrWriter {

	/** Chunk compression. */
	public enum Compressor {
		ZLIB, BLOSC
	}

	/** Supplies plane {@code z} (Y rows of X values); called once per plane, in order. */
	@FunctionalInterface
	public interface PlaneSource {
		float[] plane(int z);
	}

	private OmeZarrWriter() {
	}

	/**
	 * @param scaleZyx voxel size at level 0 (z, y, x), in {@code unit}
	 * @param levels   pyramid levels (at least 1)
	 * @param chunkZyx chunk shape (z, y, x), clipped to the volume
	 */
	public static void write(final Path root, final int depth, final int height, final int width,
			final PlaneSource planes, final double[] scaleZyx, final String unit, final int levels,
			final Compressor compressor, final int[] chunkZyx) throws IOException {
		if (depth < 1 || height < 1 || width < 1) throw new IllegalArgumentException("empty volume");
		if (levels < 1) throw new IllegalArgumentException("levels must be >= 1");
		final Path target = root.toAbsolutePath();
		final String name = target.getFileName().toString().replaceAll("\\.ome\\.zarr$|\\.zarr$", "");
		AtomicFiles.writeFolder(target, tmp -> {
			try {
				Group.create(tmp, multiscales(name, levels, scaleZyx, unit));
				final FilesystemStore store = new FilesystemStore(tmp);
				int[] dims = { depth, height, width };
				Array prev = null;
				for (int l = 0; l < levels; l++) {
					final int[] c = { Math.min(chunkZyx[0], dims[0]), Math.min(chunkZyx[1], dims[1]),
							Math.min(chunkZyx[2], dims[2]) };
					final Array arr = Array.create(new StoreHandle(store, Integer.toString(l)),
							metadata(dims, c, compressor));
					if (l == 0) writeSlabs(arr, dims, c[0], planes);
					else {
						final Array src = prev;
						final int[] srcDims = { (int) src.metadata().shape[0], (int) src.metadata().shape[1],
								(int) src.metadata().shape[2] };
						writeSlabs(arr, dims, c[0], z -> downsample(src, srcDims, z));
					}
					prev = arr;
					dims = new int[] { Math.max(1, dims[0] / 2), Math.max(1, dims[1] / 2), Math.max(1, dims[2] / 2) };
				}
			}
			catch (final dev.zarr.zarrjava.ZarrException e) {
				throw new IOException(target + ": cannot write OME-Zarr: " + e.getMessage(), e);
			}
		});
	}

	private static dev.zarr.zarrjava.v2.ArrayMetadata metadata(final int[] dims, final int[] c,
			final Compressor compressor) throws dev.zarr.zarrjava.ZarrException {
		ArrayMetadataBuilder b = Array.metadataBuilder().withShape(dims[0], dims[1], dims[2])
				.withChunks(c[0], c[1], c[2]).withDataType(DataType.FLOAT32).withFillValue(0.0f)
				.withDimensionSeparator(Separator.SLASH);
		b = compressor == Compressor.BLOSC ? b.withBloscCompressor("lz4", "shuffle", 5) : b.withZlibCompressor(5);
		return b.build();
	}

	private static void writeSlabs(final Array arr, final int[] dims, final int cz, final PlaneSource planes) {
		final int plane = dims[1] * dims[2];
		for (int z0 = 0; z0 < dims[0]; z0 += cz) {
			final int n = Math.min(cz, dims[0] - z0);
			final float[] slab = new float[n * plane];
			for (int k = 0; k < n; k++) {
				final float[] p = planes.plane(z0 + k);
				if (p.length != plane)
					throw new IllegalArgumentException("plane " + (z0 + k) + " has " + p.length + " values, expected "
							+ plane);
				System.arraycopy(p, 0, slab, k * plane, plane);
			}
			arr.write(new long[] { z0, 0, 0 },
					ucar.ma2.Array.factory(ucar.ma2.DataType.FLOAT, new int[] { n, dims[1], dims[2] }, slab));
		}
	}

	/** Plane z of the next level: mean of the 2×2×2 block starting at (2z, 2y, 2x) of {@code src}. */
	private static float[] downsample(final Array src, final int[] s, final int z) {
		final int h = Math.max(1, s[1] / 2), w = Math.max(1, s[2] / 2);
		final int zs = Math.min(2, s[0] - 2 * z), ys = Math.min(2, s[1]), xs = Math.min(2, s[2]);
		final float[] out = new float[h * w];
		for (int dz = 0; dz < Math.max(1, zs); dz++) {
			final float[] p;
			try {
				p = (float[]) src.read(new long[] { 2L * z + dz, 0, 0 }, new int[] { 1, s[1], s[2] })
						.get1DJavaArray(float.class);
			}
			catch (final dev.zarr.zarrjava.ZarrException e) {
				throw new IllegalStateException(e);
			}
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					float acc = 0;
					for (int dy = 0; dy < ys; dy++)
						for (int dx = 0; dx < xs; dx++)
							acc += p[(2 * y + dy) * s[2] + 2 * x + dx];
					out[y * w + x] += acc;
				}
		}
		final float n = Math.max(1, zs) * ys * xs;
		for (int i = 0; i < out.length; i++)
			out[i] /= n;
		return out;
	}

	private static Attributes multiscales(final String name, final int levels, final double[] scale, final String unit) {
		final List<Object> axes = new ArrayList<>();
		for (final String a : new String[] { "z", "y", "x" }) {
			final Map<String, Object> ax = new LinkedHashMap<>();
			ax.put("name", a);
			ax.put("type", "space");
			if (unit != null && !unit.isEmpty()) ax.put("unit", unit);
			axes.add(ax);
		}
		final List<Object> datasets = new ArrayList<>();
		for (int l = 0; l < levels; l++) {
			final double f = Math.pow(2, l);
			final Map<String, Object> t = new LinkedHashMap<>();
			t.put("type", "scale");
			t.put("scale", List.of(scale[0] * f, scale[1] * f, scale[2] * f));
			final Map<String, Object> ds = new LinkedHashMap<>();
			ds.put("path", Integer.toString(l));
			ds.put("coordinateTransformations", List.of(t));
			datasets.add(ds);
		}
		final Map<String, Object> ms = new LinkedHashMap<>();
		ms.put("version", "0.4");
		ms.put("name", name);
		ms.put("axes", axes);
		ms.put("datasets", datasets);
		ms.put("type", "mean");
		final Attributes attrs = new Attributes();
		attrs.put("multiscales", List.of(ms));
		return attrs;
	}
}
