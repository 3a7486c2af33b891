package io.github.triage.io.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.github.triage.BadInputException;
import io.github.triage.io.ThreadBuffer;

/**
 * One Zarr array on disk, v2 ({@code .zarray}) or v3 ({@code zarr.json}), read chunk by chunk into C-order bytes.
 * Supported: every integer, float and bool data type in either byte order; v2 compressors zlib, gzip, zstd, blosc,
 * lz4, C or F order (F chunks are transposed); v3 codecs transpose, bytes, zstd, gzip, blosc, crc32c and the
 * default or v2 chunk key encodings. Anything else (filters, sharding, storage transformers) is refused by name.
 */
public final class ZarrArray {
	/** The array folder. */
	public final Path dir;
	/** Names the array in messages. */
	public final String label;
	/** 2 or 3. */
	public final int format;
	public final long[] shape;
	public final int[] chunks;
	public final ZarrDataType type;
	public final double fillValue;
	private final ByteOrder order;
	/** C-order strides into the stored chunk, indexed by dimension of the array; null when stored in C order. */
	private final int[] storedStrides;
	/** Bytes codecs in encoding order. */
	private final List<ZarrCodec> codecs;
	private final String prefix, separator;

	private ZarrArray(final Path dir, final String label, final int format, final long[] shape, final int[] chunks,
			final ZarrDataType type, final double fillValue, final ByteOrder order, final int[] permutation,
			final List<ZarrCodec> codecs, final String prefix, final String separator) {
		this.dir = dir;
		this.label = label;
		this.format = format;
		this.shape = shape;
		this.chunks = chunks;
		this.type = type;
		this.fillValue = fillValue;
		this.order = order;
		this.codecs = codecs;
		this.prefix = prefix;
		this.separator = separator;
		if (permutation == null) storedStrides = null;
		else {
			// stored shape E[i] = chunks[perm[i]]; array dimension perm[i] advances by E's C stride of i
			storedStrides = new int[chunks.length];
			int stride = 1;
			for (int i = chunks.length - 1; i >= 0; i--) {
				storedStrides[permutation[i]] = stride;
				stride *= chunks[permutation[i]];
			}
		}
	}

	/** Opens the array in {@code dir}: {@code zarr.json} (v3) or {@code .zarray} (v2). */
	public static ZarrArray open(final Path dir, final String label) {
		if (Files.isRegularFile(dir.resolve("zarr.json"))) return openV3(dir, label, ZarrJson.read(dir.resolve("zarr.json"), label));
		if (Files.isRegularFile(dir.resolve(".zarray"))) return openV2(dir, label, ZarrJson.read(dir.resolve(".zarray"), label));
		throw new BadInputException(label + ": no zarr.json or .zarray in " + dir + " (not a Zarr array)");
	}

	private static ZarrArray openV2(final Path dir, final String label, final JsonObject m) {
		final String where = label + " (.zarray)";
		final long[] shape = ZarrJson.longs(m, "shape", where);
		final int[] chunks = ZarrJson.ints(m, "chunks", where);
		checkShapes(shape, chunks, where);
		final boolean[] big = new boolean[1];
		final String dt = m.has("dtype") && m.get("dtype").isJsonPrimitive() ? m.get("dtype").getAsString() : null;
		final ZarrDataType type = ZarrDataType.ofV2(dt, big);
		if (type == null) throw new BadInputException(where + ": dtype " + m.get("dtype")
				+ " is not supported (integers, floats and bool are)");
		final JsonElement filters = m.get("filters");
		if (filters != null && filters.isJsonArray() && filters.getAsJsonArray().size() > 0)
			throw new BadInputException(where + ": filters " + filters + " are not supported");
		final List<ZarrCodec> codecs = new ArrayList<>();
		final JsonElement comp = m.get("compressor");
		if (comp != null && comp.isJsonObject()) codecs.add(codec(comp.getAsJsonObject(), where, false));
		final String ord = m.has("order") ? m.get("order").getAsString() : "C";
		int[] perm = null;
		if ("F".equals(ord)) perm = reversed(shape.length);
		else if (!"C".equals(ord)) throw new BadInputException(where + ": order '" + ord + "' is neither C nor F");
		final String sep = m.has("dimension_separator") ? m.get("dimension_separator").getAsString() : ".";
		return new ZarrArray(dir, label, 2, shape, chunks, type, ZarrDataType.fillValue(
				ZarrJson.plain(m.get("fill_value")), type, where), big[0] ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
				perm, codecs, "", sep);
	}

