package io.github.triage.galvo;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.triage.BadInputException;
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
		for (int z = 0; z < d[2]; z++) {
			final int plane = z * w * h;
			// two block copies per plane: rows [0, h-k) go to [k, h), rows [h-k, h) go to [0, k)
			System.arraycopy(src, plane, out, plane + k * w, (h - k) * w);
			System.arraycopy(src, plane + (h - k) * w, out, plane, k * w);
		}
		return img.numDimensions() == 3 ? FloatImages.wrap(out, w, h, d[2]) : FloatImages.wrap(out, w, h);
	}

	/** Rolls every plane of an ImagePlus along Y in place (any pixel type), for the Fiji face. */
	public static void rollInPlace(final ImagePlus imp, final int shift) {
		final ImageStack st = imp.getStack();
		if (st.isVirtual()) // its planes are re-read from disk: an edit would be lost silently
			throw new BadInputException(imp.getTitle() + ": a virtual stack cannot be changed in place; "
					+ "duplicate it first or untick 'in place'");
		final int w = st.getWidth(), h = st.getHeight(), k = Math.floorMod(shift, h);
		if (k == 0) return;
		for (int i = 1; i <= st.getSize(); i++) {
			final Object px = st.getPixels(i);
			final Object tmp = java.lang.reflect.Array.newInstance(px.getClass().getComponentType(), w * h);
			System.arraycopy(px, 0, tmp, k * w, (h - k) * w);
			System.arraycopy(px, (h - k) * w, tmp, 0, k * w);
			System.arraycopy(tmp, 0, px, 0, w * h);
		}
		imp.updateAndDraw();
	}
}
