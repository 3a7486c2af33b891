package io.github.triage.galvo;

import io.github.triage.BadInputException;
import io.github.triage.ops.ImageOps;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** One tile of a slice, loaded only when the sampling picks it. Faces supply file readers; tests supply images. */
public interface TileSource {
	/** Name used for ordering (tiles are sorted by it), diagnostics and errors: the file name. */
	String name();

	/** How errors name the tile: its path where there is one. */
	default String label() {
		return name();
	}

	/** The raw tile (X = B-scan, Y = A-line, Z = depth). */
	RandomAccessibleInterval<? extends RealType<?>> load();

	/**
	 * The tile's AIP (mean over Z, X × Y). Sources that can read plane by plane override it so that the tile is
	 * never whole in memory.
	 *
	 * @throws BadInputException when the tile is not 3D
	 */
	default RandomAccessibleInterval<? extends RealType<?>> aip(final ImageOps ops) {
		final RandomAccessibleInterval<? extends RealType<?>> tile = load();
		if (tile.numDimensions() != 3)
			throw new BadInputException(label() + ": a raw tile must be 3D (X, Y, Z), got " + tile.numDimensions() + "D");
		return ops.meanZProjection(tile);
	}
}
