package io.github.triage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triage.cli.HelpCache;
import io.github.triage.cli.TriageCli;

/**
 * The training run of the class-data sharing archive that bin/triage makes once per build
 * ({@code -XX:DumpLoadedClassList}): the classes loaded here are the ones the archive holds, so it runs what starts
 * often and briefly: the help, and a one-class {@code cavg reject} (the microchunk stream's unit), on the CPU.
 * With an argument, it also writes the top-level help there (cli.HelpCache).
 */
public final class StartupTraining {
	private StartupTraining() {
	}

	public static void main(final String... args) throws IOException {
		final Path dir = Files.createTempDirectory("triage-cds-");
		try {
			final StartupBench.Input in = StartupBench.oneClassInput(dir);
			run("--help");
			run("cavg", "--help");
			run(in.rejectArgs(dir.resolve("out"), "off"));
			// the help as text, for bin/triage to print without building picocli's model (cli.HelpCache)
			if (args.length > 0) HelpCache.write(Path.of(args[0]));
		}
		finally {
			try {
				StartupBench.delete(dir);
			}
			catch (final IOException | UncheckedIOException e) {
				// a temporary folder left behind is no reason to fail the making of the archive
			}
		}
	}

	private static void run(final String... args) {
		final picocli.CommandLine cl = TriageCli.commandLine(); // every command: all their classes in the archive
		cl.setOut(new PrintWriter(new StringWriter()));
		cl.setErr(new PrintWriter(new StringWriter()));
		cl.execute(args);
	}
}
