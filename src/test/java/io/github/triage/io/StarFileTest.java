package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;

class StarFileTest {
	@TempDir
	Path tmp;

	private static final String TEXT = """
			# version 30001

			data_general

			_rlnNrClasses   3
			_rlnName 'two words'

			data_table
			loop_
			_rlnA #1
			_rlnB #2
			  1  x   # comment
			  2.5e1 "y z"

			""";

	@Test
	void readsItemsLoopsQuotesAndComments() throws IOException {
		final StarFile s = StarFile.parse(Path.of("t.star"), TEXT.lines().toList());
		assertEquals(2, s.blocks().size());
		assertEquals("3", s.block("general").items().get("_rlnNrClasses"));
		assertEquals("two words", s.block("general").items().get("_rlnName"));
		final StarFile.Loop l = s.loopWith("rlnB");
		assertNotNull(l);
		assertEquals(List.of("_rlnA", "_rlnB"), l.columns());
		assertEquals(2, l.rowCount());
		assertEquals(25.0, s.number(l, 1, 0));
		assertEquals("y z", l.value(1, 1));
		assertEquals(12, l.line(0));
	}

	@Test
	void formatReadsBackTheSame() throws IOException {
		final StarFile s = StarFile.parse(Path.of("t.star"), TEXT.lines().toList());
		final Path f = tmp.resolve("out.star");
		s.write(f);
		final StarFile back = StarFile.read(f);
		assertEquals(s.format(), back.format());
		assertEquals("y z", back.loopWith("_rlnA").value(1, 1));
	}

	@Test
	void nonNumericCellIsAnErrorNamingFileLineAndColumn() {
		final StarFile s = StarFile.parse(Path.of("t.star"), TEXT.lines().toList());
		final StarFile.Loop l = s.loopWith("_rlnB");
		final BadInputException e = assertThrows(BadInputException.class, () -> s.number(l, 0, 1));
		assertEquals("t.star:12: column _rlnB: 'x' is not a number", e.getMessage());
		// Java would parse these; STAR numbers are plain decimals
		final StarFile t = StarFile.parse(Path.of("u.star"), List.of("data_", "loop_", "_a", "NaN", "1f", "0x10"));
		for (int r = 0; r < 3; r++) {
			final int row = r;
			assertThrows(BadInputException.class, () -> t.number(t.loopWith("_a"), row, 0));
		}
	}

	@Test
	void rowWithWrongValueCountIsAnError() {
		final BadInputException e = assertThrows(BadInputException.class,
				() -> StarFile.parse(Path.of("bad.star"), List.of("data_", "loop_", "_a #1", "_b #2", "1 2", "3")));
		assertEquals("bad.star:6: row has 1 values, the loop has 2 columns", e.getMessage());
	}

	@Test
	void missingColumnIsAnErrorListingTheColumns() {
		final StarFile s = StarFile.parse(Path.of("t.star"), TEXT.lines().toList());
		final BadInputException e = assertThrows(BadInputException.class,
				() -> s.requireColumn(s.loopWith("_rlnA"), "_rlnClassNumber"));
		assertTrue(e.getMessage().startsWith("t.star: missing column _rlnClassNumber"), e.getMessage());
	}

	@Test
	void contentBeforeDataBlockIsAnError() throws IOException {
		final Path f = tmp.resolve("x.star");
		Files.writeString(f, "loop_\n_a\n1\n");
		assertTrue(assertThrows(BadInputException.class, () -> StarFile.read(f)).getMessage().contains("x.star:1"));
	}

	@Test
	void readsRealRelionFiles() {
		final StarFile model = StarFile.read(MrcFilesTest.resource("relion/run_it006_model.star"));
		assertNotNull(model.block("model_general"));
		assertEquals(4, model.block("model_classes").loops().get(0).rowCount());
		final StarFile data = StarFile.read(MrcFilesTest.resource("relion/run_it006_data.star"));
		assertEquals(200, data.loopWith("_rlnClassNumber").rowCount());
		assertEquals(1, data.block("optics").loops().get(0).rowCount());
	}
}
