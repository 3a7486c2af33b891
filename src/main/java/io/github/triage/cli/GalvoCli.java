package io.github.triage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.triage.galvo.SliceDetection;
import io.github.triage.io.CsvTables;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.stage.galvo.DetectSliceStage;
import io.github.triage.stage.galvo.DetectTileStage;
import io.github.triage.stage.galvo.DetectedSlice;
import io.github.triage.stage.galvo.FixStage;
import io.github.triage.stage.galvo.StampStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code triage galvo}: galvo-return shift detection (per tile and per slice), the fix, and stamping into
 * slice_config. Each subcommand maps its options to a stage ({@code stage.galvo}) and prints the result: tables
 * as CSV on stdout, progress and warnings on stderr. Stages check every input before anything is printed or
 * written, so bad input (exit 2) leaves nothing behind.
 */
@Command(name = "galvo", mixinStandardHelpOptions = true,
		description = "Galvo-return shift detection and fix for raw OCT tiles (X = B-scan, Y = A-line, Z = depth).",
		subcommands = { GalvoCli.Detect.class, GalvoCli.DetectSlice.class, GalvoCli.Fix.class, GalvoCli.Stamp.class })
public final class GalvoCli extends CommandGroup {
	/** Options of slice-level detection, shared by detect-slice and stamp; defaults from the stages' Options. */
	static final class SliceOptions {
		@Option(names = "--n-extra", paramLabel = "N", required = true, description = "Galvo-return rows of the acquisition.")
		Integer nExtra; // boxed: a required option shows no default
		@Option(names = "--threshold", paramLabel = "T", description = "Confidence at or above which the fix is applied.")
		double threshold = DetectSliceStage.Options.DEFAULT_THRESHOLD;
		@Option(names = "--n-samples", paramLabel = "K",
				description = "Tiles above min-intensity to examine per slice (at most 3K candidates are read).")
		int nSamples = DetectSliceStage.Options.DEFAULT_N_SAMPLES;
		@Option(names = "--min-intensity", paramLabel = "I", description = "Tiles whose mean is below I are background and skipped.")
		double minIntensity = DetectSliceStage.Options.DEFAULT_MIN_INTENSITY;
		@Mixin
		GpuOption gpu;
	}

	@Command(name = "detect", mixinStandardHelpOptions = true,
			description = { "Detect the return band of tiles (3D) or AIPs (2D) and print CSV: file,shift,band_start,confidence.",
					"band_start is the band's first row (0-based); rolling the tile by shift (triage galvo fix) puts the band "
							+ "exactly into the last N rows. Tiles whose confidence is below the threshold report shift 0." })
	static final class Detect extends Subcommand {
		@Option(names = "--n-extra", paramLabel = "N", required = true, description = "Galvo-return rows of the acquisition.")
		Integer nExtra; // boxed: a required option shows no default
		@Option(names = "--threshold", paramLabel = "T", description = "Report shift 0 for tiles whose confidence is below T (0: always the detected shift).")
		double threshold = DetectTileStage.Options.DEFAULT_THRESHOLD;
		@Option(names = { "-o", "--output" }, paramLabel = "OUT", description = "Also write the CSV to OUT (atomically).")
		Path output;
		@Parameters(paramLabel = "FILE", arity = "1..*", description = "TIFF stacks or OME-Zarr tiles, or 2D AIP TIFFs.")
		List<Path> files;
		@Mixin
		GpuOption gpu;
		@Mixin
		ThreadsOption threads;

		@Override
		void execute() throws Exception {
			final CliListener listener = quietListener();
			final DetectTileStage.Result r = gpu.run(listener, ops -> new DetectTileStage().run(
					new DetectTileStage.Options(files, output, nExtra, threshold, threads.count()), ops, listener));
			print(CsvTables.format(DetectTileStage.HEADER, r.rows()));
		}
	}

