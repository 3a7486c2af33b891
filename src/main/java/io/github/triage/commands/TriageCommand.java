package io.github.triage.commands;

import java.io.File;
import java.nio.file.Path;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;

/**
 * What every Triage command shares: headless-safe failure, progress on the status bar, and the choice of the
 * CPU or CLIJ2 kernels. Subclasses implement {@link #execute()}: parameters in, one core call, results out.
 * Failures never open a modal dialog in a macro, batch or headless run: they are logged and the command is
 * cancelled with the message, which macros see as an error.
 */
public abstract class TriageCommand extends ContextCommand {

	@Parameter(description = "Where messages go")
	protected LogService log;

	@Parameter(required = false,
			description = "Shows progress on the status bar")
	protected StatusService status;

	@Parameter(required = false,
			description = "Shows failures to a person (never in macros or headless runs)")
	protected UIService ui;

	/** The work of the command. Throw {@link BadInputException} for bad input: it becomes a clean failure. */
	protected abstract void execute() throws Exception;

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (final BadInputException | IllegalArgumentException e) {
			fail(e.getMessage());
		}
		catch (final io.github.triage.NotEnoughMemoryException e) {
			fail("out of memory: " + e.getMessage() + " (give Fiji more in Edit > Options > Memory & Threads)");
		}
		catch (final Exception e) {
			log.error(e);
			fail(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		finally {
			if (status != null) status.clearStatus();
		}
	}

	/** Logs the message and cancels the command; shows a dialog only in an interactive, non-macro session. */
	protected void fail(final String message) {
		log.error("Triage: " + message);
		if (ui != null && !isHeadlessOrMacro()) ui.showDialog(message, "Triage");
		cancel(message);
	}

	protected boolean isHeadlessOrMacro() {
		if (ui == null || ui.isHeadless()) return true;
		try {
			return ij.Macro.getOptions() != null || ij.macro.Interpreter.isBatchMode();
		}
		catch (final Throwable t) {
			return true;
		}
	}

	/**
	 * The listener a stage reports to: progress on the status bar (nothing when headless), information and warnings
	 * in the log; cancelled when the command is.
	 */
	protected Listener listener() {
		return new Listener() {
			@Override
			public void progress(final int done, final int total, final String what) {
				if (status != null) status.showStatus(done, total, what);
			}

			@Override
			public void info(final String message) {
				log.info("Triage: " + message);
			}

			@Override
			public void warning(final String message) {
				log.warn("Triage: " + message);
			}

			@Override
			public boolean isCancelled() {
				return TriageCommand.this.isCanceled();
			}
		};
	}

	/** Whether a file parameter was given (SciJava may hand an empty path for an unset one). */
	protected static boolean given(final File f) {
		return f != null && !f.getPath().isBlank();
	}

	/** The path of a required file parameter; a missing one is bad input naming it and its macro key. */
	protected static Path required(final File f, final String what, final String key) {
		if (!given(f)) throw new BadInputException("no " + what + " given (" + key + "=...)");
		return f.toPath();
	}

	/** The path of an optional file parameter, or {@code orElse} when it was not given. */
	protected static Path optional(final File f, final Path orElse) {
		return given(f) ? f.toPath() : orElse;
	}

	/**
	 * The kernels for this run from a command's {@code use_gpu} choice (auto, on or off, as the CLI's
	 * {@code --use-gpu}): auto = CLIJ2 on a GPU when there is one, else the CPU; on = CLIJ2 on any OpenCL device;
	 * off = the CPU. Which was chosen goes to the log.
	 */
	protected ImageOps ops(final String useGpu) {
		return ImageOpsFactory.create(GpuMode.parse(useGpu == null ? "auto" : useGpu), listener());
	}

}
