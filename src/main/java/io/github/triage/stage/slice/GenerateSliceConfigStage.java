package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.stage.galvo.DetectedSlice;
import io.github.triage.stage.galvo.StampStage;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.layout.SliceFolders;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * A new slice_config.csv listing every slice of a dataset (from a shifts file, a mosaics folder or a folder of raw
 * tile folders, by the one slice-id rule), all used except the excluded ones; optionally with galvo_confidence /
 * galvo_fix detected from the raw tiles (per-slice diagnostics written next to the config, the config last).
 */
public final class GenerateSliceConfigStage
		implements Stage<GenerateSliceConfigStage.Options, GenerateSliceConfigStage.Result> {

	/** Where the slice ids come from. */
	public enum Source {
		/** the ids of a shifts_xy.csv */
		SHIFTS,
		/** the mosaics of a folder ({@code mosaic_grid_3d_z03.ome.zarr}, {@code slice_z03.tif}) */
		MOSAICS,
		/** the raw tile folders {@code slice_zNN} of a folder */
		TILES
	}

	/** Galvo detection at generation time: the folder of slice_zNN tile folders and the detection settings. */
	public record Galvo(Path tilesDir, GalvoSettings settings, int threads) {
		public Galvo(final Path tilesDir, final GalvoSettings settings) {
			this(tilesDir, settings, StampStage.Options.THREADS);
		}
	}

	/**
	 * @param source       where the ids come from
	 * @param from         the shifts file or folder
	 * @param exclude      slices to mark use=false (note "excluded"); unknown ids are warned about and ignored
	 * @param excludeFirst the first N slices are marked use=false (note "calibration_slice")
	 * @param output       slice_config.csv to write
	 * @param galvo        galvo detection, or null for none
	 */
	public record Options(Source source, Path from, List<String> exclude, int excludeFirst, Path output, Galvo galvo) {
		/** The spec's default for generate (quality assess uses 1: its first slice is the calibration one). */
		public static final int EXCLUDE_FIRST = 0;

		public Options {
			exclude = exclude == null ? List.of() : List.copyOf(exclude);
		}

		public static Options defaults(final Source source, final Path from, final Path output) {
			return new Options(source, from, List.of(), EXCLUDE_FIRST, output, null);
		}
	}

	/** @param galvo the galvo detections by slice id (empty without detection) */
	public record Result(SliceConfig config, Path output, Map<String, SliceDetection> galvo) {
		public List<String> used() {
			return config.filterSlicesToUse();
		}
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems problems = new Problems();
		problems.check(o.source() != null, "source of the slice ids: not given");
		problems.check(o.excludeFirst() >= 0, "exclude-first must be >= 0, got " + o.excludeFirst());
		problems.requireOutputFile(o.output(), "output slice_config");
		if (o.galvo() != null) {
			problems.requireFolder(o.galvo().tilesDir(), "raw tiles folder (galvo detection)");
			problems.check(o.galvo().settings() != null, "galvo settings: not given");
		}
		List<String> ids = null;
		if (o.source() == Source.SHIFTS) {
			final ShiftsTable shifts = Inputs.shifts(problems, o.from());
			if (shifts != null) ids = shifts.sliceIds();
		}
		else if (o.source() != null && o.from() == null) problems.add("folder of the slices: not given");
		else if (o.source() != null) {
			try {
				ids = o.source() == Source.MOSAICS ? SliceFolders.mosaicIds(o.from()) : SliceFolders.tileFolderIds(o.from());
			}
			catch (final BadInputException e) {
				problems.add(e.getMessage());
			}
		}
		problems.throwIfAny();
		final SliceConfig config = SliceConfig.generate(ids, o.exclude(), o.excludeFirst(), l);
		Map<String, SliceDetection> galvo = Map.of();
		if (o.galvo() != null) galvo = detectGalvo(config, o, ops, l);
		SliceConfigFiles.write(config, o.output());
		return new Result(config, o.output(), galvo);
	}

	/** Detects and stamps every slice of the tiles folder; diagnostics go next to the config (CPU without ops). */
	private static Map<String, SliceDetection> detectGalvo(final SliceConfig config, final Options o, final ImageOps ops,
			final Listener l) throws IOException {
		final StampStage.Detect detect = new StampStage.Detect(o.galvo().tilesDir(), o.galvo().settings(),
				o.galvo().threads());
		final List<DetectedSlice> found;
		if (ops != null) found = StampStage.stampInto(config, detect, o.output(), ops, l);
		else try (ImageOps cpu = ImageOpsFactory.create(GpuMode.OFF, l)) {
			found = StampStage.stampInto(config, detect, o.output(), cpu, l);
		}
		final Map<String, SliceDetection> byId = new java.util.LinkedHashMap<>();
		for (final DetectedSlice d : found) byId.put(d.sliceId(), d.detection());
		return byId;
	}
}
