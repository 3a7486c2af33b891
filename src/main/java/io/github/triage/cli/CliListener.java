package io.github.triage.cli;

import java.io.PrintWriter;

import io.github.triage.Listener;

/**
 * The CLI's end of a {@link Listener}: one stderr line per message ({@code triage: …}, warnings as
 * {@code triage: warning: …}) and a line per item of long work ({@code triage: [3/20] slice 05}).
 */
public final class CliListener implements Listener {
	private final PrintWriter err;
	private final boolean quiet;

	/** @param quiet no progress lines (information and warnings are still printed) */
	public CliListener(final PrintWriter err, final boolean quiet) {
		this.err = err;
		this.quiet = quiet;
	}

	public CliListener(final PrintWriter err) {
		this(err, false);
	}

	@Override
	public void progress(final int done, final int total, final String what) {
		if (!quiet && done < total) line("[" + (done + 1) + "/" + total + "] " + what);
	}

	@Override
	public void info(final String message) {
		line(message);
	}

	@Override
	public void warning(final String message) {
		line("warning: " + message);
	}

	private void line(final String m) {
		err.println("triage: " + m);
		err.flush();
	}
}
