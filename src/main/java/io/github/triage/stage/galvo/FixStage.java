package io.github.triage.stage.galvo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoFix;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.galvo.SliceDetector;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.TiffStacks;
import io.github.triage.io.TileFiles;
import io.github.triage.io.TilePlanes;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The fix on files: rolls 3D tiles circularly along the A-line axis (Y) (numpy roll sign: row y goes to
 * y + shift) and writes them atomically, each keeping its pixel type, calibration and metadata.
 * <ul>
 * <li>a tile file → the output file (a TIFF stack, or an OME-Zarr when the output ends in .zarr; converting
 * between the two writes float);</li>
 * <li>a slice folder → every tile of it, same names, into the output folder; the shift is the one given, or the
 * slice's detected shift (0 when the detection is not confident);</li>
 * <li>a folder of slice folders with a slice_config → every slice whose {@code galvo_fix} is true, into
 * {@code output/<slice folder>/}, rolled by its detected shift (slice_config keeps the decision, not the shift,
 * so the slice is detected again with the same settings); other slices are not written.</li>
 * </ul>
 */
public final class FixStage implements Stage<FixStage.Options, FixStage.Result> {

	/**
	 * @param input       3D tile (TIFF stack or OME-Zarr), a slice folder, or (with a config) a folder of slice folders
	 * @param output      the output file, or folder for folder inputs
	 * @param shift       rows to roll by; null to detect each slice's shift (folders only)
	 * @param sliceConfig slice_config whose galvo_fix says which slices to fix; null for none
	 * @param detect      detection settings when the shift is detected; null otherwise
	 */
	public record Options(Path input, Path output, Integer shift, Path sliceConfig, GalvoSettings detect) {
		/** One tile, or every tile of a slice folder, rolled by {@code shift}. */
		public static Options of(final Path input, final Path output, final int shift) {
			return new Options(input, output, shift, null, null);
		}
	}

	/** One tile written: @param rolled the roll applied, in [0, rows); @param rows the tile's A-line rows */
	public record Tile(Path input, Path output, int rolled, int rows) {
	}

	/**
	 * @param tiles   the tiles written, in order
	 * @param fixed   the slice folders fixed (folder inputs), in slice order
	 * @param skipped slice folders not written, galvo_fix being not true in the config
	 */
	public record Result(List<Tile> tiles, List<Path> fixed, List<Path> skipped) {
		/** The single tile's result (file input). */
		public Tile tile() {
			return tiles.get(0);
		}
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		problems.check(o.input() == null || Files.exists(o.input()), o.input() + ": tile or folder not found");
		problems.check(o.input() != null, "input: not given");
		problems.check(o.output() != null, "output: not given");
		final boolean folder = o.input() != null && Files.isDirectory(o.input()) && !TileFiles.isTile(o.input());
		problems.check(folder || o.shift() != null, "a tile needs a shift");
		problems.check(o.sliceConfig() == null || folder, "a slice_config goes with a folder of slice folders");
		if (o.shift() == null && o.detect() != null)
			GalvoSettings.problems(o.detect().nExtra(), o.detect().threshold(), o.detect().nSamples(),
					o.detect().minIntensity()).forEach(problems::add);
		problems.check(!folder || o.shift() != null || o.detect() != null,
				"a folder needs a shift, or n_extra to detect each slice's shift");
		problems.check(o.sliceConfig() == null || o.shift() == null,
				"with a slice_config each slice's shift is detected: give n_extra, not a shift");
		SliceConfig config = null;
		if (o.sliceConfig() != null) {
			problems.requireFile(o.sliceConfig(), "slice_config");
			if (Files.isRegularFile(o.sliceConfig())) try {
				config = SliceConfigFiles.read(o.sliceConfig());
			}
			catch (final BadInputException e) {
				problems.add(e.getMessage());
			}
		}
		final List<TileFiles.SliceFolder> folders = folder
				? GalvoSlices.folders(o.input(), config != null, problems) : null;
		problems.throwIfAny();

