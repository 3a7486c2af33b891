package io.github.triage.stage.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.triage.Listener;
import io.github.triage.io.StackVolumes;

/** Small synthetic slice volumes for the stack stage tests. */
final class StackTestVolumes {
	private StackTestVolumes() {
	}

	/** Value of voxel (z, y, x) of slice {@code id}: positive, distinct per slice, plane and pixel. */
	static float value(final int id, final int z, final int y, final int x) {
		return 1 + id * 1000 + z * 100 + y + x * 0.01f;
	}

	static void write(final Path file, final int id, final int d, final int h, final int w, final double res)
			throws IOException {
		write(file, id, d, h, w, new double[] { res, res, res });
	}

	static void write(final Path file, final int id, final int d, final int h, final int w, final double[] scale)
			throws IOException {
		StackVolumes.write(file, d, h, w, z -> {
			final float[] p = new float[h * w];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					p[y * w + x] = value(id, z, y, x);
			return p;
		}, scale, "0.5");
	}

	static Path csv(final Path file, final String... lines) throws IOException {
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

	/** A listener that keeps the warnings. */
	static final class Warnings implements Listener {
		final List<String> list = new ArrayList<>();

		@Override
		public void warning(final String message) {
			list.add(message);
		}

		boolean any(final String... parts) {
			return list.stream().anyMatch(m -> {
				for (final String p : parts)
					if (!m.contains(p)) return false;
				return true;
			});
		}
	}
}
