package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cavg.ParticleStates;

class ParticleStarsTest {
	@TempDir
	Path tmp;

	@Test
	void rejectedClassesDeselectTheirParticlesAndEverythingElseIsKept() throws IOException {
		final Path in = MrcFilesTest.resource("relion/run_it006_data.star");
		final ParticleStars p = ParticleStars.read(in);
		assertEquals(200, p.particleCount());
		final int[] cls = p.classNumbers();
		// reject classes 1 and 4 (2 and 34 particles in this classification)
		final ParticleStates.Result r = p.propagate(new int[] { 0, 1, 1, 0 });
		assertEquals(200 - 2 - 34, r.selected());
		final Path out = tmp.resolve("particles_states.star");
		p.writeWithStates(out, r);

		final StarFile before = StarFile.read(in), after = StarFile.read(out);
		assertTrue(Files.readString(out).contains("# version 30001\n\ndata_particles"), "RELION 3.1 version line kept");
		assertEquals(before.blocks().size(), after.blocks().size());
		assertEquals(before.block("optics").loops().get(0).columns(), after.block("optics").loops().get(0).columns());
		final StarFile.Loop a = after.loopWith("_rlnClassNumber"), b = before.loopWith("_rlnClassNumber");
		final List<String> expectedCols = new java.util.ArrayList<>(b.columns());
		expectedCols.add("_rlnSelected");
		assertEquals(expectedCols, a.columns());
		final int ci = a.column("_rlnClassNumber"), si = a.column("_rlnSelected");
		for (int row = 0; row < 200; row++) {
			final boolean rejected = cls[row] == 1 || cls[row] == 4;
			assertEquals(rejected ? "0" : Integer.toString(cls[row]), a.value(row, ci));
			assertEquals(rejected ? "0" : "1", a.value(row, si));
			for (int c = 0; c < b.columns().size(); c++)
				if (c != ci) assertEquals(b.value(row, c), a.value(row, c), "row " + row + " column " + c);
		}
		assertEquals(List.of(), Files.list(tmp).filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
	}

	@Test
	void existingDeselectionAndClassZeroStayDeselected() throws IOException {
		final Path f = tmp.resolve("p.star");
		Files.writeString(f, "data_particles\nloop_\n_rlnImageName\n_rlnClassNumber\n_rlnSelected\n"
				+ "1@a.mrcs 1 1\n2@a.mrcs 1 0\n3@a.mrcs 0 1\n4@a.mrcs 2 1\n");
		final ParticleStars p = ParticleStars.read(f);
		final ParticleStates.Result r = p.propagate(new int[] { 1, 0 });
		assertArrayEquals(new int[] { 1, 0, 0, 0 }, r.states());
		assertArrayEquals(new int[] { 1, 0, 0, 0 }, r.classes());
		assertEquals(1, r.selected());
		p.writeWithStates(tmp.resolve("o.star"), r);
		final StarFile.Loop l = StarFile.read(tmp.resolve("o.star")).loopWith("_rlnClassNumber");
		assertEquals(3, l.columns().size(), "existing _rlnSelected reused, not duplicated");
		assertEquals("0", l.value(3, 1));
		assertEquals("0", l.value(3, 2));
	}

	@Test
	void classBeyondTheTableIsAnErrorNamingTheLine() throws IOException {
		final Path f = tmp.resolve("p.star");
		Files.writeString(f, "data_\nloop_\n_rlnClassNumber\n1\n5\n");
		final BadInputException e = assertThrows(BadInputException.class, () -> ParticleStars.read(f).propagate(new int[] { 1, 1 }));
		assertTrue(e.getMessage().contains("p.star:5: particle in class 5, but the class table has 2 classes"), e.getMessage());
	}

	@Test
	void missingOrBadClassColumnIsAnError() throws IOException {
		final Path f = tmp.resolve("noclass.star");
		Files.writeString(f, "data_\nloop_\n_rlnImageName\n1@a.mrcs\n");
		assertTrue(assertThrows(BadInputException.class, () -> ParticleStars.read(f)).getMessage()
				.contains("noclass.star: missing column _rlnClassNumber"));
		final Path g = tmp.resolve("frac.star");
		Files.writeString(g, "data_\nloop_\n_rlnClassNumber\n1.5\n");
		assertTrue(assertThrows(BadInputException.class, () -> ParticleStars.read(g)).getMessage().contains("frac.star:4"));
	}
}
