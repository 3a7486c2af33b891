package io.github.triage.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: it maps its options to one stage, runs it ({@link #execute()}, exit 0; bad input and
 * I/O failures are thrown and mapped to exit codes by TriageCli) and shows the result: tables on stdout, messages on
 * stderr through a {@link CliListener}.
 */
abstract class Subcommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	/** Runs the stage and prints its result. */
	abstract void execute() throws Exception;

	@Override
	public final Integer call() throws Exception {
		execute(); // failures, Errors too, become one line in TriageCli
		return 0;
	}

	/** stderr lines for information, warnings and progress. */
	CliListener listener() {
		return new CliListener(spec.commandLine().getErr());
	}

	/** stderr lines for information and warnings, none for progress (for commands whose stdout is the point). */
	CliListener quietListener() {
		return listener(true);
	}

	/** stderr lines for information and warnings, and for progress unless {@code quiet}. */
	CliListener listener(final boolean quiet) {
		return new CliListener(spec.commandLine().getErr(), quiet);
	}

	/** Prints text as is on stdout. */
	void print(final String text) {
		final PrintWriter out = spec.commandLine().getOut();
		out.print(text);
		out.flush();
	}

	/** Prints each line on stdout. */
	void printLines(final Iterable<String> lines) {
		final PrintWriter out = spec.commandLine().getOut();
		for (final String line : lines) out.println(line);
		out.flush();
	}
}
