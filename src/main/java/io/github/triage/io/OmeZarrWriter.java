package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.io.zarr.ZarrArrayWriter;
import io.github.triage.io.zarr.ZarrCodec;
import io.github.triage.io.zarr.ZarrDataType;

/**
 * Writes a (Z, Y, X) volume given plane by plane as an OME-Zarr image: NGFF 0.4 on Zarr v2 or NGFF 0.5 on Zarr v3,
 * any data type, with a multiscale pyramid. Level 0 is full resolution; each next level is the mean of 2×2 blocks in
 * Y and X, and of 2 planes in Z while Z is larger than a chunk. All levels are built in one pass: each level keeps one
 * chunk-deep slab of its planes (memory: about chunk depth × Y × X floats for level 0, and a quarter as much for each
 * next level). The image is written into a hidden sibling folder and renamed into place, so a crash never leaves a
 * half-written image under the target name; such a leftover folder is removed by the next write to the same target.
 */
public final class OmeZarrWriter {

	/** Chunk compression. Zarr v3 has no zlib codec: use GZIP there. BLOSC is lz4 with byte shuffle. */
	public enum Compressor {
		ZLIB, BLOSC, ZSTD, GZIP;

		ZarrCodec codec() {
			return ZarrCodec.valueOf(name());
		}
	}

	/** The OME-NGFF version to write, and with it the Zarr format. */
	public enum Version {
		/** NGFF 0.4 on Zarr v2: {@code .zgroup}, {@code .zattrs}, datasets {@code 0, 1, …}. */
		V0_4,
		/** NGFF 0.5 on Zarr v3: {@code zarr.json}, datasets {@code s0, s1, …} (what linumpy writes today). */
		V0_5
	}

	/**
	 * How to write.
	 *
	 * @param levels pyramid levels; 0 for as many as it takes for Y and X to fit in one chunk
	 */
	public record Format(Version version, ZarrDataType dataType, Compressor compressor, int[] chunkZyx, int levels) {
		public static final int[] DEFAULT_CHUNKS = { 32, 256, 256 };

		/** NGFF 0.5, float32, zstd, chunks 32 × 256 × 256, automatic pyramid. */
		public static Format defaults() {
			return new Format(Version.V0_5, ZarrDataType.FLOAT32, Compressor.ZSTD, DEFAULT_CHUNKS, 0);
		}

		public Format withVersion(final Version v) {
			return new Format(v, dataType, v == Version.V0_5 && compressor == Compressor.ZLIB ? Compressor.GZIP : compressor,
					chunkZyx, levels);
		}

		public Format withDataType(final ZarrDataType t) {
			return new Format(version, t, compressor, chunkZyx, levels);
		}

		public Format withCompressor(final Compressor c) {
			return new Format(version, dataType, c, chunkZyx, levels);
		}

		public Format withChunks(final int[] c) {
			return new Format(version, dataType, compressor, c, levels);
		}

		public Format withLevels(final int l) {
			return new Format(version, dataType, compressor, chunkZyx, l);
		}
	}

	/** Supplies plane {@code z} (Y rows of X values); called once per plane, in order. */
	@FunctionalInterface
	public interface PlaneSource {
		float[] plane(int z);
	}

	private OmeZarrWriter() {
	}

	/**
	 * Float32 on NGFF 0.4 / Zarr v2, as Triage wrote before 0.5 was supported.
	 *
	 * @param scaleZyx voxel size at level 0 (z, y, x), in {@code unit}
	 * @param levels   pyramid levels (at least 1)
	 * @param chunkZyx chunk shape (z, y, x), clipped to the volume
	 */
	public static void write(final Path root, final int depth, final int height, final int width,
			final PlaneSource planes, final double[] scaleZyx, final String unit, final int levels,
			final Compressor compressor, final int[] chunkZyx) throws IOException {
		if (levels < 1) throw new IllegalArgumentException("levels must be >= 1");
		write(root, depth, height, width, planes, scaleZyx, unit,
				new Format(Version.V0_4, ZarrDataType.FLOAT32, compressor, chunkZyx, levels));
	}

	/**
	 * Writes the image.
	 *
	 * @param scaleZyx voxel size at level 0 (z, y, x), in {@code unit} (an NGFF unit name such as "millimeter")
	 */
	public static void write(final Path root, final int depth, final int height, final int width,
			final PlaneSource planes, final double[] scaleZyx, final String unit, final Format format)
			throws IOException {
		if (depth < 1 || height < 1 || width < 1) throw new IllegalArgumentException("empty volume");
		if (format.levels() < 0) throw new IllegalArgumentException("levels must be >= 0");
		final int v = format.version() == Version.V0_5 ? 3 : 2;
		if (v == 3 && format.compressor() == Compressor.ZLIB)
			throw new IllegalArgumentException("zlib is not a Zarr v3 codec: use GZIP, ZSTD or BLOSC for NGFF 0.5");
		final Path target = root.toAbsolutePath();
		final List<int[]> dims = levelShapes(new int[] { depth, height, width }, format);
		final String name = target.getFileName().toString().replaceAll("\\.ome\\.zarr$|\\.zarr$", "");
		// built in a sibling folder and renamed into place (AtomicFiles: leftovers of killed runs are cleaned)
		AtomicFiles.writeFolder(target, tmp -> {
			final Map<String, Object> ms = multiscales(name, dims, scaleZyx, unit, v);
			if (v == 2) {
				ms.put("version", "0.4");
				writeJson(tmp.resolve(".zgroup"), Map.of("zarr_format", 2));
				writeJson(tmp.resolve(".zattrs"), Map.of("multiscales", List.of(ms)));
			}
			else writeJson(tmp.resolve("zarr.json"), Map.of("zarr_format", 3, "node_type", "group", "attributes",
					Map.of("ome", Map.of("version", "0.5", "multiscales", List.of(ms)))));
			PyramidLevel next = null;
			for (int l = dims.size() - 1; l >= 0; l--) {
				final int[] d = dims.get(l);
				final int[] c = { Math.min(format.chunkZyx()[0], d[0]), Math.min(format.chunkZyx()[1], d[1]),
						Math.min(format.chunkZyx()[2], d[2]) };
				final ZarrArrayWriter w = new ZarrArrayWriter(tmp.resolve(datasetPath(l, v)), v, d, c, format.dataType(),
						format.compressor().codec());
				w.writeMetadata();
				next = new PyramidLevel(w, d, c[0], next, next != null && dims.get(l + 1)[0] < d[0]);
			}
			for (int z = 0; z < depth; z++) {
				final float[] p = planes.plane(z);
				if (p.length != height * width)
					throw new IllegalArgumentException("plane " + z + " has " + p.length + " values, expected "
							+ height * width);
				next.accept(p);
			}
			for (PyramidLevel l = next; l != null; l = l.next)
				l.flush();
		});
	}

