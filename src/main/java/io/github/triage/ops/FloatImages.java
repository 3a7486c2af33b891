package io.github.triage.ops;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/** Moves pixel data between ImgLib2 images and flat float arrays (X fastest), without copies where possible. */
public final class FloatImages {
	private FloatImages() {
	}

	/**
	 * The pixels in flat order (X fastest, then Y, then Z). Shares the backing array of a zero-origin
	 * {@code ArrayImg<FloatType>}: callers must not modify the result.
	 */
	public static float[] pixels(final RandomAccessibleInterval<? extends RealType<?>> img) {
		if (img instanceof ArrayImg && Intervals.minAsLongArray(img).length > 0 && isZeroMin(img)) {
			final Object access = ((ArrayImg<?, ?>) img).update(null);
			if (access instanceof FloatArray && ((ArrayImg<?, ?>) img).firstElement() instanceof FloatType)
				return ((FloatArray) access).getCurrentStorageArray();
		}
		final long n = Intervals.numElements(img);
		if (n > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("Image too large for one array: " + n + " pixels");
		final float[] out = new float[(int) n];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
		int i = 0;
		while (c.hasNext())
			out[i++] = c.next().getRealFloat();
		return out;
	}

	/** Wraps a flat array as an image of the given dimensions (X fastest). */
	public static ArrayImg<FloatType, FloatArray> wrap(final float[] data, final long... dims) {
		if (Intervals.numElements(dims) != data.length)
			throw new IllegalArgumentException("Array of " + data.length + " pixels does not match the dimensions");
		return ArrayImgs.floats(data, dims);
	}

	/** Dimensions as ints: {@code [width, height, depth]}, depth 1 for 2D. */
	public static int[] dims3(final RandomAccessibleInterval<?> img) {
		final int nd = img.numDimensions();
		if (nd < 2 || nd > 3)
			throw new IllegalArgumentException("Image must be 2D or 3D, got " + nd + "D.");
		return new int[] { (int) img.dimension(0), (int) img.dimension(1), nd == 3 ? (int) img.dimension(2) : 1 };
	}

	private static boolean isZeroMin(final RandomAccessibleInterval<?> img) {
		for (int d = 0; d < img.numDimensions(); d++)
			if (img.min(d) != 0) return false;
		return true;
	}
}
