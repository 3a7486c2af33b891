package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.layout.SliceNames;

/**
 * The slice volumes of 3D assembly on disk: finding them in a folder by the one slice-id rule, opening one for
 * plane-by-plane reads with its voxel size in mm, writing one plane by plane. Today these are OME-Zarr images through {@link OmeZarrReader} / {@link OmeZarrWriter};
 * the stages see only this narrow interface. Folder outputs go through {@link AtomicFiles#writeFolder}.
 */
public final class StackVolumes {
	/** Planes per chunk of the volumes written (fewer when the volume is thinner). */
	public static final int CHUNK_DEPTH = 16;

	private StackVolumes() {
	}

	/**
	 * An opened volume: shape, voxel size (z, y, x) in mm, its planes (Y rows of X values, as floats, read when asked
	 * for), the file or folder as named in messages, and the OME-NGFF version it was written in ("0.4", "0.5"; ""
	 * when unknown). Opening reads metadata only.
	 */
	public record Volume(int depth, int height, int width, double[] scaleZyxMm, String label, String ngffVersion,
			IntFunction<float[]> planes) {
		/** Voxel size (z, y, x) in mm (a copy). */
		@Override
		public double[] scaleZyxMm() {
			return scaleZyxMm.clone();
		}

		/** Plane {@code z} as floats. */
		public float[] plane(final int z) {
			return planes.apply(z);
		}
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
		double[] mm = r.scaleZyxMm();
		if (mm == null) {
			// linumpy always writes "millimeter"; a volume without length units is read as mm, and the user told.
			l.warning(label + ": axes have no length unit; the voxel size " + java.util.Arrays.toString(r.scaleZyx())
					+ " is taken as mm");
			mm = r.scaleZyx();
		}
		return new Volume(r.depth(), r.height(), r.width(), mm.clone(), label, r.ngffVersion(), r::readPlane);
	}

	/**
	 * Writes a float (Z, Y, X) volume plane by plane as an OME-Zarr image with a pyramid (halving until Y and X fit
	 * in one chunk), voxel size in mm: NGFF 0.4 on Zarr v2 (zlib) when {@code ngffVersion} is "0.4", else NGFF 0.5
	 * on Zarr v3 (zstd), what linumpy writes today. {@code planes} is called once per plane, in order.
	 */
	public static void write(final Path root, final int depth, final int height, final int width,
			final OmeZarrWriter.PlaneSource planes, final double[] scaleZyxMm, final String ngffVersion)
			throws IOException {
		OmeZarrWriter.Format f = OmeZarrWriter.Format.defaults()
				.withChunks(new int[] { Math.min(depth, CHUNK_DEPTH), 256, 256 });
		if ("0.4".equals(ngffVersion))
			f = f.withVersion(OmeZarrWriter.Version.V0_4).withCompressor(OmeZarrWriter.Compressor.ZLIB);
		OmeZarrWriter.write(root, depth, height, width, planes, scaleZyxMm, "millimeter", f);
	}
}
