package io.github.triage.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.layout.SliceNames;

/**
 * The slice volumes of 3D assembly on disk: finding them in a folder by the one slice-id rule, opening one for
 * plane-by-plane reads with its voxel size in mm, writing one plane by plane, and a folder output that appears
 * whole or not at all. Today these are OME-Zarr images through {@link OmeZarrReader} / {@link OmeZarrWriter};
 * the stages see only this narrow interface.
 */
public final class StackVolumes {
	private StackVolumes() {
	}

	/** An opened volume: shape, voxel size and planes (Y rows of X values). Opening reads metadata only. */
	public interface Volume {
		int depth();

		int height();

		int width();

		/** Voxel size (z, y, x) in mm. */
		double[] scaleZyxMm();

		/** Plane {@code z} as floats. */
		float[] plane(int z);

		/** The file or folder, as named in messages. */
		String label();
	}

	/**
	 * The OME-Zarr volumes directly in {@code dir} whose names carry a slice id ({@code *z<NN>*.ome.zarr} or
	 * {@code .zarr} folders; hidden entries skipped), by id.
	 *
	 * @throws BadInputException when the folder is missing, a name is ambiguous, or two volumes share an id
	 */
	public static Map<Integer, Path> list(final Path dir) {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder");
		final TreeMap<Integer, Path> out = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith(".") || !Files.isDirectory(p) || !name.toLowerCase(Locale.ROOT).endsWith(".zarr"))
					continue;
				final OptionalInt id = SliceNames.idOf(name);
				if (id.isEmpty()) continue;
				final Path prev = out.put(id.getAsInt(), p);
				if (prev != null)
					throw new BadInputException(dir + ": two volumes for slice " + SliceNames.format(id.getAsInt()) + ": "
							+ prev.getFileName() + " and " + name);
			}
		}
		catch (final IOException e) {
			throw new BadInputException(dir + ": cannot list folder: " + e.getMessage(), e);
		}
		return out;
	}

	/** Opens level 0 of an OME-Zarr image; missing chunks are reported to the listener. */
	public static Volume open(final Path root, final String label, final Listener listener) {
		final Listener l = Listener.orNone(listener);
		final OmeZarrReader r = OmeZarrReader.open(root, 0, label, l::warning);
		final double toMm = mmPerUnit(r.unit(), label);
		final double[] s = r.scaleZyx();
		final double[] mm = { s[0] * toMm, s[1] * toMm, s[2] * toMm };
		return new Volume() {
			@Override
			public int depth() {
				return r.depth();
			}

			@Override
			public int height() {
				return r.height();
			}

			@Override
			public int width() {
				return r.width();
			}

			@Override
			public double[] scaleZyxMm() {
				return mm.clone();
			}

			@Override
			public float[] plane(final int z) {
				return r.readPlane(z);
			}

			@Override
			public String label() {
				return label;
			}
		};
	}

	/** mm per axis unit; no unit means mm (what linumpy writes). */
	private static double mmPerUnit(final String unit, final String label) {
		switch (unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT)) {
		case "", "millimeter", "mm":
			return 1;
		case "micrometer", "micron", "um", "µm":
			return 1e-3;
		case "nanometer", "nm":
			return 1e-6;
		case "centimeter", "cm":
			return 10;
		case "meter", "m":
			return 1000;
		default:
			throw new BadInputException(label + ": axis unit '" + unit + "' is not a length unit Triage knows");
		}
	}

	/**
	 * Writes a float (Z, Y, X) volume plane by plane as an OME-Zarr image with a pyramid (halving until Y and X fit
	 * in one 256 × 256 chunk), voxel size in mm. {@code planes} is called once per plane, in order.
	 */
	public static void write(final Path root, final int depth, final int height, final int width,
			final OmeZarrWriter.PlaneSource planes, final double[] scaleZyxMm) throws IOException {
		int levels = 1;
		for (int m = Math.max(height, width); m > 256 && levels < 8; m /= 2)
			levels++;
		OmeZarrWriter.write(root, depth, height, width, planes, scaleZyxMm, "millimeter", levels,
				OmeZarrWriter.Compressor.ZLIB, new int[] { Math.min(depth, 16), 256, 256 });
	}

	/**
	 * A folder output built in a hidden sibling and renamed into place when complete, so that a crash or a failure
	 * never leaves a partial folder under the target name.
	 */
	public static final class FolderOutput implements AutoCloseable {
		private final Path target, tmp;
		private boolean committed;

		/**
		 * @param overwrite replace an existing folder (only once the new one is complete); else an existing,
		 *                  non-empty folder is an error
		 */
		public FolderOutput(final Path target, final boolean overwrite) throws IOException {
			this.target = target.toAbsolutePath();
			if (Files.exists(this.target) && !overwrite && !isEmptyDir(this.target))
				throw new BadInputException(target + ": output folder exists and is not empty");
			Files.createDirectories(this.target.getParent());
			tmp = this.target.getParent().resolve("." + this.target.getFileName() + ".writing-" + UUID.randomUUID());
			Files.createDirectory(tmp);
		}

		/** The folder to write into until {@link #commit()}. */
		public Path dir() {
			return tmp;
		}

		/** Puts the folder in place of the target (an existing target is moved aside, then deleted). */
		public void commit() throws IOException {
			Path old = null;
			if (Files.exists(target)) {
				old = target.getParent().resolve("." + target.getFileName() + ".old-" + UUID.randomUUID());
				Files.move(target, old);
			}
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, target);
			}
			committed = true;
			if (old != null) OmeZarrWriter.deleteTree(old);
		}

		/** Removes the unfinished folder unless committed. */
		@Override
		public void close() throws IOException {
			if (!committed) OmeZarrWriter.deleteTree(tmp);
		}

		private static boolean isEmptyDir(final Path p) throws IOException {
			if (!Files.isDirectory(p)) throw new BadInputException(p + ": output exists and is not a folder");
			try (Stream<Path> s = Files.list(p)) {
				return s.findAny().isEmpty();
			}
		}
	}
}
