package io.github.triage.io.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.MosaicFolder;
import io.github.triage.io.OmeZarrReader;
import io.github.triage.io.SliceVolumes;
import io.github.triage.quality.SliceSource;
import io.github.triage.report.Images;
import io.github.triage.report.Images.Plane;

/**
 * Reads the pictures of the report: one plane per slice of a mosaics folder (the mid-depth plane or the average
 * over depth), and the middle XY, XZ and YZ planes of an assembled volume. OME-Zarr images are read at the
 * coarsest pyramid level that is still large enough, so a report of a big series reads little.
 */
public final class SlicePictures {
	/** What a slice's picture shows. */
	public enum Projection {
		/** The plane at half depth. */
		MID,
		/** The average intensity projection over depth (at most {@link #AIP_PLANES} planes, evenly spaced). */
		AIP
	}

	static final int AIP_PLANES = 32;

	private SlicePictures() {
	}

	/**
	 * One plane per slice, by slice id; a slice that cannot be read is left out with a warning naming it.
	 *
	 * @param maxSide longest side of a picture, in pixels
	 */
	public static Map<String, Plane> slices(final Path mosaics, final Projection projection, final int maxSide,
			final Consumer<String> log, final Consumer<String> warn) {
		final Map<String, Plane> out = new LinkedHashMap<>();
		for (final MosaicFolder.Entry e : MosaicFolder.list(mosaics, Listener.of(log, warn))) {
			try {
				final SliceSource s = open(e, maxSide, warn);
				final List<Plane> planes = new ArrayList<>();
				if (projection == Projection.MID) planes.add(plane(s, s.depth() / 2));
				else {
					final int n = Math.min(AIP_PLANES, s.depth());
					for (int i = 0; i < n; i++) planes.add(plane(s, (int) ((i + 0.5) * s.depth() / n)));
				}
				final Plane p = Images.average(planes);
				out.put(e.sliceId(), Images.shrink(p, Images.factorFor(p.width(), p.height(), maxSide)));
			}
			catch (final BadInputException ex) {
				warn.accept(ex.getMessage() + "; no picture of slice " + e.sliceId());
			}
		}
		return out;
	}

	/**
	 * The middle XY, XZ and YZ planes of a volume (OME-Zarr or TIFF stack), Z stretched to its true scale when the
	 * file says it; in that order, named.
	 */
	public static Map<String, Plane> orthogonal(final Path volume, final int maxSide, final Consumer<String> warn) {
		final MosaicFolder.Entry e = new MosaicFolder.Entry(0, volume, !volume.toString().toLowerCase().matches(
				".*\\.tiff?$"));
		final SliceSource s = open(e, maxSide, warn);
		final int d = s.depth(), h = s.height(), w = s.width();
		final float[] xz = new float[d * w], yz = new float[d * h];
		Plane xy = null;
		for (int z = 0; z < d; z++) {
			final float[] p = s.plane(z);
			System.arraycopy(p, (h / 2) * w, xz, z * w, w);
			for (int y = 0; y < h; y++) yz[z * h + y] = p[y * w + w / 2];
			if (z == d / 2) xy = new Plane(w, h, p);
		}
		final double[] scale = s instanceof SliceVolumes.ZarrSlice zs ? zs.reader().scaleZyx() : new double[] { 1, 1, 1 };
		final Map<String, Plane> out = new LinkedHashMap<>();
		out.put("XY (z = " + d / 2 + " of " + d + ")", xy);
		out.put("XZ (y = " + h / 2 + ")", Images.trueAspect(new Plane(w, d, xz), scale[0], scale[2]));
		out.put("YZ (x = " + w / 2 + ")", Images.trueAspect(new Plane(h, d, yz), scale[0], scale[1]));
		return out;
	}

	/** A slice at the coarsest pyramid level whose longer side still reaches {@code maxSide}. */
	private static SliceSource open(final MosaicFolder.Entry e, final int maxSide, final Consumer<String> warn) {
		int level = 0;
		if (e.zarr) {
			final int levels = OmeZarrReader.open(e.path, 0, e.toString(), warn).levels();
			for (level = levels - 1; level > 0; level--) {
				final OmeZarrReader r = OmeZarrReader.open(e.path, level, e.toString(), warn);
				if (Math.max(r.width(), r.height()) >= maxSide) break;
			}
		}
		return SliceVolumes.open(e, level, Listener.of(null, warn));
	}

	private static Plane plane(final SliceSource s, final int z) {
		return new Plane(s.width(), s.height(), s.plane(z));
	}
}