		if (!folder) return new Result(List.of(file(o.input(), o.output(), o.shift(), l)), List.of(), List.of());
		final ImageOps detectOps = ops != null ? ops : new CpuImageOps();
		final boolean single = folders.size() == 1 && folders.get(0).dir().equals(o.input());
		final List<Tile> tiles = new ArrayList<>();
		final List<Path> fixed = new ArrayList<>(), skipped = new ArrayList<>();
		for (final TileFiles.SliceFolder f : folders) {
			l.checkCancelled();
			if (config != null && !Boolean.TRUE.equals(config.contains(f.sliceId())
					? config.getBoolean(f.sliceId(), SliceColumns.GALVO_FIX) : null)) {
				skipped.add(f.dir());
				continue;
			}
			final int shift = o.shift() != null ? o.shift() : detectedShift(f, o.detect(), config != null, detectOps, l);
			final Path outDir = single ? o.output() : o.output().resolve(f.dir().getFileName().toString());
			for (final Path t : TileFiles.tilesIn(f.dir()))
				tiles.add(preserving(t, outDir.resolve(t.getFileName().toString()), shift, l));
			l.info(String.format(Locale.ROOT, "galvo: %s rolled by %d rows -> %s", f.dir().getFileName(), shift, outDir));
			fixed.add(f.dir());
		}
		return new Result(tiles, fixed, skipped);
	}

	/**
	 * The slice's shift: the detection's when it is confident; with a config that says fix, the consensus tile's
	 * shift whatever the threshold (the config holds the decision).
	 */
	private static int detectedShift(final TileFiles.SliceFolder f, final GalvoSettings s, final boolean decided,
			final ImageOps ops, final Listener l) {
		final String name = f.dir().getFileName().toString();
		final SliceDetection d = SliceDetector.detect(name, TileFiles.sources(f.dir(), l), s, ops, Listener.NONE);
		if (decided && d.best() == null)
			throw new BadInputException(f.dir() + ": galvo_fix is true but no tile is above min_intensity");
		return decided ? d.best().detectedShift() : d.shift();
	}

	private static Tile preserving(final Path in, final Path out, final int shift, final Listener l) throws IOException {
		final int[] size = TilePlanes.rewrite(in, out, (planes, w, h) -> GalvoFix.rollPlanesInPlace(planes, w, h, shift), l);
		return new Tile(in, out, Math.floorMod(shift, size[1]), size[1]);
	}

	private static Tile file(final Path in, final Path out, final int shift, final Listener l) throws IOException {
		if (TilePlanes.isZarr(in) == TilePlanes.isZarr(out)) return preserving(in, out, shift, l);
		// a change of format: float, unit voxels
		final ArrayImg<FloatType, FloatArray> tile = TileFiles.read(in, l);
		if (tile.numDimensions() != 3)
			throw new BadInputException(in + ": a raw tile must be 3D (Z planes of Y A-lines × X B-scans), got "
					+ tile.numDimensions() + "D");
		final ArrayImg<FloatType, FloatArray> fixed = GalvoFix.roll(tile, shift);
		if (TilePlanes.isZarr(out)) {
			final int w = (int) fixed.dimension(0), h = (int) fixed.dimension(1), d = (int) fixed.dimension(2);
			final float[] px = fixed.update(null).getCurrentStorageArray();
			OmeZarrWriter.write(out, d, h, w, z -> Arrays.copyOfRange(px, z * w * h, (z + 1) * w * h),
					new double[] { 1, 1, 1 }, "micrometer", 1, OmeZarrWriter.Compressor.ZLIB, new int[] { 64, 256, 256 });
		}
		else TiffStacks.write(out, fixed);
		final int rows = (int) tile.dimension(1);
		return new Tile(in, out, Math.floorMod(shift, rows), rows);
	}
}
