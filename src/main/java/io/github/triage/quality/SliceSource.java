package io.github.triage.quality;

import java.util.function.IntFunction;

/**
 * One slice volume (Z, Y, X) as the assessor sees it: its size up front, planes on demand. Implementations read
 * lazily (OME-Zarr, TIFF) so that only the planes being compared are in memory.
 */
public interface SliceSource {
	/**
	 * A slice's id as slice_config writes it ("03"), the label naming it in messages (e.g. {@code slice 03
	 * (…/slice_z03.ome.zarr)}) and its size, all fixed when it is opened.
	 */
	record Shape(String sliceId, String label, int depth, int height, int width) {
	}

	/** Its id, label and size. */
	Shape shape();

	/** The slice id as slice_config writes it ("03"). */
	default String sliceId() {
		return shape().sliceId();
	}

	/** Names the slice in messages, e.g. {@code slice 03 (…/slice_z03.ome.zarr)}. */
	default String label() {
		return shape().label();
	}

	default int depth() {
		return shape().depth();
	}

	default int height() {
		return shape().height();
	}

	default int width() {
		return shape().width();
	}

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
	record Of(Shape shape, IntFunction<float[]> planes) implements SliceSource {
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
		public Shape shape() {
			return inner.shape();
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
