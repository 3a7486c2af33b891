package io.github.triage.commands;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Set;

import javax.imageio.ImageIO;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

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
public class MicrochunkStatusCommand extends MicrochunkStatusFields {
	public static final String TABLE_TITLE = "Microchunk status";
	private static final Set<String> NUMBERS = Set.of("particles", "selected", "classes", "rejected_classes");

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
