package io.github.triage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.triage.stage.stack.AlignFromShiftsStage;
import io.github.triage.stage.stack.AssembleStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage stack ...}: 3D assembly of serial sections (common-space alignment, stacking). */
@Command(name = "stack", mixinStandardHelpOptions = true,
		description = "3D assembly: slices into one common space, then one volume, by slice id.",
		subcommands = { StackCli.Align.class, StackCli.Assemble.class })
public final class StackCli extends CommandGroup {
	private static final Map<String, AlignFromShiftsStage.ExcludedSliceMode> MODES = new TreeMap<>(Map.of(
			"keep", AlignFromShiftsStage.ExcludedSliceMode.KEEP,
			"local-median", AlignFromShiftsStage.ExcludedSliceMode.LOCAL_MEDIAN));
	private static final Map<String, AlignFromShiftsStage.Fill> FILLS = new TreeMap<>(Map.of(
			"zero", AlignFromShiftsStage.Fill.ZERO,
			"linumpy", AlignFromShiftsStage.Fill.FIRST_PERCENTILE));

	/** The word of a stage default, for the option's initial value (help shows it). */
	private static <E> String word(final Map<String, E> words, final E value) {
		return words.entrySet().stream().filter(e -> e.getValue() == value).findFirst().orElseThrow().getKey();
	}

	@Command(name = "align-from-shifts", mixinStandardHelpOptions = true,
			description = "Resample every selected slice onto one common canvas from the cumulative shifts of SHIFTS "
					+ "(by slice id), one volume per slice with the input's file name, plus "
					+ AlignFromShiftsStage.METRICS_FILE + ". Prints slice_id,applied_x_px,applied_y_px,file.")
	static final class Align extends Subcommand {
		@Parameters(index = "0", paramLabel = "MOSAICS_DIR", description = "Folder of *z<NN>*.ome.zarr slice volumes.")
		Path mosaics;

		@Parameters(index = "1", paramLabel = "SHIFTS", description = "shifts_xy.csv (the *_mm columns are used).")
		Path shifts;

		@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUT_DIR", description = "Output folder.")
		Path output;

		@Option(names = "--slice-config", paramLabel = "F",
				description = "Align the slices with use=true in F (default: every volume).")
		Path sliceConfig;

		@Option(names = "--excluded-slice-mode", paramLabel = "keep|local-median",
				description = "Shifts next to excluded slices: keep them, or local-median (the reference pipeline's "
						+ "mode; misplaces later slices, for reproduction only).")
		String mode = word(MODES, AlignFromShiftsStage.Options.MODE);

		@Option(names = "--excluded-slice-window", paramLabel = "N", description = "Rows on each side for local-median.")
		int window = AlignFromShiftsStage.Options.WINDOW;

		@Option(names = "--no-center-drift", description = "Do not centre the reported offsets on the middle slice "
				+ "(the volumes are the same).")
		boolean noCenter = !AlignFromShiftsStage.Options.CENTER_DRIFT;

		@Option(names = "--fill", paramLabel = "zero|linumpy",
				description = "Value outside each slice's footprint: zero (no data), or linumpy's 1st percentile of "
						+ "the slice's positive voxels.")
		String fill = word(FILLS, AlignFromShiftsStage.Options.FILL);

		@Mixin
		ThreadsOption threads;

		@Override
		void execute() throws Exception {
			final AlignFromShiftsStage.Result r = new AlignFromShiftsStage().run(
					new AlignFromShiftsStage.Options(mosaics, shifts, output, sliceConfig,
							choice("--excluded-slice-mode", mode, MODES), window, !noCenter,
							choice("--fill", fill, FILLS), threads.count(), null),
					null, listener());
			final List<String> lines = new ArrayList<>(List.of("slice_id,applied_x_px,applied_y_px,file"));
			for (final AlignFromShiftsStage.Slice s : r.selected())
				lines.add(s.sliceId() + "," + s.ax() + "," + s.ay() + "," + s.file());
			printLines(lines);
		}
	}

	@Command(name = "assemble", mixinStandardHelpOptions = true,
			description = "Stack aligned slices into one OME-Zarr volume by slice id: a missing, excluded, "
					+ "force-skipped or failed slice leaves its slot empty, so the Z scale stays true. Writes "
					+ "OUT.ome.zarr and OUT_metrics.json; prints the empty slots.")
	static final class Assemble extends Subcommand {
		@Parameters(index = "0", paramLabel = "ALIGNED_DIR", description = "Folder of aligned slice volumes.")
		Path aligned;

		@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUT.ome.zarr", description = "Volume to write.")
		Path output;

		@Option(names = "--slice-config", paramLabel = "F",
				description = "slice_config.csv: force-skipped slices and failed interpolations leave a gap.")
		Path sliceConfig;

		@Option(names = "--slice-thickness-mm", required = true, paramLabel = "T", description = "Section thickness in mm.")
		Double thickness; // boxed: a required option shows no default

		@Option(names = "--first-plane", paramLabel = "K", description = "First plane kept of every slice.")
		int firstPlane = AssembleStage.Options.FIRST_PLANE;

		@Option(names = "--blend", description = "Cosine blend across the overlap of consecutive slices.")
		boolean blend = AssembleStage.Options.BLEND;
		@Override
		void execute() throws Exception {
			final AssembleStage.Result r = new AssembleStage().run(new AssembleStage.Options(aligned, output,
					sliceConfig, thickness, firstPlane, blend), null, listener());
			final List<String> lines = new ArrayList<>(List.of("slice_id,slot"));
			for (final String id : r.placed())
				lines.add(id + ",placed");
			for (final AssembleStage.Gap g : r.gaps())
				lines.add(g.sliceId() + ",gap: " + g.reason());
			printLines(lines);
		}
	}
}
