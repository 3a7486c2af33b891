package io.github.triage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import io.github.triage.cli.TriageCli;

/** The benchmark runs and prints its table (a smoke test on a tiny stack: no timing is asserted). */
class CavgBenchTest {
	@Test
	void printsThroughputAndRatios() {
		final StringWriter out = new StringWriter();
		final var cl = TriageCli.commandLine();
		cl.setOut(new PrintWriter(out, true));
		assertEquals(0, cl.execute("bench", "cavg", "--classes", "6", "--box", "32", "--reps", "1", "--warmup", "0"));
		final String s = out.toString();
		assertTrue(s.contains("what,seconds,classes_per_s,ms_per_class"), s);
		assertTrue(s.lines().anyMatch(l -> l.startsWith("reject (4 criteria),")), s);
		assertTrue(s.lines().anyMatch(l -> l.startsWith("ratio reject/fft,")), s);
		assertEquals(2, cl.execute("bench", "cavg", "--box", "33"));
	}
}
