package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.measure.ResultsTable;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/** A slice_config as a results table, and the use/notes edits read back from it (as a macro makes them). */
class SliceConfigTableTest {

	@TempDir
	Path tmp;

	@Test
	void tableHasOneRowPerSliceInFileOrderWithEveryColumn() throws IOException {
		final ResultsTable rt = SliceConfigTable.toTable(spec());
		assertEquals(7, rt.size());
		assertEquals(SliceColumns.CANONICAL, List.of(rt.getHeadings()));
		assertEquals("07", rt.getStringValue("slice_id", 3));
		assertEquals("false", rt.getStringValue("use", 3));
		assertEquals("low_overlap_ncc", rt.getStringValue("interpolation_fallback_reason", 3));
		assertEquals("0.756", rt.getStringValue("quality_score", 4));
		assertEquals("noisy cluster (3 consecutive)", rt.getStringValue("auto_exclude_reason", 5));
		assertEquals("", rt.getStringValue("notes", 1));
	}

	@Test
	void theDialogSummaryShowsWhatThePipelineMeasured() throws IOException {
		final SliceConfig config = spec();
		config.stampMany(Map.of("01", Map.of(SliceColumns.QUALITY_SCORE, "0.82", SliceColumns.GALVO_CONFIDENCE, "0.9",
				SliceColumns.GALVO_FIX, "true", SliceColumns.AUTO_EXCLUDED, "true", SliceColumns.AUTO_EXCLUDE_REASON,
				"low quality")), false);
		final String s = SliceConfigTable.summary(config, "01");
		assertTrue(s.contains("quality 0.82") && s.contains("galvo 0.9 (fix)") && s.contains("auto-excluded (low quality)"),
				s);
	}

	@Test
	void editsAreTheChangedUseAndNotesCellsOnly() throws IOException {
		final SliceConfig config = spec();
		final ResultsTable rt = SliceConfigTable.toTable(config);
		assertEquals(Map.of(), SliceConfigTable.edits(config, rt, "t"));
		rt.setValue("use", 2, "true"); // 02
		rt.setValue("notes", 6, "fine"); // 05
		rt.setValue("use", 5, 0); // 04, as Table.set("use", 5, 0) in a macro
		rt.setValue("use", 1, "YES"); // 01 was true already: no edit
		rt.setValue("quality_score", 0, "0.9"); // not use/notes: ignored
		final Map<String, Map<String, Object>> edits = SliceConfigTable.edits(config, rt, "t");
		assertEquals(Map.of("02", Map.of("use", true), "05", Map.of("notes", "fine"), "04", Map.of("use", false)),
			edits);

		config.stampMany(edits, false);
		assertEquals(List.of("01", "02", "03", "05"), config.filterSlicesToUse()); // 04 now unused
		assertEquals("fine", config.get("05", "notes"));
		assertEquals("0.000", config.get("00", "quality_score"));
	}

	@Test
	void badCellsAreNamedByRow() throws IOException {
		final SliceConfig config = spec();
		final ResultsTable rt = SliceConfigTable.toTable(config);
		rt.setValue("use", 4, "maybe");
		final BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigTable.edits(config, rt, "t"));
		assertTrue(e.getMessage().contains("table 't', row 5, column 'use'"), e.getMessage());

		final ResultsTable other = SliceConfigTable.toTable(config);
		other.setValue("slice_id", 0, "42");
		final BadInputException e2 = assertThrows(BadInputException.class,
			() -> SliceConfigTable.edits(config, other, "t"));
		assertTrue(e2.getMessage().contains("row 1: slice 42 is not in the config"), e2.getMessage());
	}

	@Test
	void idListsAcceptSpacesCommasAndBrackets() {
		assertEquals(List.of("01", "02", "07", "100"), SliceIdList.parse("[1, 02;7  100 1]"));
		assertEquals(List.of(), SliceIdList.parse("  "));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SliceIdList.parse("1 x"));
		assertTrue(e.getMessage().contains("'x'"), e.getMessage());
	}

	private SliceConfig spec() throws IOException {
		final Path p = tmp.resolve("spec_example.csv");
		try (InputStream in = getClass().getResourceAsStream("/commands/spec_example.csv")) {
			Files.copy(in, p);
		}
		return SliceConfigFiles.read(p);
	}
}
