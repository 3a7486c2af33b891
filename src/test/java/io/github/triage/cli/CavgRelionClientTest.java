package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELION (Debian's relion 3.1) as a real external client of the outputs: it must read the class-average stacks
 * with the right pixel size and data, and the particle STAR with its {@code _rlnSelected} column. Skipped when
 * RELION is not installed ({@code apt-get install -y relion}); every call runs under a timeout.
 */
class CavgRelionClientTest {
	@TempDir
	Path tmp;

	@Test
	void relionReadsStacksAndParticleStates() throws Exception {
		Assumptions.assumeTrue(onPath("relion_image_handler") && onPath("relion_star_handler"), "RELION not installed");
		final Path out = tmp.resolve("out");
		final CavgCliTest.Run r = CavgCliTest.run("cavg", "reject", "--stack",
				CavgCliTest.res("relion/run_it006_classes.mrcs").toString(), "--classes",
				CavgCliTest.res("relion/run_it006_model.star").toString(), "--particles",
				CavgCliTest.res("relion/run_it006_data.star").toString(), "--mskdiam", "50", "--tier", "p1",
				"--use-gpu", "off", "-o", out.toString());
		assertEquals(0, r.exit(), r.err());
		final List<String> states = Files.readAllLines(out.resolve("selection.txt"));
		final long kept = states.stream().filter("1"::equals).count();

		// the input stack's own statistics, as RELION prints them, for comparison with what we wrote
		final String input = exec(tmp, "relion_image_handler", "--i",
				CavgCliTest.res("relion/run_it006_classes.mrcs").toString(), "--stats");
		for (final String which : new String[] { "selected", "rejected" }) {
			final long n = which.equals("selected") ? kept : states.size() - kept;
			if (n == 0) continue;
			final String stats = exec(tmp, "relion_image_handler", "--i",
					out.resolve("run_it006_classes_" + which + ".mrcs").toString(), "--stats");
			assertTrue(stats.contains("angpix = 2"), stats);
			// .mrcs: RELION reads a stack of n images (one line each), not one 32 × 32 × n volume
			assertEquals(n, stats.lines().filter(l -> l.contains("(x,y,z,n)= 32 x 32 x 1 x 1")).count(), stats);
			if (n == 1) {
				// one section: RELION's statistics equal those of that class in the input
				final int cls = states.indexOf(which.equals("selected") ? "1" : "0") + 1;
				final String line = input.lines().filter(l -> l.startsWith(String.format("%06d@", cls))).findFirst()
						.orElseThrow();
				assertEquals(line.substring(line.indexOf("avg=")), stats.strip().substring(stats.strip().indexOf("avg=")));
			}
		}
		final String sel = exec(out, "relion_star_handler", "--i", "particles_states.star", "--select", "rlnSelected",
				"--minval", "1", "--maxval", "1", "--o", "selected.star");
		final String selected = Files.readString(out.resolve("REJECTION_FINISHED"))
				.lines().filter(l -> l.startsWith("particles_selected: ")).findFirst().orElseThrow().substring(20);
		assertTrue(sel.contains("Written: selected.star with " + selected + " item(s)"), sel);
	}

	private static boolean onPath(final String exe) {
		for (final String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			if (Files.isExecutable(Path.of(d, exe))) return true;
		return false;
	}

	private static String exec(final Path dir, final String... cmd) throws IOException, InterruptedException {
		final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
		p.getOutputStream().close();
		if (!p.waitFor(30, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(String.join(" ", cmd) + ": timed out");
		}
		final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + text);
		return text;
	}
}
