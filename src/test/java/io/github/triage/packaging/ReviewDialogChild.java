package io.github.triage.packaging;

import java.awt.Checkbox;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.ui.UIService;

import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import io.github.triage.commands.ReviewSliceConfigCommand;

/**
 * Run by {@link ReviewTableIT} under Xvfb: the interactive Review (no edits in the parameters, not a macro) with a
 * person played by a thread: once the dialog shows, it unticks 'use' of slice 03, types a note for slice 07 and
 * clicks OK. Args: config file. Prints whether the table was shown and "saved" or "canceled: reason".
 */
public final class ReviewDialogChild {

	public static void main(final String[] args) throws Exception {
		final Path config = Paths.get(args[0]);
		final String title = config.getFileName().toString();
		final Thread person = new Thread(() -> {
			try {
				final GenericDialog gd = waitForDialog("Review " + title);
				System.out.println("table shown: " + (ResultsTable.getResultsTable(title) != null));
				EventQueue.invokeAndWait(() -> {
					// Rows in file order: 00, 01, 02, 07, 03, 04, 05: one checkbox and one text field each.
					final List<Checkbox> boxes = new ArrayList<>();
					final List<TextField> fields = new ArrayList<>();
					collect(gd, boxes, fields);
					if (boxes.size() != 7 || fields.size() != 7)
						throw new IllegalStateException(boxes.size() + " checkboxes, " + fields.size() + " fields");
					boxes.get(4).setState(false);
					fields.get(3).setText("gap, checked");
					gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
				});
			}
			catch (final Exception e) {
				e.printStackTrace();
				System.exit(3);
			}
		});
		person.setDaemon(true);
		person.start();
		try (Context context = new Context(CommandService.class, LogService.class, UIService.class)) {
			final CommandModule m = context.service(CommandService.class).run(ReviewSliceConfigCommand.class, true,
				Map.of("config_file", config.toFile(), "show_table", false)).get();
			System.out.println(m.isCanceled() ? "canceled: " + m.getCancelReason() : "saved");
		}
		System.exit(0);
	}

	private static void collect(final Container parent, final List<Checkbox> boxes, final List<TextField> fields) {
		for (final Component child : parent.getComponents()) {
			if (child instanceof Checkbox b) boxes.add(b);
			else if (child instanceof TextField f) fields.add(f);
			else if (child instanceof Container c) collect(c, boxes, fields);
		}
	}

	private static GenericDialog waitForDialog(final String title) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog gd && w.isShowing() && title.equals(gd.getTitle())) return gd;
			Thread.sleep(50);
		}
		throw new IllegalStateException("no dialog '" + title + "' within 30 s");
	}
}
