package io.github.triage.stage.cavg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.Tier;
import io.github.triage.io.CsvTables;
import io.github.triage.io.StarFile;
import io.github.triage.slice.TextTable;
import io.github.triage.stage.cavg.RejectStageTest.Messages;

import static io.github.triage.stage.cavg.RejectStageTest.HANDCHECK;
import static io.github.triage.stage.cavg.RejectStageTest.names;
import static io.github.triage.stage.cavg.RejectStageTest.options;
import static io.github.triage.stage.cavg.RejectStageTest.res;
import static io.github.triage.stage.cavg.RejectStageTest.run;

/** {@code cavg override}: manual decisions on a rejection folder, round-tripped against a rejection decided so. */
public class OverrideStageTest {
	@TempDir
	Path tmp;

	private static RejectStage.Options handcheck(final Path out) {
		return options(res(HANDCHECK + ".mrc"), res(HANDCHECK + "_classes.csv"), 50, Tier.P1, out);
	}

	/** 50 particles each in classes 2, 3, 5, 6. */
	private static OverrideStage.Options dated(final Path folder, final List<Integer> keep, final List<Integer> reject,
			final String date) {
		return new OverrideStage.Options(folder, keep, reject, OverrideStage.Options.NOTE,
				OverrideStage.Options.PARTICLES_RECORDED, date);
	}

	private RejectStage.Options withParticles(final Path out) throws IOException {
		final Path f = tmp.resolve("particles.star");
		if (!Files.exists(f)) {
			final StringBuilder sb = new StringBuilder("\ndata_optics\n\nloop_\n_rlnOpticsGroup #1\n"
					+ "_rlnImagePixelSize #2\n1 1.0\n\ndata_particles\n\nloop_\n_rlnImageName #1\n_rlnClassNumber #2\n");
			for (int i = 0; i < 200; i++)
				sb.append(String.format("%06d@particles.mrcs %d%n", i + 1, new int[] { 2, 3, 5, 6 }[i / 50]));
			Files.writeString(f, sb.toString());
		}
		return handcheck(out).withCompat(true).withParticles(f);
	}

	@Test
	void overrideEqualsARejectionThatDecidedSoFromTheStart() throws IOException {
		// A: the rejector keeps class 5 alone; a person keeps 3 and rejects 5
		final Path a = tmp.resolve("a");
		run(withParticles(a));
		final Messages m = new Messages();
		final OverrideStage.Result r = new OverrideStage().run(new OverrideStage.Options(a, List.of(3), List.of(5),
				"good side view, res says otherwise", OverrideStage.Options.PARTICLES_RECORDED, "2024-05-01"), null, m);
		assertArrayEquals(new int[] { 0, 0, 1, 0, 0, 0 }, r.states());
		assertEquals(List.of(3, 5), r.changed());
		assertTrue(m.text().contains("class 3: kept by hand"), m.text());
		assertEquals(a.resolve("REJECTION_FINISHED"), r.files().get(r.files().size() - 1), "sentinel last");
		// B: a rejection whose rejection.csv already holds those two decisions (other note and date), nothing else
		final Path b = tmp.resolve("b");
		run(withParticles(b));
		final TextTable t = CsvTables.read(b.resolve("rejection.csv"));
		final List<List<String>> rows = new ArrayList<>();
		for (final TextTable.Row row : t.rows()) {
			final List<String> cells = new ArrayList<>(row.cells());
			final String cls = cells.get(0);
			if (cls.equals("3") || cls.equals("5")) {
				cells.set(t.column("decided_by"), "manual");
				cells.set(t.column("state"), cls.equals("3") ? "1" : "0");
				cells.set(t.column("note"), "other words");
				cells.set(t.column("date"), "2023-01-01");
			}
			rows.add(cells);
		}
		for (final String n : names(b))
			Files.delete(b.resolve(n));
		CsvTables.write(b.resolve("rejection.csv"), t.header(), rows);
		final Messages mb = new Messages();
		RejectStageTest.run(withParticles(b), mb);
		assertTrue(mb.text().contains("class 5: rejected by hand on 2023-01-01 (other words); manual decisions are kept"),
				mb.text());
		// the same files, byte for byte, except the recorded note and date
		assertEquals(names(a), names(b));
		for (final String n : names(a))
			if (n.equals("rejection.csv"))
				assertEquals(withoutNoteAndDate(a.resolve(n)), withoutNoteAndDate(b.resolve(n)));
			else assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
		// the particles of class 3 are back, those of class 5 gone
		final StarFile.Loop l = StarFile.read(a.resolve("particles_states.star")).loopWith("_rlnClassNumber");
		int selected = 0;
		for (int i = 0; i < l.rowCount(); i++)
			if (l.value(i, l.column("_rlnSelected")).equals("1")) {
				assertEquals("3", l.value(i, l.column("_rlnClassNumber")));
				selected++;
			}
		assertEquals(50, selected);
		final String csv = Files.readString(a.resolve("rejection.csv"));
		assertTrue(csv.contains("manual,\"good side view, res says otherwise\",2024-05-01"), csv);
	}

