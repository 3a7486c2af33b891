package io.github.triage.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the triage CLI in-process with captured stdout and stderr. */
record CliRun(int exit, String out, String err) {
	static CliRun of(final String... args) {
		final CommandLine cl = TriageCli.commandLine();
		final StringWriter out = new StringWriter(), err = new StringWriter();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		final int exit = cl.execute(args);
		return new CliRun(exit, out.toString(), err.toString());
	}

	@Override
	public String toString() {
		return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
	}
}
