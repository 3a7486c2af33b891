package io.github.triage.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.triage.BadInputException;
import io.github.triage.io.StackVolumes;
import io.github.triage.stage.Words;
import io.github.triage.stage.stack.AlignFromShiftsStage;

/**
 * Plugins > Triage > Stack > Align slices from shifts: every selected slice resampled onto one common canvas from
 * the cumulative shifts, one volume per slice; shown as a hyperstack (one frame per slice) when interactive. Macro:
 * {@code run("Align slices from shifts", "mosaics_dir=/d/mosaics shifts_file=/d/shifts_xy.csv slice_config=/d/slice_config.csv excluded_slice_mode=keep fill=zero output_dir=/d/aligned");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>Triage>Stack>Align slices from shifts", headless = true,
		label = "Align slices from shifts", description = "Slices into one common space from shifts_xy.csv, by slice id")
public class AlignSlicesFromShiftsCommand extends AlignSlicesFromShiftsFields {
	/** Above this many voxels the aligned slices are not shown (they are on disk). */
	private static final long SHOW_LIMIT = 1L << 27;

	@Override
	protected void execute() throws Exception {
		if (mosaics_dir == null || shifts_file == null || output_dir == null)
			throw new BadInputException("give mosaics_dir=..., shifts_file=... and output_dir=...");
		final AlignFromShiftsStage.Options o = new AlignFromShiftsStage.Options(mosaics_dir.toPath(),
				shifts_file.toPath(), output_dir.toPath(),
				slice_config == null || slice_config.getPath().isEmpty() ? null : slice_config.toPath(),
				Words.parse(AlignFromShiftsStage.ExcludedSliceMode.class, excluded_slice_mode,
						"excluded_slice_mode"), AlignFromShiftsStage.Options.WINDOW,
				AlignFromShiftsStage.Options.CENTER_DRIFT, Words.parse(AlignFromShiftsStage.Fill.class, fill, "fill"));
		final AlignFromShiftsStage.Result r = new AlignFromShiftsStage().run(o, null, listener());
		log.info("Triage: " + r.selected().size() + " slice(s) aligned on " + r.canvasWidth() + " × " + r.canvasHeight()
				+ " pixels in " + output_dir);
		if (!isHeadlessOrMacro()) show(r);
	}

	private void show(final AlignFromShiftsStage.Result r) {
		final StackVolumes.Volume first = StackVolumes.open(r.selected().get(0).file(), "aligned", listener());
		final long voxels = (long) first.depth() * first.height() * first.width() * r.selected().size();
		if (voxels > SHOW_LIMIT) {
			log.info("Triage: the aligned slices are too large to show (" + voxels + " voxels); open them from disk");
			return;
		}
		final ImageStack stack = new ImageStack(r.canvasWidth(), r.canvasHeight());
		int depth = -1;
		for (final AlignFromShiftsStage.Slice s : r.selected()) {
			final StackVolumes.Volume v = StackVolumes.open(s.file(), "slice " + s.sliceId(), listener());
			if (depth < 0) depth = v.depth();
			for (int z = 0; z < depth; z++)
				stack.addSlice("slice " + s.sliceId() + " z" + z, z < v.depth() ? v.plane(z) : new float[r.canvasWidth() * r.canvasHeight()]);
		}
		final ImagePlus imp = new ImagePlus(output_dir.getName(), stack);
		imp.setDimensions(1, depth, r.selected().size());
		imp.setOpenAsHyperStack(true);
		imp.show();
	}
}
