package io.github.triage.stage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;

/** Input the slice stages used to accept and act on: each is refused naming the file, and nothing is written. */
class SliceBadInputTest {
	private static final String SHIFTS_HEADER = "fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n";

	@TempDir
	Path tmp;

	private Path config() throws IOException {
		final Path p = tmp.resolve("slice_config.csv");
		Files.writeString(p, "slice_id,use,rehomed,rehoming_reliable\n00,true,true,true\n01,true,true,true\n");
		return p;
	}

	@Test
	void rehomingRefusesAHeaderOnlyShiftsFileInsteadOfClearingEveryStamp() throws IOException {
		final Path in = config(), shifts = tmp.resolve("shifts_xy.csv"), out = tmp.resolve("out.csv");
		Files.writeString(shifts, SHIFTS_HEADER);
		final BadInputException e = assertThrows(BadInputException.class, () -> new RehomingStage()
				.run(RehomingStage.Options.defaults(in, shifts, 0.9, out), null, Listener.NONE));
		assertTrue(e.getMessage().startsWith(shifts.toString()), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void absurdStepsAreRefusedNamingFileLineAndColumn() throws IOException {
		final Path in = config(), shifts = tmp.resolve("shifts_xy.csv"), out = tmp.resolve("out.csv");
		Files.writeString(shifts, SHIFTS_HEADER + "0,1,0,0,0.1,0\n1,2,0,0,1e308,0\n");
		final BadInputException e = assertThrows(BadInputException.class, () -> new RehomingStage()
				.run(RehomingStage.Options.defaults(in, shifts, 0.9, out), null, Listener.NONE));
		assertTrue(e.getMessage().contains(shifts + ": line 3, column 'x_shift_mm'"), e.getMessage());
		assertFalse(Files.exists(out));
		final BadInputException c = assertThrows(BadInputException.class, () -> new CumulativeShiftsStage()
				.run(CumulativeShiftsStage.Options.defaults(shifts), null, Listener.NONE));
		assertTrue(c.getMessage().contains(shifts + ": line 3, column 'x_shift_mm'"), c.getMessage());
	}

	@Test
	void stampRefusesANewColumnOneEditFromAnExistingOne() throws IOException {
		final Path in = config();
		final String before = Files.readString(in);
		for (final String typo : List.of("galvo-fix", "galvo_fx", "Use", "rehomde", "notess")) {
			final BadInputException e = assertThrows(BadInputException.class, () -> new StampStage().run(
					StampStage.Options.sameForAll(in, in, List.of("01"), Map.of(typo, "true"), false), null,
					Listener.NONE), typo);
			assertTrue(e.getMessage().startsWith(in.toString()) && e.getMessage().contains("'" + typo + "'"),
					e.getMessage());
		}
		assertEquals(before, Files.readString(in), "nothing written");
		final BadInputException e = assertThrows(BadInputException.class, () -> new StampStage().run(
				StampStage.Options.sameForAll(in, in, List.of("01"), Map.of("galvo-fix", "true"), false), null,
				Listener.NONE));
		assertTrue(e.getMessage().contains("did you mean 'galvo_fix'"), e.getMessage());
	}

	@Test
	void stampAddsANewColumnAskedForOrFarFromAnyOther() throws IOException {
		final Path in = config();
		new StampStage().run(StampStage.Options.sameForAll(in, in, List.of("01"), Map.of("galvo-fix", "x"), false)
				.withNewColumns(Set.of("galvo-fix")), null, Listener.NONE);
		new StampStage().run(StampStage.Options.sameForAll(in, in, List.of("01"), Map.of("operator", "me"), false),
				null, Listener.NONE);
		assertEquals("x", SliceConfigFiles.read(in).get("01", "galvo-fix"));
		assertEquals("me", SliceConfigFiles.read(in).get("01", "operator"));
		assertNull(StampStage.nearest("operator", List.of()));
		assertEquals("galvo_fix", StampStage.nearest("galvo_fxi", List.of()));
		assertEquals("galvo_fix", StampStage.nearest("galvofix", List.of()));
	}
}