	/** Level shapes: Y and X halve each level, Z while it is larger than the chunk depth. */
	static List<int[]> levelShapes(final int[] dims0, final Format f) {
		final List<int[]> out = new ArrayList<>();
		int[] d = dims0.clone();
		out.add(d);
		final int[] c = f.chunkZyx();
		while (f.levels() > 0 ? out.size() < f.levels() : (d[1] > c[1] || d[2] > c[2]) && out.size() < 12) {
			d = new int[] { d[0] > c[0] ? Math.max(1, d[0] / 2) : d[0], Math.max(1, d[1] / 2), Math.max(1, d[2] / 2) };
			out.add(d);
		}
		return out;
	}

	private static String datasetPath(final int level, final int v) {
		return (v == 3 ? "s" : "") + level;
	}

	/** One level being written: collects a chunk-deep slab, and feeds its 2×2(×2) means to the next level. */
	private static final class PyramidLevel {
		final ZarrArrayWriter writer;
		final int h, w, cz;
		final PyramidLevel next;
		final boolean halveZ;
		final float[] slab;
		int z0, filled;
		float[] pending;

		PyramidLevel(final ZarrArrayWriter writer, final int[] dims, final int cz, final PyramidLevel next,
				final boolean halveZ) {
			this.writer = writer;
			this.h = dims[1];
			this.w = dims[2];
			this.cz = cz;
			this.next = next;
			this.halveZ = halveZ;
			this.slab = new float[cz * h * w];
		}

		void accept(final float[] p) throws IOException {
			System.arraycopy(p, 0, slab, filled * h * w, h * w);
			filled++;
			if (filled == cz) flush();
			if (next == null) return;
			final float[] small = halve(p);
			if (!halveZ) next.accept(small);
			else if (pending == null) pending = small;
			else {
				for (int i = 0; i < small.length; i++)
					small[i] = (small[i] + pending[i]) / 2;
				pending = null;
				next.accept(small);
			}
		}

		/** Writes what is left in the slab (the last, shorter chunk row). */
		void flush() throws IOException {
			if (filled == 0) return;
			writer.writeSlab(z0, filled, slab);
			z0 += filled;
			filled = 0;
		}

		private float[] halve(final float[] p) {
			final int nh = next.h, nw = next.w, ys = Math.min(2, h), xs = Math.min(2, w);
			final float[] out = new float[nh * nw];
			for (int y = 0; y < nh; y++)
				for (int x = 0; x < nw; x++) {
					float acc = 0;
					for (int dy = 0; dy < ys; dy++)
						for (int dx = 0; dx < xs; dx++)
							acc += p[(2 * y + dy) * w + 2 * x + dx];
					out[y * nw + x] = acc / (ys * xs);
				}
			return out;
		}
	}

	private static Map<String, Object> multiscales(final String name, final List<int[]> dims, final double[] scale,
			final String unit, final int v) {
		final List<Object> axes = new ArrayList<>();
		for (final String a : new String[] { "z", "y", "x" }) {
			final Map<String, Object> ax = new LinkedHashMap<>();
			ax.put("name", a);
			ax.put("type", "space");
			if (unit != null && !unit.isEmpty()) ax.put("unit", unit);
			axes.add(ax);
		}
		final List<Object> datasets = new ArrayList<>();
		double fz = 1;
		for (int l = 0; l < dims.size(); l++) {
			if (l > 0 && dims.get(l)[0] < dims.get(l - 1)[0]) fz *= 2;
			final double fxy = Math.pow(2, l);
			final Map<String, Object> t = new LinkedHashMap<>();
			t.put("type", "scale");
			t.put("scale", List.of(scale[0] * fz, scale[1] * fxy, scale[2] * fxy));
			final Map<String, Object> ds = new LinkedHashMap<>();
			ds.put("path", datasetPath(l, v));
			ds.put("coordinateTransformations", List.of(t));
			datasets.add(ds);
		}
		final Map<String, Object> ms = new LinkedHashMap<>();
		ms.put("name", name);
		ms.put("axes", axes);
		ms.put("datasets", datasets);
		ms.put("type", "mean");
		return ms;
	}

	private static void writeJson(final Path file, final Object tree) throws IOException {
		Files.writeString(file, new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
				.toJson(tree) + "\n");
	}

	/** Removes hidden siblings left by a killed write to the same target ({@code .NAME.writing-*}, {@code .NAME.old-*}). */
}
