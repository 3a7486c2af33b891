package io.github.triage.commands;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;
import io.github.triage.stage.cavg.RejectionFolder;

/**
 * Plugins > Triage > Class averages > Review class averages: opens the review window on a finished rejection
 * folder (the output folder of Reject class averages or {@code triage cavg reject}). A person keeps or rejects
 * classes by clicking them and saves; each change is recorded as a manual decision, as {@code triage cavg override}
 * does. A window for a person: not for headless runs or macros (the CLI's {@code cavg override} is).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Triage>Class averages>Review class averages",
		label = "Review class averages", description = "Keep or reject class averages by hand, recorded as manual "
				+ "decisions")
public class ReviewClassAveragesCommand extends ReviewClassAveragesFields {
	@Override
	protected void execute() throws Exception {
		final Path dir = required(folder, "rejection output folder", "folder");
		if (GraphicsEnvironment.isHeadless() || ui != null && ui.isHeadless())
			throw new BadInputException("Review class averages needs a screen; without one, use "
					+ "triage cavg override FOLDER --keep ... --reject ...");
		final RejectionFolder f = RejectionFolder.read(dir);
		EventQueue.invokeAndWait(() -> {
			final ClassReviewWindow w = new ClassReviewWindow(f, listener());
			w.setLocationByPlatform(true);
			w.setVisible(true);
		});
		log.info("Triage: reviewing " + f.size() + " classes of " + dir);
	}
}
