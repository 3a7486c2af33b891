package io.github.triage.io.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one (Z, Y, X) Zarr array, v2 or v3, slab by slab: a slab is one chunk deep, so each chunk is encoded once
 * from memory. Chunks are little-endian, C order, full size at the edges (padded with the fill value 0), keys
 * separated by "/" ({@code z/y/x} in v2, {@code c/z/y/x} in v3).
 */
public final class ZarrArrayWriter {
	private final Path dir;
	private final int format;
	private final int[] shape, chunks;
	private final ZarrDataType type;
	private final ZarrCodec codec;

	/**
	 * @param codec ZLIB (v2 only), GZIP, ZSTD or BLOSC (lz4, byte shuffle)
	 */
	public ZarrArrayWriter(final Path dir, final int format, final int[] shape, final int[] chunks,
			final ZarrDataType type, final ZarrCodec codec) {
		if (format == 3 && codec == ZarrCodec.ZLIB)
			throw new IllegalArgumentException("zlib is not a Zarr v3 codec: use gzip, zstd or blosc");
		if (codec == ZarrCodec.CRC32C || codec == ZarrCodec.LZ4)
			throw new IllegalArgumentException(codec.id + " is not offered as a compressor");
		this.dir = dir;
		this.format = format;
		this.shape = shape.clone();
		this.chunks = chunks.clone();
		this.type = type;
		this.codec = codec;
	}

	/** Writes the array's metadata file ({@code .zarray} or {@code zarr.json}). */
	public void writeMetadata() throws IOException {
		Files.createDirectories(dir);
		final Map<String, Object> m = new LinkedHashMap<>();
		if (format == 2) {
			m.put("zarr_format", 2);
			m.put("shape", shape);
			m.put("chunks", chunks);
			m.put("dtype", type.v2Name());
			m.put("compressor", compressorV2());
			m.put("fill_value", 0);
			m.put("order", "C");
			m.put("filters", null);
			m.put("dimension_separator", "/");
			write(dir.resolve(".zarray"), m);
			return;
		}
		m.put("zarr_format", 3);
		m.put("node_type", "array");
		m.put("shape", shape);
		m.put("data_type", type.v3Name);
		m.put("chunk_grid", Map.of("name", "regular", "configuration", Map.of("chunk_shape", chunks)));
		m.put("chunk_key_encoding", Map.of("name", "default", "configuration", Map.of("separator", "/")));
		m.put("fill_value", 0);
		final List<Object> codecs = new ArrayList<>();
		codecs.add(Map.of("name", "bytes", "configuration", Map.of("endian", "little")));
		codecs.add(Map.of("name", codec.id, "configuration", configurationV3()));
		m.put("codecs", codecs);
		m.put("attributes", Map.of());
		m.put("dimension_names", List.of("z", "y", "x"));
		m.put("storage_transformers", List.of());
		write(dir.resolve("zarr.json"), m);
	}

	private Map<String, Object> compressorV2() {
		final Map<String, Object> c = new LinkedHashMap<>();
		c.put("id", codec.id);
		switch (codec) {
		case BLOSC:
			c.put("cname", "lz4");
			c.put("clevel", 5);
			c.put("shuffle", 1);
			c.put("blocksize", 0);
			break;
		case ZSTD:
			c.put("level", 3);
			break;
		default:
			c.put("level", 5);
		}
		return c;
	}

	private Map<String, Object> configurationV3() {
		final Map<String, Object> c = new LinkedHashMap<>();
		switch (codec) {
		case BLOSC:
			c.put("cname", "lz4");
			c.put("clevel", 5);
			c.put("shuffle", "shuffle");
			c.put("typesize", type.size);
			c.put("blocksize", 0);
			break;
		case ZSTD:
			c.put("level", 3);
			c.put("checksum", false);
			break;
		default:
			c.put("level", 5);
		}
		return c;
	}

	/** Writes JSON metadata. */
	static void write(final Path file, final Object tree) throws IOException {
		Files.writeString(file, ZarrJson.toJson(tree) + "\n", StandardCharsets.UTF_8);
	}

	/** Writes planes {@code z0 .. z0+n-1} ({@code n} × Y × X floats, X fastest); {@code z0} is a multiple of the chunk depth. */
	public void writeSlab(final int z0, final int n, final float[] slab) throws IOException {
		final int cz = chunks[0], cy = chunks[1], cx = chunks[2], h = shape[1], w = shape[2];
		final ByteBuffer buf = ByteBuffer.allocate(cz * cy * cx * type.size).order(ByteOrder.LITTLE_ENDIAN);
		for (int j = 0; j * cy < h; j++)
			for (int i = 0; i * cx < w; i++) {
				java.util.Arrays.fill(buf.array(), (byte) 0);
				final int y0 = j * cy, x0 = i * cx, ny = Math.min(cy, h - y0), nx = Math.min(cx, w - x0);
				for (int k = 0; k < n; k++)
					for (int y = 0; y < ny; y++) {
						final int src = k * h * w + (y0 + y) * w + x0, dst = (k * cy + y) * cx;
						for (int x = 0; x < nx; x++)
							type.put(buf, dst + x, slab[src + x]);
					}
				final String key = (format == 3 ? "c/" : "") + z0 / cz + "/" + j + "/" + i;
				final Path file = dir.resolve(key);
				Files.createDirectories(file.getParent());
				Files.write(file, codec.encode(buf.array(), type.size));
			}
	}
}