	private static ZarrArray openV3(final Path dir, final String label, final JsonObject m) {
		final String where = label + " (zarr.json)";
		if (!m.has("node_type") || !"array".equals(m.get("node_type").getAsString()))
			throw new BadInputException(where + ": node_type is not 'array'");
		final long[] shape = ZarrJson.longs(m, "shape", where);
		final JsonObject grid = ZarrJson.object(m, "chunk_grid", where);
		if (!"regular".equals(ZarrJson.string(grid, "name", where)))
			throw new BadInputException(where + ": chunk_grid " + grid.get("name") + " is not supported (regular is)");
		final int[] chunks = ZarrJson.ints(ZarrJson.object(grid, "configuration", where), "chunk_shape", where);
		checkShapes(shape, chunks, where);
		final String dt = ZarrJson.string(m, "data_type", where);
		final ZarrDataType type = ZarrDataType.ofV3(dt);
		if (type == null) throw new BadInputException(where + ": data_type '" + dt
				+ "' is not supported (integers, floats and bool are)");
		final JsonElement st = m.get("storage_transformers");
		if (st != null && st.isJsonArray() && st.getAsJsonArray().size() > 0)
			throw new BadInputException(where + ": storage_transformers are not supported");
		int[] perm = null;
		ByteOrder order = ByteOrder.LITTLE_ENDIAN;
		boolean arrayToBytes = false;
		final List<ZarrCodec> codecs = new ArrayList<>();
		final JsonArray list = ZarrJson.array(m, "codecs", where);
		for (final JsonElement e : list) {
			final JsonObject c = e.getAsJsonObject();
			final String name = ZarrJson.string(c, "name", where);
			final JsonObject conf = c.has("configuration") ? c.getAsJsonObject("configuration") : new JsonObject();
			if ("transpose".equals(name)) {
				if (arrayToBytes) throw new BadInputException(where + ": transpose after the bytes codec");
				perm = compose(perm, transposeOrder(conf.get("order"), shape.length, where));
			}
			else if ("bytes".equals(name) || "endian".equals(name)) {
				arrayToBytes = true;
				if (conf.has("endian") && "big".equals(conf.get("endian").getAsString())) order = ByteOrder.BIG_ENDIAN;
			}
			else if ("sharding_indexed".equals(name))
				throw new BadInputException(where + ": codec sharding_indexed (Zarr v3 sharding) is not supported; "
						+ "rewrite the array without shards (e.g. zarr-python with shards=None)");
			else {
				if (!arrayToBytes) throw new BadInputException(where + ": codec '" + name + "' before the bytes codec");
				codecs.add(codec(c, where, true));
			}
		}
		if (!arrayToBytes) throw new BadInputException(where + ": codecs list has no bytes codec");
		final JsonObject keys = ZarrJson.object(m, "chunk_key_encoding", where);
		final String enc = ZarrJson.string(keys, "name", where);
		final JsonObject kconf = keys.has("configuration") ? keys.getAsJsonObject("configuration") : new JsonObject();
		final String prefix, sep;
		if ("default".equals(enc)) {
			sep = kconf.has("separator") ? kconf.get("separator").getAsString() : "/";
			prefix = "c" + sep;
		}
		else if ("v2".equals(enc)) {
			sep = kconf.has("separator") ? kconf.get("separator").getAsString() : ".";
			prefix = "";
		}
		else throw new BadInputException(where + ": chunk_key_encoding '" + enc + "' is not supported");
		return new ZarrArray(dir, label, 3, shape, chunks, type,
				ZarrDataType.fillValue(ZarrJson.plain(m.get("fill_value")), type, where), order, perm, codecs, prefix, sep);
	}

