package io.github.triage.commands;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Set;

import javax.imageio.ImageIO;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.triage.slice.TextTable;
import io.github.triage.stage.stream.MicrochunkStage;

/**
 * Plugins > Triage > Class averages > Microchunk status: a stream's {@code status.csv} as a results table (one row
 * per chunk, as {@code triage microchunk status}) and the contact sheet of the latest complete match chunk, when
 * there is one. Reads only; safe while the stream runs. Macro: {@code run("Microchunk status", "project=/d/stream");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Class averages>Microchunk status",
		label = "Microchunk status", description = "The status of a microchunk stream, and its latest match chunk")
public class MicrochunkStatusCommand extends TriageCommand {
	public static final String TABLE_TITLE = "Microchunk status";
	private static final Set<String> NUMBERS = Set.of("particles", "selected", "classes", "rejected_classes");

	@Parameter(label = "Project folder", style = FileWidget.DIRECTORY_STYLE,
			description = "The project folder of a microchunk stream")
	private File project;

	@Parameter(type = ItemIO.OUTPUT, label = "Microchunk status",
			description = "One row per chunk: tier, state, particles, selected, classes, rejected classes")
	private ResultsTable status_table;

	@Parameter(type = ItemIO.OUTPUT, label = "Latest match chunk",
			description = "Contact sheet of the selected classes of the latest complete match chunk")
	private ImagePlus contact_sheet;

	@Override
	protected void execute() throws Exception {
		final Path dir = required(project, "project folder", "project");
		status_table = table(MicrochunkStage.statusTable(dir));
		final Path sheet = MicrochunkStage.latestMatchSheet(dir);
		if (sheet != null) {
			final BufferedImage bi = ImageIO.read(sheet.toFile());
			if (bi != null)
				contact_sheet = new ImagePlus(sheet.getParent().getFileName() + " " + sheet.getFileName(), bi);
		}
		log.info("Triage: " + status_table.size() + " chunk(s) in " + dir + (sheet != null ? "; latest match chunk: " + sheet
				: "; no complete match chunk yet"));
		if (ui != null && !ui.isHeadless() && !java.awt.GraphicsEnvironment.isHeadless()) status_table.show(TABLE_TITLE);
	}

	/** One row per chunk, the status columns in their order; counts as numbers, the rest as text. */
	static ResultsTable table(final TextTable t) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final TextTable.Row r : t.rows()) {
			rt.incrementCounter();
			for (int c = 0; c < t.header().size(); c++) {
				final String name = t.header().get(c), v = r.get(c);
				if (NUMBERS.contains(name) && !v.isEmpty()) rt.addValue(name, Double.parseDouble(v));
				else rt.addValue(name, v);
			}
		}
		return rt;
	}
}
