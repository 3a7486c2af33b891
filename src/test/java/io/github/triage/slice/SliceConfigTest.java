package io.github.triage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;

class SliceConfigTest {
	@TempDir
	Path tmp;

	private Path file(final String name, final String content) throws IOException {
		final Path p = tmp.resolve(name);
		Files.writeString(p, content, StandardCharsets.UTF_8);
		return p;
	}

	@Test
	void specExampleReadsAndRoundTripsByteForByte() throws IOException {
		final Path in = TestFiles.resource("slice/spec_example.csv");
		final SliceConfig c = SliceConfigFiles.read(in);
		// File order is kept (07 before 03), not sorted.
		assertEquals(List.of("00", "01", "02", "07", "03", "04", "05"), c.ids());
		assertEquals(Boolean.FALSE, c.getBoolean("00", SliceColumns.USE));
		assertEquals("calibration_slice", c.get("0", SliceColumns.NOTES));
		assertEquals("0.812", c.get("1", SliceColumns.QUALITY_SCORE));
		assertEquals("zmorph", c.get("02", SliceColumns.INTERPOLATION_METHOD_USED));
		assertEquals("Motion artifact — interpolated", c.get("02", SliceColumns.NOTES));
		assertEquals(Boolean.TRUE, c.getBoolean("07", SliceColumns.INTERPOLATION_FAILED));
		assertEquals("low_overlap_ncc", c.get("07", SliceColumns.INTERPOLATION_FALLBACK_REASON));
		assertNull(c.getBoolean("01", SliceColumns.REHOMING_RELIABLE));
		assertEquals(Boolean.TRUE, c.getBoolean("03", SliceColumns.REHOMING_RELIABLE));
		assertEquals("noisy cluster (3 consecutive)", c.get("04", SliceColumns.AUTO_EXCLUDE_REASON));
		assertEquals(List.of("01", "03", "04", "05"), c.filterSlicesToUse());
		assertEquals(List.of("00", "02", "07", "04"), c.forceSkipSlices());

		final Path out = tmp.resolve("out/slice_config.csv");
		SliceConfigFiles.write(c, out);
		assertEquals(Files.readString(in), Files.readString(out));
	}

	@Test
	void minimalFileGetsEveryCanonicalColumnOnWrite() throws IOException {
		final SliceConfig c = SliceConfigFiles.read(file("min.csv", "slice_id,use\n0,yes\n1,no\n2,\n"));
		assertEquals(List.of("00", "01", "02"), c.ids());
		assertEquals("", c.get("00", SliceColumns.NOTES));
		assertNull(c.getBoolean("00", SliceColumns.GALVO_FIX));
		assertNull(c.getBoolean("02", SliceColumns.USE));
		// unset use reads as false (the spec): not used by filter, skipped by force-skip
		assertEquals(List.of("00"), c.filterSlicesToUse());
		assertEquals(List.of("01", "02"), c.forceSkipSlices());
		final Path out = tmp.resolve("min_out.csv");
		SliceConfigFiles.write(c, out);
		final List<String> lines = Files.readAllLines(out);
		assertEquals(String.join(",", SliceColumns.CANONICAL), lines.get(0));
		assertEquals("00,true,,,,,,,,,,,,", lines.get(1));
		assertEquals("01,false,,,,,,,,,,,,", lines.get(2));
		assertEquals("02,,,,,,,,,,,,,", lines.get(3));
		assertFalse(Files.readString(out).contains("\r"), "LF line ends");
	}

