package io.github.triage.commands;

import java.nio.file.Files;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.platform.PlatformService;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;

/** Plugins > Triage > OCT > Open report: a run's report.html (or the run's folder) in the system browser. */
@Plugin(type = Command.class, menuPath = "Plugins>Triage>OCT>Open report", label = "Open report",
		description = "Open an OCT run's report.html in the browser")
public class OpenReportCommand extends OpenReportFields {
	@Override
	protected void execute() throws Exception {
		if (report == null) throw new BadInputException("no report given");
		Path p = report.toPath();
		if (Files.isDirectory(p)) p = p.resolve(io.github.triage.stage.oct.OctRunStage.REPORT);
		if (!Files.isRegularFile(p)) throw new BadInputException(p + ": no report there");
		open(p, platform, log);
	}

	/** Opens {@code file} in the browser; says where it is when no browser can be started. */
	static void open(final Path file, final PlatformService platform, final LogService log) {
		try {
			if (platform != null) platform.open(file.toUri().toURL());
			else if (java.awt.Desktop.isDesktopSupported()) java.awt.Desktop.getDesktop().browse(file.toUri());
			else log.info("Triage: open " + file + " in a browser");
		}
		catch (final Exception e) {
			log.warn("Triage: could not open a browser (" + e.getMessage() + "); the report is " + file);
		}
	}
}
