package io.github.triage.stage.cavg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.Tier;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.StarFile;

/**
 * A real RELION 3.1.3 2D classification (src/test/resources/relion/run10, see its README) through
 * {@link RejectStage}, and the outputs read back by RELION's own tools where RELION is installed.
 */
public class RelionRun10Test {
	static final int[] HARD = { 2, 67, 0, 2, 14, 4, 157, 0, 0, 54 };

	@TempDir
	Path tmp;

	static Path run10(final String name) {
		try {
			return Path.of(RelionRun10Test.class.getResource("/relion/run10/" + name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The run: RELION's stack, model.star and data.star (as the particles), tier p1, a 50 Å mask in a 64 Å box. */
	RejectStage.Result reject(final Path out, final RejectStageTest.Messages m) throws IOException {
		return RejectStageTest.run(RejectStageTest.options(run10("run_it006_classes.mrcs"),
				run10("run_it006_model.star"), 50, Tier.P1, out).withParticles(run10("run_it006_data.star")), m);
	}

	@Test
	void unresolvedClassesAreRejectedWithTheReasonAndTheSelectionIsWrittenForRelion() throws IOException {
		final Path out = tmp.resolve("out");
		final RejectStageTest.Messages m = new RejectStageTest.Messages();
		final RejectStage.Result r = reject(out, m);
		// classes 1, 6 and 9 have _rlnEstimatedResolution inf: unresolved, rejected, and the reason says so
		for (final int c : new int[] { 1, 6, 9 }) {
			final ClassDecision d = r.decisions().get(c - 1);
			assertFalse(d.kept(), "class " + c);
			assertTrue(d.resolutionRejects(), "class " + c);
			assertTrue(d.reason().contains("res unresolved (inf)>40 Å"), d.reason());
		}
		// populations are the hard assignments of data.star, not RELION's soft fractions × 300
		for (int c = 1; c <= 10; c++)
			assertEquals(HARD[c - 1], r.decisions().get(c - 1).roundedPopulation(), "class " + c);
		assertTrue(m.text().contains("populations: hard assignments"), m.text());
		final List<Integer> kept = new ArrayList<>();
		int keptParticles = 0;
		for (final ClassDecision d : r.decisions())
			if (d.kept()) {
				kept.add(d.classNumber());
				keptParticles += HARD[d.classNumber() - 1];
			}
		assertFalse(kept.isEmpty(), "some class is kept: " + r.decisions());
		// the selected stack: .mrcs, one section per kept class, and its table maps sections to class numbers
		final Path sel = out.resolve("run_it006_classes_selected.mrcs");
		assertEquals(sel, r.selectedStack());
		final MrcStack in = MrcFiles.read(run10("run_it006_classes.mrcs")), s = MrcFiles.read(sel);
		assertEquals(kept.size(), s.size());
		final StarFile.Loop table = StarFile.read(out.resolve("run_it006_classes_selected.star"))
				.loopWith("_rlnClassNumber");
		for (int k = 0; k < kept.size(); k++) {
			assertEquals(String.format("%06d@run_it006_classes_selected.mrcs", k + 1),
					table.value(k, table.column("_rlnReferenceImage")));
			assertEquals(Integer.toString(kept.get(k)), table.value(k, table.column("_rlnClassNumber")));
			assertEquals(List.of(in.sections()[kept.get(k) - 1]).get(0)[0], s.sections()[k][0]);
		}
		final StarFile.Loop rejTable = StarFile.read(out.resolve("run_it006_classes_rejected.star"))
				.loopWith("_rlnClassNumber");
		assertEquals("1", rejTable.value(0, rejTable.column("_rlnClassNumber")));
		assertEquals("inf", rejTable.value(0, rejTable.column("_rlnEstimatedResolution")));
		// particles_selected.star: the selected particles only, optics and every column kept, classes unchanged
		final StarFile all = StarFile.read(run10("run_it006_data.star"));
		final StarFile chosen = StarFile.read(RejectOutputs.selectedParticles(out));
		assertTrue(chosen.block("optics") != null, "the optics block is kept");
		final StarFile.Loop a = all.loopWith("_rlnClassNumber"), p = chosen.loopWith("_rlnClassNumber");
		assertEquals(a.columns(), p.columns());
		assertEquals(keptParticles, p.rowCount());
		assertEquals(keptParticles, r.particles().selected());
		int j = 0;
		for (int i = 0; i < a.rowCount(); i++)
			if (kept.contains(Integer.parseInt(a.value(i, a.column("_rlnClassNumber"))))) {
				for (int c = 0; c < a.columns().size(); c++)
					assertEquals(a.value(i, c), p.value(j, c));
				j++;
			}
		// the full particle STAR with states is still written
		assertEquals(a.rowCount(), StarFile.read(out.resolve("particles_states.star")).loopWith("_rlnClassNumber")
				.rowCount());
	}

	@Test
	void relionReadsTheSelectedStackAndParticles() throws IOException, InterruptedException {
		Assumptions.assumeTrue(onPath("relion_image_handler") && onPath("relion_star_handler"),
				"RELION is not installed (relion_image_handler, relion_star_handler): RELION read-back skipped");
		final Path out = tmp.resolve("out");
		final RejectStage.Result r = reject(out, new RejectStageTest.Messages());
		final Path sel = r.selectedStack();
		final String stats = relion(tmp, "relion_image_handler", "--i", sel.toString(), "--stats");
		// one line of statistics per section: RELION reads the .mrcs as a stack of kept-class images
		assertEquals(r.kept(), stats.lines().filter(l -> l.contains(sel.getFileName().toString())).count(), stats);
		// a section addressed as n@stack is read as one image
		final String two = relion(tmp, "relion_image_handler", "--i", "2@" + sel, "--stats");
		assertTrue(two.contains("32 x 32") || two.contains("32 x 32 x 1"), two);
		final Path x = tmp.resolve("x.star");
		relion(tmp, "relion_star_handler", "--i", RejectOutputs.selectedParticles(out).toString(), "--o", x.toString());
		final StarFile.Loop l = StarFile.read(x).loopWith("_rlnClassNumber");
		assertEquals(r.particles().selected(), l.rowCount());
	}

	/** Runs a RELION tool under a 60 s timeout; asserts exit 0; returns its output. */
	static String relion(final Path dir, final String... args) throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>(List.of("timeout", "60"));
		cmd.addAll(List.of(args));
		final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
		final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(90, TimeUnit.SECONDS), String.join(" ", cmd) + " did not end");
		assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + text);
		return text;
	}

	static boolean onPath(final String tool) {
		for (final String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
		return false;
	}
}
