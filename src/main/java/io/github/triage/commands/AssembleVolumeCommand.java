package io.github.triage.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;
import io.github.triage.stage.stack.AssembleStage;

/**
 * Plugins > Triage > Stack > Assemble volume: aligned slices stacked into one OME-Zarr volume by slice id (gaps
 * keep the Z scale true). Macro:
 * {@code run("Assemble volume", "aligned_dir=/d/aligned slice_config=/d/slice_config.csv slice_thickness_mm=0.2 first_plane=4 blend=true output=/d/volume.ome.zarr");}
 */
@Plugin(type = Command.class, menuPath = "Plugins>Triage>Stack>Assemble volume", headless = true,
		label = "Assemble volume", description = "Aligned slices into one OME-Zarr volume, placed by slice id")
public class AssembleVolumeCommand extends AssembleVolumeFields {
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
