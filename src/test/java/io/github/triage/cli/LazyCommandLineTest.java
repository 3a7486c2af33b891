package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code main} builds only the command that runs; what users see is the same as with every command built. */
class LazyCommandLineTest {
	private static String[] run(final CommandLine cl, final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		return new String[] { Integer.toString(cl.execute(args)), out.toString(), err.toString() };
	}

	@Test
	void topLevelHelpIsTheSame() {
		final String[] full = run(TriageCli.commandLine(), "--help");
		final String[] lazy = run(TriageCli.commandLine("--help"), "--help");
		assertEquals(full[1], lazy[1]);
		assertTrue(lazy[1].contains("cavg") && lazy[1].contains("bench"), lazy[1]);
		assertEquals(run(TriageCli.commandLine(), new String[0])[1], run(TriageCli.commandLine(new String[0]))[1]);
	}

	@Test
	void buildsOnlyTheCommandThatRuns() {
		final CommandLine cl = TriageCli.commandLine("cavg", "reject", "--help");
		assertTrue(cl.getSubcommands().get("cavg").getSubcommands().containsKey("reject"));
		assertTrue(cl.getSubcommands().get("galvo").getSubcommands().isEmpty(), "galvo: only its name");
		final String[] help = run(cl, "cavg", "reject", "--help");
		assertEquals(help[1], run(TriageCli.commandLine(), "cavg", "reject", "--help")[1]);
		assertEquals(run(TriageCli.commandLine(), "help", "galvo")[1], run(TriageCli.commandLine("help", "galvo"), "help", "galvo")[1]);
	}

	@Test
	void typosStillGetSuggestions() {
		final String[] r = run(TriageCli.commandLine("cavgg"), "cavgg");
		assertEquals("2", r[0]);
		assertEquals(run(TriageCli.commandLine(), "cavgg")[2], r[2]);
		assertTrue(r[2].contains("triage cavg"), r[2]);
	}
}
