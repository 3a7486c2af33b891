package io.github.triage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cli.TriageCli;

/** The start-up benchmark times processes and prints its table (a stand-in script: no Maven build, no timing asserted). */
class StartupBenchTest {
	@TempDir
	Path dir;

	@Test
	void printsMediansAndRatios() throws Exception {
		final Path script = dir.resolve("triage");
		Files.writeString(script, "#!/bin/sh\nexit 0\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		final StringWriter out = new StringWriter();
		final var cl = TriageCli.commandLine();
		cl.setOut(new PrintWriter(out, true));
		assertEquals(0, cl.execute("bench", "startup", "--runs", "1", "--warmup", "0", "--triage", script.toString()));
		final String s = out.toString();
		assertTrue(s.contains("what,seconds,ratio_to_hello,cpu_seconds,cpu_ratio_to_hello,goal_s"), s);
		assertTrue(s.lines().anyMatch(l -> l.startsWith("triage --help,")), s);
		assertTrue(s.lines().anyMatch(l -> l.startsWith("cavg reject (1 class 64 px),")), s);
	}
}
