package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;
import io.github.triage.galvo.GalvoDetector;
import io.github.triage.galvo.GalvoFix;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.galvo.TileDetection;
import io.github.triage.Listener;
import io.github.triage.io.GalvoSliceRuns;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.TiffStacks;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import io.github.triage.slice.SliceConfig;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code triage galvo}: galvo-return shift detection (per tile and per slice), the fix, and stamping into
 * slice_config. CSV on stdout, progress and warnings on stderr; every input is read and checked before anything
 * is printed or written, so bad input (exit 2) leaves nothing behind.
 */
@Command(name = "galvo", mixinStandardHelpOptions = true,
		description = "Galvo-return shift detection and fix for raw OCT tiles (X = B-scan, Y = A-line, Z = depth).",
		subcommands = { GalvoCli.Detect.class, GalvoCli.DetectSlice.class, GalvoCli.Fix.class, GalvoCli.Stamp.class })
public final class GalvoCli implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** --use-gpu, shared by the subcommands that compute AIPs. */
	static final class GpuOption {
		@Option(names = "--use-gpu", paramLabel = "auto|on|off", defaultValue = "auto",
				description = "Kernels for the AIP: CLIJ2 on an OpenCL GPU (auto: only when there is one), or the CPU. Default: ${DEFAULT-VALUE}.")
		String useGpu;

		ImageOps open(final PrintWriter err) {
			return ImageOpsFactory.create(GpuMode.parse(useGpu), m -> {
				err.println("triage: " + m);
				err.flush();
			});
		}
	}

	/** Options of slice-level detection, shared by detect-slice and stamp. */
	static final class SliceOptions {
		@Option(names = "--n-extra", paramLabel = "N", required = true, description = "Galvo-return rows of the acquisition.")
		int nExtra;
		@Option(names = "--threshold", paramLabel = "T", defaultValue = "0.6",
				description = "Confidence at or above which the fix is applied. Default: ${DEFAULT-VALUE}.")
		double threshold;
		@Option(names = "--n-samples", paramLabel = "K", defaultValue = "5",
				description = "Tiles above min-intensity to examine (at most 3K candidates are read). Default: ${DEFAULT-VALUE}.")
		int nSamples;
		@Option(names = "--min-intensity", paramLabel = "I", defaultValue = "20",
				description = "Tiles whose mean is below I are background and skipped. Default: ${DEFAULT-VALUE}.")
		double minIntensity;

		GalvoSettings settings() {
			return new GalvoSettings(nExtra, threshold, nSamples, minIntensity);
		}
	}

	static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.4f", v);
	}

	@Command(name = "detect", mixinStandardHelpOptions = true,
			description = { "Detect the return band of tiles (3D) or AIPs (2D) and print CSV: file,shift,band_start,confidence.",
					"band_start is the band's first row (0-based); rolling the tile by shift (triage galvo fix) puts the band "
							+ "exactly into the last N rows." })
	static final class Detect implements Callable<Integer> {
		@Option(names = "--n-extra", paramLabel = "N", required = true, description = "Galvo-return rows of the acquisition.")
		int nExtra;
		@Option(names = "--threshold", paramLabel = "T", defaultValue = "0",
				description = "Report shift 0 for tiles whose confidence is below T. Default: ${DEFAULT-VALUE} (always the detected shift).")
		double threshold;
		@Parameters(paramLabel = "FILE", arity = "1..*", description = "TIFF stacks or OME-Zarr tiles, or 2D AIP TIFFs.")
		List<Path> files;
		@Mixin
		GpuOption gpu;
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			final PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
			if (!(threshold >= 0 && threshold <= 1))
				throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
			final List<String> rows = new ArrayList<>();
			try (ImageOps ops = gpu.open(err)) {
				for (final Path f : files) {
					final TileDetection d = GalvoDetector.detect(f.toString(),
							TileFiles.read(f, w -> err.println("triage: warning: " + w)), nExtra, ops);
					rows.add(csv(f.toString()) + "," + d.shiftAt(threshold) + "," + d.bandStart() + "," + fmt(d.confidence()));
				}
			}
			out.println("file,shift,band_start,confidence");
			rows.forEach(out::println);
			out.flush();
			return 0;
		}
	}

	@Command(name = "detect-slice", mixinStandardHelpOptions = true,
			description = { "Slice-level detection: sample tiles of each slice folder and print CSV: slice,shift,confidence,galvo_fix.",
					"DIR is a slice folder (tiles directly in it) or a folder of slice folders." })
	static final class DetectSlice implements Callable<Integer> {
		@Mixin
		SliceOptions options;
		@Parameters(paramLabel = "DIR", description = "Slice folder, or folder of slice folders.")
		Path dir;
		@Mixin
		GpuOption gpu;
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			final PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
			final Map<Path, SliceDetection> all;
			try (ImageOps ops = gpu.open(err)) {
				all = GalvoSliceRuns.detectAll(dir, options.settings(), ops, Listener.NONE, line(err));
			}
			out.println("slice,shift,confidence,galvo_fix");
			all.values().forEach(d -> out.println(csv(d.slice()) + "," + d.shift() + "," + fmt(d.confidence()) + "," + d.galvoFix()));
			out.flush();
			return 0;
		}
	}

	@Command(name = "fix", mixinStandardHelpOptions = true,
			description = "Roll a tile circularly along the A-line axis (Y) by S rows (numpy roll sign) and write it to OUT (.tif or .ome.zarr).")
	static final class Fix implements Callable<Integer> {
		@Option(names = "--shift", paramLabel = "S", required = true, description = "Rows to roll by (row y goes to y + S).")
		int shift;
		@Parameters(index = "0", paramLabel = "IN", description = "3D tile: TIFF stack or OME-Zarr.")
		Path input;
		@Parameters(index = "1", paramLabel = "OUT", description = "Output: TIFF stack, or OME-Zarr when it ends in .zarr.")
		Path output;
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final PrintWriter err = spec.commandLine().getErr();
			final ArrayImg<FloatType, FloatArray> tile = TileFiles.read(input, w -> err.println("triage: warning: " + w));
			if (tile.numDimensions() != 3)
				throw new BadInputException(input + ": a raw tile must be 3D (Z planes of Y A-lines × X B-scans), got 2D");
			final ArrayImg<FloatType, FloatArray> fixed = GalvoFix.roll(tile, shift);
			if (output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zarr")) {
				final int w = (int) fixed.dimension(0), h = (int) fixed.dimension(1), d = (int) fixed.dimension(2);
				final float[] px = fixed.update(null).getCurrentStorageArray();
				OmeZarrWriter.write(output, d, h, w, z -> java.util.Arrays.copyOfRange(px, z * w * h, (z + 1) * w * h),
						new double[] { 1, 1, 1 }, "micrometer", 1, OmeZarrWriter.Compressor.ZLIB, new int[] { 64, 256, 256 });
			}
			else TiffStacks.write(output, fixed);
			err.printf("galvo: %s rolled by %d rows along Y -> %s%n", input, Math.floorMod(shift, (int) tile.dimension(1)), output);
			err.flush();
			return 0;
		}
	}

	@Command(name = "stamp", mixinStandardHelpOptions = true,
			description = { "Detect every slice folder of --tiles-dir and stamp galvo_confidence and galvo_fix into slice_config "
					+ "(other columns untouched); per-slice JSON diagnostics go to galvo_diagnostics/ next to OUT.",
					"Slice ids come from the folder names (slice_z03 → 03)." })
	static final class Stamp implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;
		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true,
				description = "slice_config.csv to write (may be IN; written atomically).")
		Path output;
		@Option(names = "--tiles-dir", paramLabel = "DIR", required = true, description = "Folder of slice_zNN tile folders.")
		Path tilesDir;
		@Mixin
		SliceOptions options;
		@Mixin
		GpuOption gpu;
		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final PrintWriter err = spec.commandLine().getErr();
			final SliceConfig config = SliceConfigFiles.read(input);
			final Map<String, SliceDetection> byId;
			try (ImageOps ops = gpu.open(err)) {
				byId = GalvoSliceRuns.stampInto(config, tilesDir, options.settings(), ops, output, Listener.NONE, line(err));
			}
			SliceConfigFiles.write(config, output);
			byId.forEach((id, d) -> err.printf("galvo: slice %s: galvo_fix=%s confidence=%s (%s)%n", id, d.galvoFix(),
					fmt(d.confidence()), d.reason()));
			err.flush();
			return 0;
		}
	}

	/** Log lines to stderr. */
	static java.util.function.Consumer<String> line(final PrintWriter err) {
		return m -> {
			err.println(m.startsWith("warning: ") ? "triage: " + m : m);
			err.flush();
		};
	}

	/** A CSV field, quoted when it needs to be. */
	static String csv(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
