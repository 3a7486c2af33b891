package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.process.FloatProcessor;
import io.github.triage.BadInputException;
import io.github.triage.NotEnoughMemoryException;
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

	/**
	 * Reads a 2D or 3D TIFF as float; 2D images come back 2D. The header is checked first ({@link #header}), and the
	 * float copy against the memory left, so that a truncated, colour or oversized file is refused naming it.
	 */
	public static ArrayImg<FloatType, FloatArray> read(final Path file) {
		InputFiles.requireFile(file);
		final Header h = header(file, file.toString());
		// The ImagePlus as stored plus the float copy.
		NotEnoughMemoryException.require(h.pixels() * (4L + h.bytesPerPixel()), file + ": reading this "
				+ h.describe());
		final ImagePlus imp = open(file);
		if (imp.getStackSize() != h.planes() || imp.getWidth() != h.width() || imp.getHeight() != h.height())
			throw new BadInputException(file + ": truncated or inconsistent TIFF: the header describes " + h.describe()
					+ ", " + imp.getStackSize() + " planes of " + imp.getWidth() + " × " + imp.getHeight() + " were read");
		return fromImagePlus(imp);
	}

	/** The TIFF as ImageJ opens it; a file it cannot read is bad input naming the file. */
	static ImagePlus open(final Path file) {
		final ImagePlus imp;
		try {
			imp = new Opener().openImage(file.toAbsolutePath().toString());
		}
		catch (final RuntimeException e) {
			throw new BadInputException(file + ": cannot read as TIFF (" + e.getMessage() + ")", e);
		}
		if (imp == null) throw new BadInputException(file + ": cannot read as TIFF");
		return imp;
	}

	/**
	 * What a TIFF's header promises, once checked: one sample per pixel (colour is refused rather than turned grey),
	 * positive sizes, at most 2³¹ pixels, and every plane's bytes inside the file (a truncated file is refused rather
	 * than read as fewer planes).
	 */
	public record Header(int width, int height, int planes, int bytesPerPixel) {
		public long pixels() {
			return (long) width * height * planes;
		}

		String describe() {
			return planes + " plane" + (planes == 1 ? "" : "s") + " of " + width + " × " + height;
		}
	}

	/** Reads and checks a TIFF's header (no pixels); {@code label} names the file in messages. */
	public static Header header(final Path file, final String label) {
		final FileInfo[] info;
		final long size;
		try {
			final Path abs = file.toAbsolutePath();
			size = Files.size(abs);
			info = new TiffDecoder(abs.getParent().toString() + "/", abs.getFileName().toString()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new BadInputException(label + ": cannot read TIFF header (" + e.getMessage() + ")", e);
		}
		if (info == null || info.length == 0) throw new BadInputException(label + ": not a readable TIFF");
		final FileInfo first = info[0];
		for (final FileInfo fi : info)
			if (COLOUR.contains(fi.fileType) || fi.samplesPerPixel > 1)
				throw new BadInputException(label + ": a colour (RGB) TIFF; Triage needs one grey value per pixel: "
						+ "split the channels or convert to grey first");
		if (first.width <= 0 || first.height <= 0)
			throw new BadInputException(label + ": TIFF header gives an image of " + first.width + " × " + first.height);
		final int planes = info.length == 1 ? Math.max(1, first.nImages) : info.length;
		final Header h = new Header(first.width, first.height, planes, first.getBytesPerPixel());
		if (h.pixels() > Integer.MAX_VALUE - 8)
			throw new BadInputException(label + ": TIFF header describes " + h.describe() + " (" + h.pixels()
					+ " pixels), more than one image can hold (2³¹)");
		for (int i = 0; i < info.length; i++) {
			final FileInfo fi = info[i];
			final long plane = fi.fileType == FileInfo.BITMAP ? (fi.width + 7L) / 8 * fi.height
					: (long) fi.width * fi.height * fi.getBytesPerPixel();
			final int n = info.length == 1 ? planes : 1;
			long end = fi.getOffset();
			if (fi.compression <= FileInfo.COMPRESSION_NONE)
				end += n * plane + (n - 1) * Math.max(0, fi.getGap());
			if (fi.stripOffsets != null && fi.stripLengths != null)
				for (int k = 0; k < Math.min(fi.stripOffsets.length, fi.stripLengths.length); k++)
					end = Math.max(end, (fi.stripOffsets[k] & 0xffffffffL) + (fi.stripLengths[k] & 0xffffffffL));
			if (end > size)
				throw new BadInputException(label + ": truncated TIFF: the header describes " + h.describe()
						+ ", but the file ends at byte " + size + (info.length == 1 ? "" : " inside plane " + (i + 1))
						+ " (" + end + " bytes needed)");
		}
		return h;
	}

	private static final java.util.Set<Integer> COLOUR = java.util.Set.of(FileInfo.RGB, FileInfo.RGB_PLANAR,
			FileInfo.ARGB, FileInfo.BGR, FileInfo.RGB48, FileInfo.RGB48_PLANAR, FileInfo.BARG, FileInfo.ABGR,
			FileInfo.CMYK);

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
