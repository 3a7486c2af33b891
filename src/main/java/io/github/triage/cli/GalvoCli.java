package io.github.triage.cli;

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
	/** Which tiles of a slice are examined, the same on detect-slice, stamp, fix and {@code oct run}. */
	static final class Sampling extends GalvoSamplingFields {
	}

	/** How a slice's shift is detected, shared by detect-slice, stamp and fix; defaults from the stages' Options. */
	static final class Detection extends GalvoDetectionFields {
		GalvoSettings settings(final int nExtra) {
			return new GalvoSettings(nExtra, threshold, sampling.nSamples, sampling.minIntensity);
		}
	}

	/** Slice-level detection with its required --n-extra and the worker threads, shared by detect-slice and stamp. */
	static final class SliceOptions extends GalvoSliceOptionsFields {
	}

	@Command(name = "detect", mixinStandardHelpOptions = true,
			description = { "Detect the return band of tiles (3D) or AIPs (2D) and print CSV: file,shift,band_start,confidence.",
					"band_start is the band's first row (0-based); rolling the tile by shift (triage galvo fix) puts the band "
							+ "exactly into the last N rows. Tiles whose confidence is below the threshold report shift 0." })
	static final class Detect extends GalvoDetectFields {
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
	static final class DetectSlice extends GalvoDetectSliceFields {
		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final Detection o = options.detection;
			final DetectSliceStage.Result r = o.gpu.run(listener, ops -> new DetectSliceStage().run(
					new DetectSliceStage.Options(dir, output, options.nExtra, o.threshold, o.sampling.nSamples,
							o.sampling.minIntensity, options.threads.count(), null), ops, listener));
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
	static final class Fix extends GalvoFixFields {
		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final GalvoSettings detect = nExtra == null ? null : detection.settings(nExtra);
			final FixStage.Result r = detection.gpu.run(listener,
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
	static final class Stamp extends GalvoStampFields {
		@Override
		void execute() throws Exception {
			final CliListener listener = listener();
			final Detection o = options.detection;
			o.gpu.run(listener, ops -> new StampStage().run(new StampStage.Options(config.input, config.output, tilesDir,
					options.nExtra, o.threshold, o.sampling.nSamples, o.sampling.minIntensity, options.threads.count(), null), ops,
					listener));
		}
	}

	private static List<String> row(final SliceDetection d) {
		return List.of(d.slice(), Integer.toString(d.shift()), String.format(Locale.ROOT, "%.4f", d.confidence()),
				Boolean.toString(d.galvoFix()));
	}
}