	@Test
	void booleanWordsAnyCaseAndSpaces() throws IOException {
		final String[] yes = { "true", "TRUE", " t ", "Yes", "y", "1" };
		final String[] no = { "false", "False", "f", " NO", "n", "0 " };
		final StringBuilder sb = new StringBuilder("slice_id,use\n");
		int id = 0;
		for (final String w : yes) sb.append(id++).append(',').append(w).append('\n');
		for (final String w : no) sb.append(id++).append(',').append(w).append('\n');
		final SliceConfig c = SliceConfigFiles.read(file("b.csv", sb.toString()));
		for (int i = 0; i < yes.length; i++) assertEquals(Boolean.TRUE, c.getBoolean(Integer.toString(i), "use"), yes[i]);
		for (int i = 0; i < no.length; i++)
			assertEquals(Boolean.FALSE, c.getBoolean(Integer.toString(yes.length + i), "use"), no[i]);
	}

	@Test
	void unknownBooleanNamesFileLineAndColumn() throws IOException {
		final Path p = file("bad.csv", "slice_id,notes,galvo_fix\n00,ok,true\n01,\"multi\nline\",maybe\n");
		final BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(p));
		assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("line 3"), e.getMessage());
		assertTrue(e.getMessage().contains("column 'galvo_fix'"), e.getMessage());
		assertTrue(e.getMessage().contains("maybe"), e.getMessage());
	}

	@Test
	void lineNumbersCountMultiLineCells() throws IOException {
		final Path p = file("ml.csv", "slice_id,notes\n00,\"a\nb\nc\"\n01,x\n00,dup\n");
		final BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(p));
		assertTrue(e.getMessage().contains("line 6"), e.getMessage());
		assertTrue(e.getMessage().contains("duplicate slice_id 00 (first on line 2)"), e.getMessage());
	}

	@Test
	void idsNormalisedAndDuplicatesAfterNormalisationRejected() throws IOException {
		assertEquals("03", SliceConfig.normalizeId("3"));
		assertEquals("03", SliceConfig.normalizeId(" 3 "));
		assertEquals("03", SliceConfig.normalizeId("3.0"));
		assertEquals("03", SliceConfig.normalizeId("003"));
		assertEquals("00", SliceConfig.normalizeId("0"));
		assertEquals("100", SliceConfig.normalizeId("100"));
		assertEquals("100", SliceConfig.normalizeId("1e2"));
		for (final String bad : new String[] { "", " ", "abc", "3.5", "-1", "NaN", "0x10", "3d" })
			assertThrows(IllegalArgumentException.class, () -> SliceConfig.normalizeId(bad), bad);
		final Path p = file("dup.csv", "slice_id,use\n3,true\n4,true\n03.0,false\n");
		final BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(p));
		assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("duplicate slice_id 03"), e.getMessage());
	}

	@Test
	void structuralErrorsNameTheFile() throws IOException {
		final Path noId = file("noid.csv", "id,use\n0,true\n");
		BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(noId));
		assertTrue(e.getMessage().contains("noid.csv") && e.getMessage().contains("'slice_id'"), e.getMessage());

		final Path quote = file("quote.csv", "slice_id,notes\n00,\"unterminated\n01,x\n");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(quote));
		assertTrue(e.getMessage().contains("quote.csv") && e.getMessage().contains("malformed CSV"), e.getMessage());

		final Path fields = file("fields.csv", "slice_id,use\n00,true\n01,true,extra\n");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(fields));
		assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("3 fields"), e.getMessage());

		final Path empty = file("empty.csv", "");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(empty));
		assertTrue(e.getMessage().contains("empty.csv"), e.getMessage());

		final Path badId = file("badid.csv", "slice_id,use\nx7,true\n");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(badId));
		assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'x7'"), e.getMessage());

		final Path twice = file("twice.csv", "slice_id,use,use\n00,true,false\n");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(twice));
		assertTrue(e.getMessage().contains("'use' appears twice"), e.getMessage());

		assertThrows(BadInputException.class, () -> SliceConfigFiles.read(tmp.resolve("missing.csv")));
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.read(tmp));
		assertEquals(tmp + ": is a folder, not a file", e.getMessage());
	}

	@Test
	void extraColumnsKeptAfterCanonicalInFileOrderAndCrlfBomAccepted() throws IOException {
		final Path p = file("old.csv", "\uFEFFslice_id,zeta,use,exclude_reason,notes\r\n1,z1,true,,hello\r\n2,z2,false,bad cut,\r\n");
		final SliceConfig c = SliceConfigFiles.read(p);
		final List<String> cols = c.columns();
		assertEquals(SliceColumns.CANONICAL, cols.subList(0, 14));
		assertEquals(List.of("zeta", "exclude_reason"), cols.subList(14, 16));
		assertEquals("bad cut", c.get("02", "exclude_reason"));
		final Path out = tmp.resolve("old_out.csv");
		SliceConfigFiles.write(c, out);
		final List<String> lines = Files.readAllLines(out);
		assertTrue(lines.get(0).endsWith(",notes,zeta,exclude_reason"), lines.get(0));
		assertEquals("01,true,,,,,,,,,,,,hello,z1,", lines.get(1));
		assertEquals("02,false,,,,,,,,,,,,,z2,bad cut", lines.get(2));
	}

	@Test
	void stampOverwritesOnlyGivenColumnsAndAppendsNotes() throws IOException {
		final SliceConfig c = SliceConfigFiles.read(TestFiles.resource("slice/spec_example.csv"));
		c.stamp("5", Map.of(SliceColumns.REHOMED, true, SliceColumns.REHOMING_RELIABLE, "0"), false);
		assertEquals("true", c.get("05", SliceColumns.REHOMED));
		assertEquals("false", c.get("05", SliceColumns.REHOMING_RELIABLE));
		assertEquals("0.834", c.get("05", SliceColumns.QUALITY_SCORE));
		assertEquals("true", c.get("05", SliceColumns.USE));

		c.stamp("00", Map.of(SliceColumns.NOTES, "rechecked"), true);
		assertEquals("calibration_slice; rechecked", c.get("00", SliceColumns.NOTES));
		c.stamp("01", Map.of(SliceColumns.NOTES, "first note"), true);
		assertEquals("first note", c.get("01", SliceColumns.NOTES));
		c.stamp("01", Map.of(SliceColumns.NOTES, ""), true);
		assertEquals("first note", c.get("01", SliceColumns.NOTES));
		c.stamp("01", Map.of(SliceColumns.NOTES, "replaced"), false);
		assertEquals("replaced", c.get("01", SliceColumns.NOTES));

		c.stamp("03", Map.of(SliceColumns.QUALITY_SCORE, String.format("%.3f", 0.5)), false);
		assertEquals("0.500", c.get("03", SliceColumns.QUALITY_SCORE));
	}

	@Test
	void stampUnknownSliceAddsUnusedRowInIdOrder() throws IOException {
		final SliceConfig c = SliceConfigFiles.read(file("s.csv", "slice_id,use\n1,true\n4,true\n9,true\n"));
		c.stamp("6", Map.of(SliceColumns.INTERPOLATED, true), false);
		assertEquals(List.of("01", "04", "06", "09"), c.ids());
		assertEquals(Boolean.FALSE, c.getBoolean("06", SliceColumns.USE));
		assertEquals(Boolean.TRUE, c.getBoolean("06", SliceColumns.INTERPOLATED));
		c.stamp("12", Map.of(SliceColumns.USE, true), false);
		assertEquals(List.of("01", "04", "06", "09", "12"), c.ids());
		assertEquals(Boolean.TRUE, c.getBoolean("12", SliceColumns.USE));
		c.stamp("0", Map.of("my_extra", 7), false);
		assertEquals("00", c.ids().get(0));
		assertEquals("7", c.get("00", "my_extra"));
		assertEquals("my_extra", c.columns().get(14));

		// a file in hand-arranged order keeps it and new rows go last
		final SliceConfig u = SliceConfigFiles.read(file("u.csv", "slice_id,use\n5,true\n2,true\n"));
		u.stamp("3", Map.of(), false);
		assertEquals(List.of("05", "02", "03"), u.ids());
	}

	@Test
	void badStampChangesNothing() throws IOException {
		final SliceConfig c = SliceConfigFiles.read(file("s.csv", "slice_id,use,notes\n1,true,a\n2,true,b\n"));
		final Map<String, Object> values = new LinkedHashMap<>();
		values.put(SliceColumns.NOTES, "changed");
		values.put(SliceColumns.USE, "perhaps");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.stamp("1", values, false));
		assertTrue(e.getMessage().contains("slice 01") && e.getMessage().contains("'use'"), e.getMessage());
		assertEquals("a", c.get("01", SliceColumns.NOTES));

		final Map<String, Map<String, ?>> many = new LinkedHashMap<>();
		many.put("1", Map.of(SliceColumns.NOTES, "x"));
		many.put("7", Map.of(SliceColumns.GALVO_FIX, "sure"));
		assertThrows(IllegalArgumentException.class, () -> c.stampMany(many, false));
		assertEquals("a", c.get("01", SliceColumns.NOTES));
		assertEquals(List.of("01", "02"), c.ids());

		assertThrows(IllegalArgumentException.class, () -> c.stampMany(Map.of("3", Map.of(), "03", Map.of()), false));
		assertThrows(IllegalArgumentException.class, () -> c.stamp("1", Map.of(SliceColumns.SLICE_ID, "5"), false));
		assertThrows(IllegalArgumentException.class, () -> c.get("9", SliceColumns.USE));
		assertThrows(IllegalArgumentException.class, () -> c.stamp("1", Map.of(SliceColumns.QUALITY_SCORE, "high"), false));
		assertThrows(IllegalArgumentException.class, () -> c.stamp("1", Map.of(SliceColumns.GALVO_CONFIDENCE, 1.5), false));
		assertThrows(IllegalArgumentException.class, () -> c.stamp("1", Map.of(SliceColumns.QUALITY_SCORE, "NaN"), false));
		c.stamp("1", Map.of(SliceColumns.QUALITY_SCORE, "1.000", SliceColumns.GALVO_CONFIDENCE, ""), false);
		assertEquals("1.000", c.get("01", SliceColumns.QUALITY_SCORE));
	}

	@Test
	void stampManyAsInTheSpec() throws IOException {
		final SliceConfig c = SliceConfigFiles.read(TestFiles.resource("slice/spec_example.csv"));
		final Map<String, Map<String, ?>> many = new LinkedHashMap<>();
		many.put("03", Map.of(SliceColumns.REHOMED, true, SliceColumns.REHOMING_RELIABLE, false));
		many.put("07", Map.of(SliceColumns.REHOMED, true, SliceColumns.REHOMING_RELIABLE, true));
		c.stampMany(many, false);
		assertEquals(Boolean.FALSE, c.getBoolean("03", SliceColumns.REHOMING_RELIABLE));
		assertEquals(Boolean.TRUE, c.getBoolean("07", SliceColumns.REHOMED));
		assertEquals("zmorph hard-skipped — slot is a gap", c.get("07", SliceColumns.NOTES));
	}

	@Test
	void generateSortsExcludesAndWarns() {
		final Warnings w = new Warnings();
		final List<String> warnings = w.list;
		final SliceConfig c = SliceConfig.generate(List.of("5", "1", "03", "2", "1.0"), List.of("3", "8"), 1, w);
		assertEquals(List.of("01", "02", "03", "05"), c.ids());
		assertEquals(List.of("02", "05"), c.filterSlicesToUse());
		assertEquals("calibration_slice", c.get("01", SliceColumns.NOTES));
		assertEquals("excluded", c.get("03", SliceColumns.NOTES));
		assertEquals(1, warnings.size());
		assertTrue(warnings.get(0).contains("08"), warnings.get(0));
		assertThrows(BadInputException.class, () -> SliceConfig.generate(List.of(), List.of(), 0, null));
	}
}
