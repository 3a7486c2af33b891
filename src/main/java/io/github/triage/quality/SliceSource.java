package io.github.triage.quality;

import java.util.function.IntFunction;

/**
 * One slice volume (Z, Y, X) as the assessor sees it: its size up front, planes on demand. Implementations read
 * lazily (OME-Zarr, TIFF) so that only the planes being compared are in memory.
 */
public interface SliceSource {
	/** The slice id as slice_config writes it ("03"). */
	String sliceId();

	/** Names the slice in messages, e.g. {@code slice 03 (…/slice_z03.ome.zarr)}. */
	String label();

	int depth();

	int height();

	int width();

	/** Plane {@code z}: {@code height} rows of {@code width} values (X fastest). The caller must not modify it. */
	float[] plane(int z);

	/** A slice of a fixed size whose planes come from {@code planes}. */
	record Of(String sliceId, String label, int depth, int height, int width, IntFunction<float[]> planes)
			implements SliceSource {
		@Override
		public float[] plane(final int z) {
			return planes.apply(z);
		}
	}
}