	@Test
	void aLaterRejectionKeepsManualDecisionsAndAnOverrideIsIdempotent() throws IOException {
		final Path a = tmp.resolve("a");
		run(withParticles(a));
		new OverrideStage().run(dated(a, List.of(2), List.of(), "2024-05-01"), null, null);
		final List<byte[]> after = new ArrayList<>();
		for (final String n : names(a))
			after.add(Files.readAllBytes(a.resolve(n)));
		run(withParticles(a));
		int i = 0;
		for (final String n : names(a))
			assertArrayEquals(after.get(i++), Files.readAllBytes(a.resolve(n)), n);
		assertEquals(List.of("0", "1", "0", "0", "1", "0"), Files.readAllLines(a.resolve("selection.txt")));
		// deciding again replaces the earlier manual decision; the other one stays
		final OverrideStage.Result r = new OverrideStage().run(dated(a, List.of(), List.of(2), "2024-05-02"), null,
				null);
		assertEquals(1, r.manual().size());
		assertEquals(0, r.manual().get(0).state());
		assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0 }, r.states());
	}

	@Test
	void badDecisionsAndFoldersAreRefusedBeforeAnythingIsWritten() throws IOException {
		final Path a = tmp.resolve("a");
		run(handcheck(a));
		final byte[] before = Files.readAllBytes(a.resolve("selection.txt"));
		BadInputException e = assertThrows(BadInputException.class, () -> new OverrideStage()
				.run(OverrideStage.Options.of(a, List.of(3, 9), List.of(3)), null, null));
		assertTrue(e.getMessage().contains("class 3 is both kept and rejected"), e.getMessage());
		assertTrue(e.getMessage().contains("class 9 outside 1..6"), e.getMessage());
		e = assertThrows(BadInputException.class, () -> new OverrideStage()
				.run(OverrideStage.Options.of(a, List.of(), List.of()), null, null));
		assertTrue(e.getMessage().contains("no class to keep or reject"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(a.resolve("selection.txt")));
		Files.delete(a.resolve(CleanupOutputs.FINISHED));
		e = assertThrows(BadInputException.class, () -> new OverrideStage()
				.run(OverrideStage.Options.of(a, List.of(1), List.of()), null, null));
		assertTrue(e.getMessage().contains("not a finished rejection"), e.getMessage());
		assertFalse(Files.exists(a.resolve(CleanupOutputs.FINISHED)));
	}

	private static List<List<String>> withoutNoteAndDate(final Path csv) throws IOException {
		final TextTable t = CsvTables.read(csv);
		final List<List<String>> out = new ArrayList<>();
		for (final TextTable.Row r : t.rows()) {
			final List<String> c = new ArrayList<>(r.cells());
			c.set(t.column("note"), "");
			c.set(t.column("date"), "");
			out.add(c);
		}
		return out;
	}
}
