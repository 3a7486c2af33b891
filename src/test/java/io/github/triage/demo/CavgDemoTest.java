package io.github.triage.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CavgDemoTest {
	@TempDir
	Path tmp;

	@Test
	void plantedProblemsAreRejectedAndGoodClassesKept() throws Exception {
		final String summary = new CavgDemo().run(tmp, new PrintWriter(new StringWriter()));
		System.out.println(summary);
		final List<String> sel = Files.readAllLines(tmp.resolve("out/selection.txt"));
		assertEquals(List.of("1", "1", "1", "1", "1", "1", "1", "1", "0", "0", "0", "0"), sel, summary);
		final List<String> rows = Files.readAllLines(tmp.resolve("out/rejection.csv"));
		assertTrue(rows.get(9).startsWith("9,0,false,false,true,"), rows.get(9));
		assertTrue(rows.get(11).startsWith("11,0,true,false,false,"), rows.get(11));
		assertTrue(rows.get(12).startsWith("12,0,false,true,false,"), rows.get(12));
		assertTrue(summary.startsWith("kept 8 of 12"), summary);
		assertTrue(Files.exists(tmp.resolve("out/particles_states.star")));
		assertTrue(Files.exists(tmp.resolve("out/cavgs_rejected.jpg")));
	}
}
