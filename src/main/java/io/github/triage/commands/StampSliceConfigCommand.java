package io.github.triage.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;
import io.github.triage.stage.slice.StampStage;

/**
 * Plugins > Triage > Slice config > Stamp slice config: sets one column of the listed slices (other columns
 * untouched; an unknown slice gets a new row with use=false). Macro:
 * {@code run("Stamp slice config", "config_file=/d/in.csv slices=[3] column=galvo_fix value=true output_file=/d/out.csv");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Slice config>Stamp slice config",
		label = "Stamp slice config", description = "Set one column of some slices of a slice_config.csv")
public class StampSliceConfigCommand extends StampSliceConfigFields {
	@Override
	protected void execute() throws Exception {
		final Path in = required(config_file, "slice_config", "config_file");
		final List<String> ids = SliceIdList.parse(slices);
		if (ids.isEmpty()) throw new BadInputException("no slices given (slices=...)");
		if (column == null || column.isBlank()) throw new BadInputException("no column given (column=...)");
		final Path out = optional(output_file, in);
		new StampStage().run(StampStage.Options.sameForAll(in, out, ids, Map.of(column.strip(), value == null ? "" : value),
				append_notes), null, listener());
		log.info("Triage: stamped " + column.strip() + "=" + value + " on " + ids + "; saved " + out);
	}
}
