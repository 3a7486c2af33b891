package io.github.triage.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.triage.BadInputException;
import io.github.triage.stage.slice.StampStage;

/**
 * Plugins > Triage > Slice config > Stamp slice config: sets one column of the listed slices (other columns
 * untouched; an unknown slice gets a new row with use=false). Macro:
 * {@code run("Stamp slice config", "config_file=/d/in.csv slices=[3] column=galvo_fix value=true output_file=/d/out.csv");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Slice config>Stamp slice config",
		label = "Stamp slice config", description = "Set one column of some slices of a slice_config.csv")
public class StampSliceConfigCommand extends TriageCommand {

	@Parameter(persist = false, label = "slice_config.csv", style = FileWidget.OPEN_STYLE,
			description = "The slice_config.csv to change")
	private File config_file;

	@Parameter(persist = false, label = "Slices", description = "Ids, e.g. 3 4")
	private String slices;

	@Parameter(persist = false, label = "Column", description = "e.g. galvo_fix, notes, quality_score")
	private String column;

	@Parameter(persist = false, label = "Value", required = false, description = "Empty clears the cell")
	private String value = "";

	@Parameter(persist = false, label = "Append notes", description = "For notes: join with '; ' instead of replacing")
	private boolean append_notes = false;

	@Parameter(persist = false, label = "Save to (empty: the same file)",
			required = false, style = FileWidget.SAVE_STYLE,
			description = "Write the changed config here; empty: overwrite the file opened")
	private File output_file;

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
