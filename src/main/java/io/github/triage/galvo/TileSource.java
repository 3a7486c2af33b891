package io.github.triage.galvo;

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
}