	private static ZarrCodec codec(final JsonObject c, final String where, final boolean v3) {
		final String id = ZarrJson.string(c, v3 ? "name" : "id", where);
		final ZarrCodec codec = ZarrCodec.of(id);
		if (codec == null || v3 && codec == ZarrCodec.LZ4 || !v3 && codec == ZarrCodec.CRC32C)
			throw new BadInputException(where + ": " + (v3 ? "codec" : "compressor") + " '" + id + "' is not supported ("
					+ (v3 ? "bytes, transpose, zstd, gzip, blosc, crc32c are" : "zlib, gzip, zstd, blosc, lz4 are") + ")");
		return codec;
	}

	private static int[] transposeOrder(final JsonElement o, final int n, final String where) {
		if (o != null && o.isJsonPrimitive()) {
			final String s = o.getAsString();
			if ("C".equals(s)) return null;
			if ("F".equals(s)) return reversed(n);
		}
		if (o == null || !o.isJsonArray() || o.getAsJsonArray().size() != n)
			throw new BadInputException(where + ": transpose order " + o + " is not a permutation of " + n + " axes");
		final int[] p = new int[n];
		final boolean[] seen = new boolean[n];
		for (int i = 0; i < n; i++) {
			p[i] = o.getAsJsonArray().get(i).getAsInt();
			if (p[i] < 0 || p[i] >= n || seen[p[i]])
				throw new BadInputException(where + ": transpose order " + o + " is not a permutation");
			seen[p[i]] = true;
		}
		return p;
	}

	/** Two transposes in a row: the second permutes the axes of the first's output. */
	private static int[] compose(final int[] first, final int[] second) {
		if (first == null) return second;
		if (second == null) return first;
		final int[] p = new int[first.length];
		for (int i = 0; i < p.length; i++)
			p[i] = first[second[i]];
		return p;
	}

	private static int[] reversed(final int n) {
		final int[] p = new int[n];
		for (int i = 0; i < n; i++)
			p[i] = n - 1 - i;
		return p;
	}

	private static void checkShapes(final long[] shape, final int[] chunks, final String where) {
		if (shape.length != chunks.length)
			throw new BadInputException(where + ": shape has " + shape.length + " axes, chunks " + chunks.length);
		long n = 1;
		for (int d = 0; d < shape.length; d++) {
			if (shape[d] < 0) throw new BadInputException(where + ": negative shape " + shape[d]);
			if (chunks[d] < 1) throw new BadInputException(where + ": chunk size " + chunks[d] + " must be >= 1");
			n = Math.multiplyHigh(n, chunks[d]) != 0 ? Long.MAX_VALUE : n * chunks[d];
		}
		if (n > (Integer.MAX_VALUE - 8) / 8)
			throw new BadInputException(where + ": a chunk of " + n + " elements is too large to decode");
	}

	/** Elements in one chunk. */
	public int chunkElements() {
		int n = 1;
		for (final int c : chunks)
			n *= c;
		return n;
	}

	/** The file of chunk {@code idx} (it may not exist). */
	public Path chunkFile(final long[] idx) {
		final StringBuilder key = new StringBuilder(prefix);
		for (int d = 0; d < idx.length; d++) {
			if (d > 0) key.append(separator);
			key.append(idx[d]);
		}
		if (idx.length == 0) key.append(format == 2 ? "0" : "c");
		return dir.resolve(key.toString());
	}

