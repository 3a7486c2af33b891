package io.github.triage.cli;

import java.util.ArrayList;
import java.util.List;

import io.github.triage.stage.Words;
import io.github.triage.stage.stack.AlignFromShiftsStage;
import io.github.triage.stage.stack.AssembleStage;
import picocli.CommandLine.Command;

/** {@code triage stack ...}: 3D assembly of serial sections (common-space alignment, stacking). */
@Command(name = "stack", mixinStandardHelpOptions = true,
		description = "3D assembly: slices into one common space, then one volume, by slice id.",
		subcommands = { StackCli.Align.class, StackCli.Assemble.class })
public final class StackCli extends CommandGroup {
	@Command(name = "align-from-shifts", mixinStandardHelpOptions = true,
			description = "Resample every selected slice onto one common canvas from the cumulative shifts of SHIFTS "
					+ "(by slice id), one volume per slice with the input's file name, plus "
					+ AlignFromShiftsStage.METRICS_FILE + ". Prints slice_id,applied_x_px,applied_y_px,file.")
	static final class Align extends StackAlignFields {
		@Override
		void execute() throws Exception {
			final AlignFromShiftsStage.Result r = new AlignFromShiftsStage().run(
					new AlignFromShiftsStage.Options(mosaics, shifts, output, selection.sliceConfig,
							Words.parse(AlignFromShiftsStage.ExcludedSliceMode.class, mode, "--excluded-slice-mode"), window, !noCenter,
							Words.parse(AlignFromShiftsStage.Fill.class, fill, "--fill"), threads.count(), null),
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
	static final class Assemble extends StackAssembleFields {
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
