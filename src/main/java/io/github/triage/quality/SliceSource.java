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

	/**
	 * Planes {@code zs}, in that order, as {@link #plane} gives them. A reader whose chunks hold several planes
	 * overrides it to decode each chunk once for all of them.
	 */
	default float[][] planes(final int[] zs) {
		final float[][] out = new float[zs.length][];
		for (int k = 0; k < zs.length; k++)
			out[k] = plane(zs[k]);
		return out;
	}

	/** Frees what the reader keeps between reads (a slab of planes); the slice can still be read afterwards. */
	default void release() {
	}

	/** A slice of a fixed size whose planes come from {@code planes}. */
	record Of(String sliceId, String label, int depth, int height, int width, IntFunction<float[]> planes)
			implements SliceSource {
		@Override
		public float[] plane(final int z) {
			return planes.apply(z);
		}
	}

	/** Forwards everything to another slice; subclasses change what they need (locking, recording reads). */
	abstract class Wrapper implements SliceSource {
		protected final SliceSource inner;

		protected Wrapper(final SliceSource inner) {
			this.inner = inner;
		}

		@Override
		public String sliceId() {
			return inner.sliceId();
		}

		@Override
		public String label() {
			return inner.label();
		}

		@Override
		public int depth() {
			return inner.depth();
		}

		@Override
		public int height() {
			return inner.height();
		}

		@Override
		public int width() {
			return inner.width();
		}

		@Override
		public float[] plane(final int z) {
			return inner.plane(z);
		}

		@Override
		public float[][] planes(final int[] zs) {
			return inner.planes(zs);
		}

		@Override
		public void release() {
			inner.release();
		}
	}
}
