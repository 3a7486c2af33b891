package io.github.triage.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OctRunDemoTest {
	@TempDir
	Path tmp;

	@Test
	void runsTheWholeFlowAndNamesTheReportAndTheCommand() throws Exception {
		final String summary = new OctRunDemo().run(tmp, new PrintWriter(new StringWriter()));
		final Path report = tmp.resolve("run/report.html").toAbsolutePath();
		assertTrue(Files.isRegularFile(report), summary);
		assertTrue(summary.contains("REPORT: " + report), summary);
		assertTrue(summary.contains("the same run: triage oct run " + tmp.resolve("input/mosaics")), summary);
		assertTrue(summary.contains("skipped at stacking: 00 05 08 09 10"), summary);
		assertTrue(tmp.resolve("run").toAbsolutePath().resolve("report.html").equals(report));
	}
}
