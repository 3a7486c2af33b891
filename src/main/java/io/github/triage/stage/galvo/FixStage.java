package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoFix;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.TiffStacks;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The fix on a file: rolls a 3D tile circularly along the A-line axis (Y) by {@code shift} rows (numpy roll sign:
 * row y goes to y + shift) and writes it atomically, as a float TIFF stack or, when the output ends in
 * {@code .zarr}, an OME-Zarr.
 */
public final class FixStage implements Stage<FixStage.Options, FixStage.Result> {

	/**
	 * @param input  3D tile: TIFF stack or OME-Zarr
	 * @param output TIFF stack, or OME-Zarr when it ends in .zarr
	 * @param shift  rows to roll by
	 */
	public record Options(Path input, Path output, int shift) {
	}

	/** @param rolled the roll applied, in [0, rows); @param rows the tile's A-line rows */
	public record Result(Path input, Path output, int rolled, int rows) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		problems.check(o.input() == null || Files.exists(o.input()), o.input() + ": tile not found");
		problems.check(o.input() != null, "input tile: not given");
		problems.check(o.output() != null, "output: not given");
		problems.throwIfAny();
		final ArrayImg<FloatType, FloatArray> tile = TileFiles.read(o.input(), listener);
		if (tile.numDimensions() != 3)
			throw new BadInputException(o.input() + ": a raw tile must be 3D (Z planes of Y A-lines × X B-scans), got "
					+ tile.numDimensions() + "D");

		final ArrayImg<FloatType, FloatArray> fixed = GalvoFix.roll(tile, o.shift());
		if (o.output().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zarr")) {
			final int w = (int) fixed.dimension(0), h = (int) fixed.dimension(1), d = (int) fixed.dimension(2);
			final float[] px = fixed.update(null).getCurrentStorageArray();
			OmeZarrWriter.write(o.output(), d, h, w, z -> Arrays.copyOfRange(px, z * w * h, (z + 1) * w * h),
					new double[] { 1, 1, 1 }, "micrometer", 1, OmeZarrWriter.Compressor.ZLIB, new int[] { 64, 256, 256 });
		}
		else TiffStacks.write(o.output(), fixed);
		final int rows = (int) tile.dimension(1);
		return new Result(o.input(), o.output(), Math.floorMod(o.shift(), rows), rows);
	}
}
