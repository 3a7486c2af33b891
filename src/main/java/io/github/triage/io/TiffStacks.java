package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.FloatProcessor;
import io.github.triage.BadInputException;
import io.github.triage.ops.FloatImages;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * TIFF stacks (one page per Z plane, e.g. ImageJ hyperstacks or tifffile output) as float images with ImgLib2
 * axes (X, Y, Z): a numpy (Z, Y, X) volume reads with the same pixel at the same place.
 */
public final class TiffStacks {
	private TiffStacks() {
	}

	/** Reads a 2D or 3D TIFF as float; 2D images come back 2D. */
	public static ArrayImg<FloatType, FloatArray> read(final Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such file");
		final ImagePlus imp;
		try {
			imp = new Opener().openImage(file.toAbsolutePath().toString());
		}
		catch (final RuntimeException e) {
			throw new BadInputException(file + ": cannot read as TIFF (" + e.getMessage() + ")", e);
		}
		if (imp == null) throw new BadInputException(file + ": cannot read as TIFF");
		return fromImagePlus(imp);
	}

	/** Copies an ImagePlus stack into a float image (X, Y, Z), or (X, Y) for a single plane. */
	public static ArrayImg<FloatType, FloatArray> fromImagePlus(final ImagePlus imp) {
		final int w = imp.getWidth(), h = imp.getHeight(), d = imp.getStackSize();
		final float[] px = new float[w * h * d];
		final ImageStack st = imp.getStack();
		for (int z = 0; z < d; z++) {
			final float[] plane = (float[]) st.getProcessor(z + 1).convertToFloatProcessor().getPixels();
			System.arraycopy(plane, 0, px, z * w * h, w * h);
		}
		return d > 1 ? FloatImages.wrap(px, w, h, d) : FloatImages.wrap(px, w, h);
	}

	/** A float ImagePlus (one slice per Z plane) holding a copy of the image. */
	public static ImagePlus toImagePlus(final RandomAccessibleInterval<? extends RealType<?>> img, final String title) {
		final int[] d = FloatImages.dims3(img);
		final float[] px = FloatImages.pixels(img);
		final ImageStack st = new ImageStack(d[0], d[1]);
		final int plane = d[0] * d[1];
		for (int z = 0; z < d[2]; z++) {
			final float[] p = new float[plane];
			System.arraycopy(px, z * plane, p, 0, plane);
			st.addSlice(new FloatProcessor(d[0], d[1], p));
		}
		return new ImagePlus(title, st);
	}

	/** Writes a float TIFF stack atomically (temporary file, then rename). */
	public static void write(final Path file, final RandomAccessibleInterval<? extends RealType<?>> img)
			throws IOException {
		final ImagePlus imp = toImagePlus(img, file.getFileName().toString());
		AtomicFiles.write(file, out -> {
			final FileSaver fs = new FileSaver(imp);
			final byte[] bytes = fs.serialize(); // TIFF in memory, stacks included
			if (bytes == null) throw new IOException(file + ": TIFF encoding failed");
			out.write(bytes);
		});
	}

	/**
	 * A length in Å from a calibration value and its unit, whatever length unit Bio-Formats or ImageJ wrote
	 * (Å, nm, µm/um/micron, mm, cm, m, pm, with their long names); NaN for a unit that is no length (pixel, "").
	 */
	public static double toAngstrom(final double value, final String unit) {
		if (unit == null) return Double.NaN;
		final String u = unit.trim().toLowerCase(java.util.Locale.ROOT).replace('\u00b5', '\u03bc');
		final double f = switch (u) {
		case "\u00e5", "\u212b", "a", "angstrom", "angstroms", "\u00e5ngstr\u00f6m" -> 1;
		case "nm", "nanometer", "nanometre", "nanometers", "nanometres" -> 10;
		case "\u03bcm", "um", "micron", "microns", "micrometer", "micrometre", "micrometers", "micrometres" -> 1e4;
		case "mm", "millimeter", "millimetre", "millimeters", "millimetres" -> 1e7;
		case "cm", "centimeter", "centimetre" -> 1e8;
		case "m", "meter", "metre", "meters", "metres" -> 1e10;
		case "pm", "picometer", "picometre" -> 0.01;
		default -> Double.NaN;
		};
		return value * f;
	}
}
