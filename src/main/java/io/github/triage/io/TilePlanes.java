package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import io.github.triage.BadInputException;
import io.github.triage.Listener;

/**
 * Rewrites a 3D tile with its planes edited in place, keeping what the tile is: its pixel type (16-bit stays
 * 16-bit), calibration and metadata. A TIFF goes through ImageJ (the ImagePlus that was opened is saved again,
 * so its calibration, FileInfo description and Info property travel with it); an OME-Zarr is written again with
 * its data type, NGFF version, pyramid levels, voxel size and unit.
 */
public final class TilePlanes {
	private TilePlanes() {
	}

	/** Edits the Z planes of a tile in place: primitive arrays of {@code width × height} pixels, row-major. */
	@FunctionalInterface
	public interface Edit {
		void apply(Object[] planes, int width, int height);
	}

	/** @return true for an OME-Zarr path ({@code .zarr}, {@code .ome.zarr}), false for a TIFF */
	public static boolean isZarr(final Path p) {
		return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zarr");
	}

	/**
	 * Reads {@code in}, edits its planes and writes {@code out} (same format, atomically).
	 *
	 * @return the tile's size (X, Y, Z)
	 * @throws BadInputException for an unreadable file or a tile that is not 3D
	 */
	public static int[] rewrite(final Path in, final Path out, final Edit edit, final Listener listener)
			throws IOException {
		return isZarr(in) ? rewriteZarr(in, out, edit, listener) : rewriteTiff(in, out, edit);
	}

	private static int[] rewriteTiff(final Path in, final Path out, final Edit edit) throws IOException {
		InputFiles.requireFile(in);
		TiffStacks.header(in, in.toString()); // truncated, colour or oversized files are refused before reading
		final ImagePlus imp = TiffStacks.open(in);
		final ImageStack st = imp.getStack();
		final int d = st.getSize(), w = st.getWidth(), h = st.getHeight();
		if (d < 2) throw notThreeD(in, 2);
		final Object[] planes = new Object[d];
		for (int z = 0; z < d; z++)
			planes[z] = st.getPixels(z + 1); // the stack's own arrays: edited in place
		requireFinite(planes, w, h, in);
		edit.apply(planes, w, h);
		AtomicFiles.write(out, o -> {
			final byte[] bytes = new FileSaver(imp).serialize(); // calibration, description and Info included
			if (bytes == null) throw new IOException(out + ": TIFF encoding failed");
			o.write(bytes);
		});
		return new int[] { w, h, d };
	}

	private static int[] rewriteZarr(final Path in, final Path out, final Edit edit, final Listener listener)
			throws IOException {
		final OmeZarrReader r = OmeZarrReader.open(in, 0, in.toString(), Listener.orNone(listener));
		final int w = r.width(), h = r.height(), d = r.depth();
		final Object[] planes = new Object[d];
		for (int z = 0; z < d; z++)
			planes[z] = r.readPlane(z).clone(); // the reader may keep the array of a slab it caches
		requireFinite(planes, w, h, in);
		edit.apply(planes, w, h);
		final OmeZarrWriter.Version v = "0.4".equals(r.ngffVersion()) || r.zarrFormat() == 2 ? OmeZarrWriter.Version.V0_4
				: OmeZarrWriter.Version.V0_5;
		final OmeZarrWriter.Format f = OmeZarrWriter.Format.defaults().withVersion(v).withDataType(r.dataType())
				.withLevels(r.levels());
		OmeZarrWriter.write(out, d, h, w, z -> (float[]) planes[z], r.scaleZyx(), r.unit(), f);
		return new int[] { w, h, d };
	}

	/** NaN or infinite pixels cannot be fixed: refused, naming the first one (integer planes are always finite). */
	private static void requireFinite(final Object[] planes, final int w, final int h, final Path in) {
		for (int z = 0; z < planes.length; z++) {
			if (!(planes[z] instanceof float[] px)) continue;
			for (int i = 0; i < px.length; i++)
				if (!Float.isFinite(px[i]))
					throw new BadInputException(in + ": " + px[i] + " pixel at x=" + i % w + ", y=" + i / w + ", z=" + z
							+ " (a tile must hold finite numbers)");
		}
	}

	private static BadInputException notThreeD(final Path in, final int dims) {
		return new BadInputException(in + ": a raw tile must be 3D (Z planes of Y A-lines × X B-scans), got " + dims + "D");
	}
}