	@Command(name = "detect-slice", mixinStandardHelpOptions = true,
			description = { "Slice-level detection: sample tiles of each slice folder and print CSV: slice,shift,confidence,galvo_fix.",
					"DIR is a slice folder (tiles directly in it) or a folder of slice folders. With -o, also write a fragment "
							+ "CSV (slice_id,galvo_confidence,galvo_fix) and per-slice JSON diagnostics in galvo_diagnostics/ next to "
							+ "it, for 'slice-config merge-fragments'." })
	static final class DetectSlice extends Subcommand {
		@Mixin
		SliceOptions options;
		@Parameters(paramLabel = "DIR", description = "Slice folder, or folder of slice folders.")
		Path dir;
		@Option(names = { "-o", "--output" }, paramLabel = "FRAGMENT", description = "Fragment CSV to write (e.g. slice_z05_galvo.csv).")
		Path output;
		@Mixin
		ThreadsOption threads;

		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final SliceOptions o = options;
			final DetectSliceStage.Result r = o.gpu.run(listener, ops -> new DetectSliceStage().run(
					new DetectSliceStage.Options(dir, output, o.nExtra, o.threshold, o.nSamples, o.minIntensity,
							threads.count(), null), ops, listener));
			final List<List<String>> rows = r.slices().stream().map(DetectedSlice::detection).map(GalvoCli::row).toList();
			print(CsvTables.format(List.of("slice", "shift", "confidence", "galvo_fix"), rows));
		}
	}

	@Command(name = "fix", mixinStandardHelpOptions = true,
			description = { "Roll 3D tiles circularly along the A-line axis (Y) (numpy roll sign) and write them to OUT, each "
					+ "keeping its pixel type, calibration and metadata.",
					"IN a tile: rolled by S into the file OUT (.tif, or .ome.zarr; a change of format writes float).",
					"IN a slice folder: every tile, same names, into the folder OUT; rolled by S, or with --n-extra by the "
							+ "slice's detected shift (0 when not confident).",
					"IN a folder of slice folders with --slice-config: every slice whose galvo_fix is true, into "
							+ "OUT/<slice folder>/, rolled by its detected shift (--n-extra needed: slice_config keeps the "
							+ "decision, not the shift); other slices are not written." })
	static final class Fix extends Subcommand {
		@Option(names = "--shift", paramLabel = "S", description = "Rows to roll by (row y goes to y + S).")
		Integer shift;
		@Option(names = "--n-extra", paramLabel = "N",
				description = "Galvo-return rows: detect each slice's shift (folders) instead of --shift.")
		Integer nExtra;
		@Option(names = "--threshold", paramLabel = "T", description = "Confidence at or above which a detected shift applies.")
		double threshold = DetectSliceStage.Options.DEFAULT_THRESHOLD;
		@Option(names = "--n-samples", paramLabel = "K", description = "Tiles above min-intensity to examine per slice.")
		int nSamples = DetectSliceStage.Options.DEFAULT_N_SAMPLES;
		@Option(names = "--min-intensity", paramLabel = "I", description = "Tiles whose mean is below I are background.")
		double minIntensity = DetectSliceStage.Options.DEFAULT_MIN_INTENSITY;
		@Option(names = "--slice-config", paramLabel = "F", description = "Fix the slices whose galvo_fix is true in F.")
		Path sliceConfig;
		@Parameters(paramLabel = "IN", description = "3D tile (TIFF stack or OME-Zarr), slice folder, or folder of slice folders.")
		Path input;
		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true,
				description = "Output file (tile) or folder (folders); written atomically, tile by tile.")
		Path output;
		@Mixin
		GpuOption gpu;

		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final GalvoSettings detect = nExtra == null ? null
					: new GalvoSettings(nExtra, threshold, nSamples, minIntensity);
			final FixStage.Result r = gpu.run(listener,
					ops -> new FixStage().run(new FixStage.Options(input, output, shift, sliceConfig, detect), ops, listener));
			if (r.fixed().isEmpty() && r.skipped().isEmpty())
				listener.info(String.format(Locale.ROOT, "galvo: %s rolled by %d rows along Y -> %s", r.tile().input(),
						r.tile().rolled(), r.tile().output()));
			else listener.info(String.format(Locale.ROOT, "galvo: %d tiles of %d slices fixed into %s; %d slices "
					+ "without galvo_fix not written", r.tiles().size(), r.fixed().size(), output, r.skipped().size()));
		}
	}

	@Command(name = "stamp", mixinStandardHelpOptions = true,
			description = { "Detect every slice folder of --tiles-dir and stamp galvo_confidence and galvo_fix into slice_config "
					+ "(other columns untouched); per-slice JSON diagnostics go to galvo_diagnostics/ next to OUT.",
					"Slice ids come from the folder names (slice_z03 → 03)." })
	static final class Stamp extends Subcommand {
		@Mixin
		ConfigInOut config;
		@Option(names = "--tiles-dir", paramLabel = "DIR", required = true, description = "Folder of slice_zNN tile folders.")
		Path tilesDir;
		@Mixin
		SliceOptions options;
		@Mixin
		ThreadsOption threads;

		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final SliceOptions o = options;
			o.gpu.run(listener, ops -> new StampStage().run(new StampStage.Options(config.input, config.output, tilesDir,
					o.nExtra, o.threshold, o.nSamples, o.minIntensity, threads.count(), null), ops, listener));
		}
	}

	private static List<String> row(final SliceDetection d) {
		return List.of(d.slice(), Integer.toString(d.shift()), String.format(Locale.ROOT, "%.4f", d.confidence()),
				Boolean.toString(d.galvoFix()));
	}
}
