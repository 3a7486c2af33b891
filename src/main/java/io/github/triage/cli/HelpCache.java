package io.github.triage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triage.io.AtomicFiles;
import picocli.CommandLine;

/**
 * The top-level help, kept as text beside the start-up archive. Building picocli's model of the commands takes most
 * of a {@code triage --help} (about 0.2 s over a bare JVM); the help cannot change between builds, so bin/triage
 * has it written once per build (with the archive) and names the file in {@link #PROPERTY}. It is printed only
 * where picocli would print the very same bytes: no colours, no width set by hand; anything else goes to picocli.
 */
public final class HelpCache {
	/** The system property naming the cached help file (set by bin/triage). */
	static final String PROPERTY = "triage.help.cache";

	private HelpCache() {
	}

	/** The arguments that print the top-level help: none, {@code -h} or {@code --help}. */
	static boolean asksForHelp(final String... args) {
		return args.length == 0 || args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"));
	}

	/**
	 * Prints the cached help to {@code out} and says true when these arguments ask for it and picocli would print
	 * it plainly; false (nothing printed) otherwise, or when there is no readable cache.
	 */
	static boolean print(final String[] args, final OutputStream out) throws IOException {
		final String file = System.getProperty(PROPERTY);
		if (file == null || !asksForHelp(args) || System.getProperty("picocli.usage.width") != null
				|| CommandLine.Help.Ansi.AUTO.enabled())
			return false;
		final byte[] text;
		try {
			text = Files.readAllBytes(Path.of(file));
		}
		catch (final IOException e) {
			return false; // no cache (first run, or made by a failed build): picocli writes the help
		}
		if (text.length == 0) return false;
		for (final byte b : text)
			if (b < 0) return false; // not ASCII: the console's encoding could differ from the cache's; picocli writes it
		out.write(text);
		out.flush();
		return true;
	}

	/** The help exactly as {@code triage --help} prints it without colours. */
	static String render() {
		final StringWriter s = new StringWriter();
		final CommandLine cl = TriageCli.commandLine("--help");
		cl.setOut(new PrintWriter(s));
		cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
		cl.execute("--help");
		return s.toString();
	}

	/** Writes the cache (atomically) for bin/triage. */
	public static void write(final Path file) throws IOException {
		AtomicFiles.writeString(file, render());
	}
}
