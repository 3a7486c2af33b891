package io.github.triage.commands;

import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage.Source;

/**
 * Plugins > Triage > Slice config > Generate slice config: a new slice_config.csv listing the slices of a shifts
 * file or of a mosaics folder, every slice used except the excluded ones. Macro:
 * {@code run("Generate slice config", "shifts_file=/d/shifts_xy.csv exclude=[1 2] exclude_first=0 output_file=/d/slice_config.csv");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Slice config>Generate slice config",
		label = "Generate slice config", description = "A new slice_config.csv from a shifts file or a mosaics folder")
public class GenerateSliceConfigCommand extends GenerateSliceConfigFields {
	// persist = false everywhere: a value remembered from an earlier run must never fill a parameter that a macro or
	// headless run left out (a stale shifts_file next to a new mosaics_dir, stale slices to edit).

	@Override
	protected void execute() throws Exception {
		final boolean fromShifts = given(shifts_file), fromMosaics = given(mosaics_dir);
		if (fromShifts == fromMosaics)
			throw new BadInputException("give either a shifts file or a mosaics folder (shifts_file=... or mosaics_dir=...)");
		final Path output = required(output_file, "output file", "output_file");
		final GenerateSliceConfigStage.Result result = new GenerateSliceConfigStage().run(
				new GenerateSliceConfigStage.Options(fromShifts ? Source.SHIFTS : Source.MOSAICS,
						(fromShifts ? shifts_file : mosaics_dir).toPath(), SliceIdList.parse(exclude), exclude_first,
						output, null),
				null, listener());
		final SliceConfig config = result.config();
		log.info("Triage: wrote " + output_file + ": " + config.size() + " slices, " + result.used().size() + " used");
		if (!isHeadlessOrMacro()) SliceConfigTable.toTable(config).show(output_file.getName());
	}
}
