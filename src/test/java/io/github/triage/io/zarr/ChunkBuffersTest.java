package io.github.triage.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Chunks read through a thread's reused off-heap buffers are the chunks readChunk decodes into new arrays: every
 * chunk of zstd (v2, v3) and uncompressed fixtures, the same buffers across arrays of other chunk sizes.
 */
class ChunkBuffersTest {

	@Test
	void reusedBuffersGiveEveryChunkAsReadChunkDoes() throws Exception {
		int chunks = 0;
		for (final String name : new String[] { "v2/big_zstd.ome.zarr", "v2/uint16_none.ome.zarr",
				"v3/float32_zstd.ome.zarr", "v2/int16_zstd2.ome.zarr", "v3/uint8_zstd.ome.zarr", "v2/big_zstd.ome.zarr" }) {
			final Path dir = fixture(name).resolve(name.startsWith("v3") ? "s0" : "0");
			final ZarrArray a = ZarrArray.open(dir, name);
			final long[] idx = new long[a.shape.length], grid = new long[a.shape.length];
			for (int d = 0; d < grid.length; d++)
				grid[d] = (a.shape[d] + a.chunks[d] - 1) / a.chunks[d];
			do {
				final ByteBuffer fresh = a.readChunk(idx), reused = a.readChunkShared(idx);
				if (fresh == null) continue;
				assertNotNull(reused, name);
				assertEquals(fresh.remaining(), reused.remaining(), name);
				assertEquals(fresh.order(), reused.order(), name);
				for (int i = 0; i < fresh.remaining(); i++)
					if (fresh.get(i) != reused.get(i)) throw new AssertionError(name + ": byte " + i + " differs");
				chunks++;
			} while (next(idx, grid));
		}
		assertTrue(chunks > 10, chunks + " chunks compared");
	}

	private static boolean next(final long[] idx, final long[] grid) {
		for (int d = idx.length - 1; d >= 0; d--) {
			if (++idx[d] < grid[d]) return true;
			idx[d] = 0;
		}
		return false;
	}

	private static Path fixture(final String name) throws Exception {
		return Path.of(ChunkBuffersTest.class.getResource("/io/github/triage/io/zarr_fixtures/" + name).toURI());
	}
}
