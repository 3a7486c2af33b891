package io.github.triage.galvo;

import io.github.triage.BadInputException;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Tile-level galvo detection (spec stages 1 and 3). A raw tile has ImgLib2 axes X = B-scan, Y = A-line
 * (including the n_extra return rows), Z = depth; its AIP is the mean over Z, computed by {@link ImageOps}.
 */
public final class GalvoDetector {
	private GalvoDetector() {
	}

	/** The AIP of a 3D tile through the ops layer (CPU or CLIJ2); a 2D image is taken as an AIP already. */
	public static RandomAccessibleInterval<FloatType> aip(final RandomAccessibleInterval<? extends RealType<?>> tile,
			final ImageOps ops) {
		return ops.meanZProjection(tile);
	}

	/** Detects on a 3D tile or a 2D AIP. {@code name} names the tile in errors. */
	public static TileDetection detect(final String name, final RandomAccessibleInterval<? extends RealType<?>> tileOrAip,
			final int nExtra, final ImageOps ops) {
		final int nd = tileOrAip.numDimensions();
		if (nd != 2 && nd != 3)
			throw new BadInputException(name + ": expected a 2D AIP or a 3D tile, got " + nd + "D");
		return detectAip(name, aip(tileOrAip, ops), nExtra);
	}

	/** Detects on an AIP (X = B-scan, Y = A-line). */
	public static TileDetection detectAip(final String name, final RandomAccessibleInterval<? extends RealType<?>> aip,
			final int nExtra) {
		final int rows = (int) aip.dimension(1);
		if (nExtra >= rows || nExtra < 1)
			throw new BadInputException(name + ": n_extra " + nExtra + " must be between 1 and the A-line rows - 1 ("
					+ (rows - 1) + "; the tile has " + rows + " rows along Y)");
		final float[] px = FloatImages.pixels(aip);
		double sum = 0;
		for (final float v : px) {
			if (!Float.isFinite(v)) throw new BadInputException(name + ": contains NaN or infinite pixels");
			sum += v;
		}
		final double[] rowMeans = Profiles.rowMeans(aip);
		final ShiftDetection sd = ShiftDetector.detect(rowMeans, nExtra);
		final PresenceScore ps = PresenceScorer.score(rowMeans, nExtra, sd.bandStart());
		return new TileDetection(name, sum / px.length, rowMeans, sd, ps);
	}
}
