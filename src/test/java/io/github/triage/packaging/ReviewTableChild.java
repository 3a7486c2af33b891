package io.github.triage.packaging;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import ij.measure.ResultsTable;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.commands.ReviewSliceConfigCommand;
import io.github.triage.commands.SliceConfigTable;
import io.github.triage.slice.SliceConfig;

/**
 * Run by {@link ReviewTableIT} in a JVM with a display (Xvfb): shows a slice_config as the Review command does,
 * edits its use/notes cells as a macro would (Table.set), and saves it back with the command's {@code from_table}.
 * Args: config file. Prints "saved" or "canceled: reason".
 */
public final class ReviewTableChild {

	public static void main(final String[] args) throws Exception {
		final Path config = Paths.get(args[0]);
		final String title = config.getFileName().toString();
		SliceConfigTable.toTable(SliceConfigFiles.read(config)).show(title);
		final ResultsTable shown = ResultsTable.getResultsTable(title);
		if (shown == null) throw new IllegalStateException("table '" + title + "' not found after show()");
		shown.setValue("use", 2, "true"); // row 3 of the spec example: slice 02
		shown.setValue("notes", 6, "fine"); // slice 05
		try (Context context = new Context(CommandService.class, LogService.class)) {
			final CommandModule m = context.service(CommandService.class).run(ReviewSliceConfigCommand.class, true,
				Map.of("config_file", config.toFile(), "from_table", title, "show_table", false)).get();
			System.out.println(m.isCanceled() ? "canceled: " + m.getCancelReason() : "saved");
		}
		System.exit(0);
	}
}