	/**
	 * Chunk {@code idx} decoded, in C order over the full chunk shape and in the stored byte order; null when its
	 * file does not exist (it reads as the fill value). A corrupt or truncated chunk is a BadInputException naming
	 * the chunk file.
	 */
	public ByteBuffer readChunk(final long[] idx) {
		final Path file = chunkFile(idx);
		byte[] raw;
		try {
			raw = Files.readAllBytes(file);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		catch (final IOException e) {
			throw new BadInputException(label + ": cannot read chunk file " + file + ": " + e.getMessage(), e);
		}
		final int expected = chunkElements() * type.size;
		try {
			for (int k = codecs.size() - 1; k >= 0; k--)
				raw = codecs.get(k).decode(raw, expected);
		}
		catch (final RuntimeException e) {
			throw new BadInputException(label + ": chunk file " + file + " is corrupt or truncated: " + e.getMessage(), e);
		}
		if (raw.length != expected)
			throw new BadInputException(label + ": chunk file " + file + " is corrupt or truncated: it decodes to "
					+ raw.length + " bytes, a chunk has " + expected);
		if (storedStrides != null) raw = toCOrder(raw);
		return ByteBuffer.wrap(raw).order(order);
	}

	/**
	 * The chunk file's bytes and the decoded chunk of {@link #readChunkShared}: off the heap and kept per thread,
	 * instead of two new arrays per chunk (reading a series decodes many chunks several times: their garbage was a
	 * fifth of a two-worker quality run in collections, and zstd decoding into heap arrays holds the collector off
	 * while it runs).
	 */
	private static final ThreadBuffer FILE = new ThreadBuffer(0), CHUNK = new ThreadBuffer(0);

	/**
	 * As {@link #readChunk(long[])}, into this thread's buffers: the buffer returned is valid until the thread reads
	 * another chunk this way. A chunk of one zstd codec (or none) is read and decoded there; others as by readChunk.
	 */
	public ByteBuffer readChunkShared(final long[] idx) {
		final boolean direct = storedStrides == null
				&& (codecs.isEmpty() || codecs.size() == 1 && codecs.get(0) == ZarrCodec.ZSTD);
		if (!direct) return readChunk(idx);
		final Path file = chunkFile(idx);
		final int length;
		final ByteBuffer into;
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
			final long size = ch.size();
			if (size > Integer.MAX_VALUE - 8)
				throw new BadInputException(label + ": chunk file " + file + " is too large (" + size + " bytes)");
			into = FILE.get((int) size);
			into.limit((int) size);
			while (into.hasRemaining() && ch.read(into) >= 0) {
				// read until the file's end
			}
			length = into.position();
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		catch (final IOException e) {
			throw new BadInputException(label + ": cannot read chunk file " + file + ": " + e.getMessage(), e);
		}
		final int expected = chunkElements() * type.size;
		if (codecs.isEmpty()) {
			if (length != expected)
				throw new BadInputException(label + ": chunk file " + file + " is corrupt or truncated: it has " + length
						+ " bytes, a chunk has " + expected);
			return into.duplicate().clear().limit(expected).order(order);
		}
		final ByteBuffer out = CHUNK.get(expected);
		try {
			ZarrCodec.zstdDecodeInto(into, length, out, expected);
		}
		catch (final LinkageError e) {
			throw ZarrCodec.zstdMissing(e);
		}
		catch (final RuntimeException e) {
			throw new BadInputException(label + ": chunk file " + file + " is corrupt or truncated: " + e.getMessage(), e);
		}
		return out.duplicate().clear().limit(expected).order(order);
	}

	private byte[] toCOrder(final byte[] stored) {
		final int n = chunks.length, size = type.size;
		final byte[] out = new byte[stored.length];
		final int[] pos = new int[n];
		int src = 0;
		for (int i = 0, total = chunkElements(); i < total; i++) {
			System.arraycopy(stored, src * size, out, i * size, size);
			for (int d = n - 1; d >= 0; d--) { // odometer over the array's C order
				src += storedStrides[d];
				if (++pos[d] < chunks[d]) break;
				src -= storedStrides[d] * chunks[d];
				pos[d] = 0;
			}
		}
		return out;
	}
}
