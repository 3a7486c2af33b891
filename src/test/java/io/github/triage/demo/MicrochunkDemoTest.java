package io.github.triage.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicrochunkDemoTest {
	@TempDir
	Path tmp;

	@Test
	void streamsToTheFinishedStateAndKeepsNoJunk() throws Exception {
		final long t0 = System.nanoTime();
		final String summary = new MicrochunkDemo().run(tmp, new PrintWriter(new StringWriter()));
		System.out.println(summary + "(" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
		assertTrue(summary.startsWith("finished: 240 particles imported;"), summary);
		assertTrue(summary.contains(", 0 of them junk"), summary);
		assertTrue(summary.contains("triage microchunk run PROJECT --import"), summary);
		assertTrue(Files.exists(tmp.resolve("project/microchunks_match_combined.star")));
		assertTrue(Files.exists(tmp.resolve("project/status.csv")));
	}
}
