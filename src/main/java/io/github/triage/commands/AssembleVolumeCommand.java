package io.github.triage.commands;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.triage.BadInputException;
import io.github.triage.stage.stack.AssembleStage;

/**
 * Plugins > Triage > Stack > Assemble volume: aligned slices stacked into one OME-Zarr volume by slice id (gaps
 * keep the Z scale true). Macro:
 * {@code run("Assemble volume", "aligned_dir=/d/aligned slice_config=/d/slice_config.csv slice_thickness_mm=0.2 first_plane=4 blend=true output=/d/volume.ome.zarr");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>Triage>Stack>Assemble volume", headless = true,
		label = "Assemble volume", description = "Aligned slices into one OME-Zarr volume, placed by slice id")
public class AssembleVolumeCommand extends TriageCommand {
	@Parameter(persist = false, label = "Aligned slices folder", style = FileWidget.DIRECTORY_STYLE,
			description = "Folder of the aligned slices (the output of Align slices from shifts)")
	private File aligned_dir;

	@Parameter(persist = false, label = "Slice config (optional)", required = false, style = FileWidget.OPEN_STYLE,
			description = "Force-skipped slices and failed interpolations leave a gap")
	private File slice_config;

	@Parameter(persist = false, label = "Slice thickness (mm)", min = "0",
			description = "Thickness of one slice in mm, which sets how far apart the slices lie in the volume")
	private double slice_thickness_mm;

	@Parameter(persist = false, label = "First plane kept", min = "0",
			description = "Each slice keeps its depth planes from this one on (0 = all)")
	private int first_plane = AssembleStage.Options.FIRST_PLANE;

	@Parameter(persist = false, label = "Cosine blend across overlaps",
			description = "Blend overlapping planes of neighbouring slices with a cosine weight instead of cutting")
	private boolean blend = AssembleStage.Options.BLEND;

	@Parameter(persist = false, label = "Output volume (.ome.zarr)", style = FileWidget.SAVE_STYLE,
			description = "The volume to write, an .ome.zarr folder")
	private File output;

	@Override
	protected void execute() throws Exception {
		if (aligned_dir == null || output == null) throw new BadInputException("give aligned_dir=... and output=...");
		final AssembleStage.Result r = new AssembleStage().run(new AssembleStage.Options(aligned_dir.toPath(),
				output.toPath(), slice_config == null || slice_config.getPath().isEmpty() ? null : slice_config.toPath(),
				slice_thickness_mm, first_plane, blend), null, listener());
		log.info("Triage: wrote " + output + ": " + r.depth() + " planes, " + r.placed().size() + " slice(s), "
				+ r.gaps().size() + " empty slot(s)");
	}
}
