package io.github.triage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import java.util.stream.Stream;

import io.github.triage.io.OmeZarrWriter;

/** Small synthetic OME-Zarr series for quality tests. */
public final class QualityCliTestData {
	private QualityCliTestData() {
	}

	/** n slices of smooth random structure shared between neighbours, 2 pyramid levels, chunks (2, 8, 8). */
	public static Path synthetic(final Path dir, final int n, final int d, final int h, final int w) throws Exception {
		Files.createDirectories(dir);
		for (int i = 0; i < n; i++)
			write(dir.resolve(String.format("slice_z%02d.ome.zarr", i)), d, h, w, i);
		return dir;
	}

	/** The reference slices (src/test/resources/oct/quality) as OME-Zarr only, copied into {@code dir/mosaics}. */
	public static Path referenceCopy(final Path dir) throws Exception {
		final Path src = Paths.get(QualityCliTestData.class.getResource("/oct/quality").toURI());
		final Path dst = Files.createDirectories(dir.resolve("mosaics"));
		try (Stream<Path> s = Files.walk(src)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final String rel = src.relativize(p).toString();
				if (!rel.contains(".ome.zarr")) continue;
				final Path t = dst.resolve(rel);
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t);
			}
		}
		return dst;
	}

	public static void write(final Path p, final int d, final int h, final int w, final int seed) throws Exception {
		OmeZarrWriter.write(p, d, h, w, z -> {
			final Random rnd = new Random(seed * 100L + z);
			final float[] a = new float[h * w];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					a[y * w + x] = (float) (Math.sin(x / 3.0) * Math.cos(y / 4.0) + 0.2 * rnd.nextGaussian());
			return a;
		}, new double[] { 1, 1, 1 }, "micrometer", 1, OmeZarrWriter.Compressor.ZLIB, new int[] { 2, 8, 8 });
	}

}
