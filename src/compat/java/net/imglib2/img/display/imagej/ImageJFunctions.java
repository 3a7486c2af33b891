package net.imglib2.img.display.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Stand-in for imglib2-ij's converters, which CLIJ uses for its ImgLib2-based operations (connected components).
 * Copies through float; outside Fiji only, never shipped.
 */
public final class ImageJFunctions {
	private ImageJFunctions() {
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static <T extends RealType<T>> Img<T> wrapReal(final ImagePlus imp) {
		final int w = imp.getWidth(), h = imp.getHeight(), d = imp.getStackSize();
		final Img<FloatType> img = d > 1 ? ArrayImgs.floats(w, h, d) : ArrayImgs.floats(w, h);
		final RandomAccess<FloatType> ra = img.randomAccess();
		final ImageStack stack = imp.getStack();
		for (int z = 0; z < d; z++) {
			final float[] px = (float[]) stack.getProcessor(z + 1).convertToFloat().getPixels();
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					ra.setPosition(x, 0);
					ra.setPosition(y, 1);
					if (d > 1) ra.setPosition(z, 2);
					ra.get().set(px[y * w + x]);
				}
		}
		return (Img) img;
	}

	public static <T extends RealType<T>> ImagePlus wrap(final RandomAccessibleInterval<T> rai, final String title) {
		final int w = (int) rai.dimension(0), h = (int) rai.dimension(1);
		final int d = rai.numDimensions() > 2 ? (int) rai.dimension(2) : 1;
		final ImageStack stack = new ImageStack(w, h);
		final float[][] planes = new float[d][w * h];
		final Cursor<T> c = Views.flatIterable(rai).localizingCursor();
		final long[] min = rai.minAsLongArray();
		while (c.hasNext()) {
			c.fwd();
			final int x = (int) (c.getLongPosition(0) - min[0]);
			final int y = (int) (c.getLongPosition(1) - min[1]);
			final int z = d > 1 ? (int) (c.getLongPosition(2) - min[2]) : 0;
			planes[z][y * w + x] = c.get().getRealFloat();
		}
		for (int z = 0; z < d; z++) stack.addSlice(new FloatProcessor(w, h, planes[z]));
		return new ImagePlus(title, stack);
	}
}
