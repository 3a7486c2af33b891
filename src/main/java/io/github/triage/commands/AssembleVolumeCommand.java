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
	@Parameter(persist = false, label = "Aligned slices folder", style = FileWidget.DIRECTORY_STYLE)
	private File aligned_dir;

	@Parameter(persist = false, label = "Slice config (optional)", required = false, style = FileWidget.OPEN_STYLE,
			description = "Force-skipped slices and failed interpolations leave a gap")
	private File slice_config;

	@Parameter(persist = false, label = "Slice thickness (mm)", min = "0")
	private double slice_thickness_mm;

	@Parameter(persist = false, label = "First plane kept", min = "0")
	private int first_plane = AssembleStage.Options.FIRST_PLANE;

	@Parameter(persist = false, label = "Cosine blend across overlaps")
	private boolean blend = AssembleStage.Options.BLEND;

	@Parameter(persist = false, label = "Output volume (.ome.zarr)", style = FileWidget.SAVE_STYLE)
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
