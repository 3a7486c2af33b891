package io.github.triage.galvo;

import io.github.triage.ops.FloatImages;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The fix: a circular shift along the A-line axis (ImgLib2 dimension 1, Y), numpy's {@code roll} sign: row y
 * moves to (y + shift) mod height. With the detected shift, the return band ends in the last n_extra rows.
 */
public final class GalvoFix {
	private GalvoFix() {
	}

	/** A new float image (2D or 3D), rolled along Y. */
	public static ArrayImg<FloatType, FloatArray> roll(final RandomAccessibleInterval<? extends RealType<?>> img,
			final int shift) {
		final int[] d = FloatImages.dims3(img);
		final float[] src = FloatImages.pixels(img);
		final float[] out = new float[src.length];
		final int w = d[0], h = d[1], k = Math.floorMod(shift, h);
		for (int z = 0; z < d[2]; z++)
			rollPlane(src, z * w * h, out, z * w * h, w, h, k);
		return img.numDimensions() == 3 ? FloatImages.wrap(out, w, h, d[2]) : FloatImages.wrap(out, w, h);
	}

	/**
	 * Rolls each plane (a primitive array of {@code width × height} pixels, any pixel type, row-major) along Y in
	 * place: the Fiji face passes an ImageStack's pixel arrays.
	 */
	public static void rollPlanesInPlace(final Object[] planes, final int width, final int height, final int shift) {
		final int k = Math.floorMod(shift, height);
		if (k == 0) return;
		for (final Object px : planes) {
			final Object tmp = java.lang.reflect.Array.newInstance(px.getClass().getComponentType(), width * height);
			rollPlane(px, 0, tmp, 0, width, height, k);
			System.arraycopy(tmp, 0, px, 0, width * height);
		}
	}

	/** Two block copies: rows [0, h-k) go to [k, h), rows [h-k, h) go to [0, k). */
	private static void rollPlane(final Object src, final int from, final Object dst, final int to, final int w,
			final int h, final int k) {
		System.arraycopy(src, from, dst, to + k * w, (h - k) * w);
		System.arraycopy(src, from + (h - k) * w, dst, to, k * w);
	}
}
