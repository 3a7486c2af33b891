package io.github.triage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;

class CumulativeShiftsTest {
	/** The entries and the warnings of one computation. */
	private record Computed(List<CumulativeShifts.Entry> entries, List<String> warnings) {
	}

	private static Computed compute(final ShiftsTable t, final java.util.Collection<Integer> selected, final boolean center) {
		final Warnings w = new Warnings();
		return new Computed(CumulativeShifts.compute(t, selected, center, w).entries(), w.list);
	}
	private static final double TOL = 1e-9;

	@TempDir
	Path tmp;

	/** The spec's worked example: 0..5 with steps (10,5),(8,3),(12,7),(5,2),(9,4); slices 0, 2, 4 selected. */
	@Test
	void specWorkedExample() throws IOException {
		final Path f = tmp.resolve("shifts_xy.csv");
		Files.writeString(f, "fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n"
				+ "0,1,10,5,10,5\n1,2,8,3,8,3\n2,3,12,7,12,7\n3,4,5,2,5,2\n4,5,9,4,9,4\n");
		final Computed c = compute(SliceConfigFiles.readShifts(f), List.of(4, 0, 2), false);
		final double[][] expected = { { 0, 0 }, { 18, 8 }, { 35, 17 } };
		assertEquals(List.of(0, 2, 4), c.entries().stream().map(CumulativeShifts.Entry::sliceId).toList());
		for (int i = 0; i < 3; i++) {
			assertEquals(expected[i][0], c.entries().get(i).dxMm(), TOL);
			assertEquals(expected[i][1], c.entries().get(i).dyMm(), TOL);
		}
		assertEquals(List.of(), c.warnings());
		final Computed all = compute(SliceConfigFiles.readShifts(f), List.of(0, 1, 2, 3, 4, 5), false);
		assertEquals(44, all.entries().get(5).dxMm(), TOL);
		assertEquals(21, all.entries().get(5).dyMm(), TOL);
		assertEquals(30, all.entries().get(3).dxMm(), TOL);
	}

	/** Every case of the reference's shifts_expected.csv (linumpy ed14efe), raw, in pixels and centred. */
	@Test
	void referenceSeriesAllCases() throws IOException {
		final Path root = TestFiles.resource("reference/oct/shifts");
		final Map<String, List<CSVRecord>> cases = new LinkedHashMap<>();
		try (CSVParser p = CSVParser.parse(root.resolve("shifts_expected.csv"), java.nio.charset.StandardCharsets.UTF_8,
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			for (final CSVRecord r : p) cases.computeIfAbsent(r.get("case"), k -> new ArrayList<>()).add(r);
		}
		assertEquals(3, cases.size());
		int checked = 0;
		for (final Map.Entry<String, List<CSVRecord>> e : cases.entrySet()) {
			final CSVRecord first = e.getValue().get(0);
			final ShiftsTable table = SliceConfigFiles.readShifts(root.resolve(first.get("shifts_file")));
			final SliceConfig config = SliceConfigFiles.read(root.resolve(first.get("slice_config")));
			final List<Integer> selected = config.filterSlicesToUse().stream().map(SliceConfig::idValue).toList();
			// linumpy's OME-Zarr convention: values < 1 are mm (decided from res_x, applied to res_y too)
			final double resX = Double.parseDouble(first.get("res_x")), resY = Double.parseDouble(first.get("res_y"));
			final double toUm = resX < 1 ? 1000 : 1;
			final Computed raw = compute(table, selected, false);
			final Computed centred = compute(table, selected, true);
			assertEquals(e.getValue().size(), raw.entries().size(), e.getKey());
			for (int i = 0; i < raw.entries().size(); i++) {
				final CSVRecord x = e.getValue().get(i);
				final CumulativeShifts.Entry r = raw.entries().get(i), c = centred.entries().get(i);
				final String where = e.getKey() + " slice " + x.get("slice_id");
				assertEquals(Integer.parseInt(x.get("slice_id")), r.sliceId(), where);
				assertEquals(Boolean.parseBoolean(x.get("in_shifts_file")), r.inShiftsFile(), where);
				assertEquals(d(x, "cum_x_mm"), r.dxMm(), TOL, where);
				assertEquals(d(x, "cum_y_mm"), r.dyMm(), TOL, where);
				assertEquals(d(x, "cum_x_px"), r.dxPx(resX * toUm), TOL, where);
				assertEquals(d(x, "cum_y_px"), r.dyPx(resY * toUm), TOL, where);
				assertEquals(d(x, "cum_x_px_centered"), c.dxPx(resX * toUm), TOL, where);
				assertEquals(d(x, "cum_y_px_centered"), c.dyPx(resY * toUm), TOL, where);
				checked++;
			}
		}
		assertEquals(21, checked);
	}

	private static double d(final CSVRecord r, final String col) {
		return Double.parseDouble(r.get(col));
	}

	@Test
	void gapsAreWarnedNamingTheIds() throws IOException {
		final Path root = TestFiles.resource("reference/oct/shifts/series_missing_pair");
		final Computed c = compute(SliceConfigFiles.readShifts(root.resolve("shifts_xy.csv")),
				List.of(10, 11, 14, 15, 18, 19, 21), false);
		assertEquals(2, c.warnings().size(), c.warnings().toString());
		assertTrue(c.warnings().get(0).contains("15 -> 17"), c.warnings().get(0));
		assertTrue(c.warnings().get(1).contains("21"), c.warnings().get(1));
		final CumulativeShifts.Entry e21 = c.entries().get(6);
		assertFalse(e21.inShiftsFile());
		assertEquals(0, e21.dxMm());
	}

	@Test
	void rowJoiningNonConsecutiveIdsIsIgnoredWithAWarning() throws IOException {
		final Path f = tmp.resolve("s.csv");
		// 0->2 skips 1, which the file has: it must not be counted twice
		Files.writeString(f, "fixed_id,moving_id,x_shift_mm,y_shift_mm\n0,1,1,1\n1,2,2,2\n0,2,100,100\n");
		final Computed c = compute(SliceConfigFiles.readShifts(f), List.of(0, 1, 2), false);
		assertEquals(3, c.entries().get(2).dxMm(), TOL);
		assertEquals(1, c.warnings().size());
		assertTrue(c.warnings().get(0).contains("line 4") && c.warnings().get(0).contains("0 -> 2")
				&& c.warnings().get(0).contains("ignored"), c.warnings().get(0));
	}

	@Test
	void backwardAndSelfRowsAreIgnoredWithAWarning() throws IOException {
		final Path f = tmp.resolve("s.csv");
		Files.writeString(f, "fixed_id,moving_id,x_shift_mm,y_shift_mm\n0,1,1,1\n2,1,5,5\n2,2,7,7\n");
		final Computed c = compute(SliceConfigFiles.readShifts(f), List.of(0, 1, 2), false);
		assertEquals(1, c.entries().get(2).dxMm(), TOL, "1 -> 2 has no row: counts 0");
		assertEquals(3, c.warnings().size(), c.warnings().toString());
		assertTrue(c.warnings().get(0).contains("2 -> 1") && c.warnings().get(0).contains("backwards"), c.warnings().get(0));
		assertTrue(c.warnings().get(1).contains("2 -> 2") && c.warnings().get(1).contains("itself"), c.warnings().get(1));
		assertTrue(c.warnings().get(2).contains("1 -> 2") && c.warnings().get(2).contains("counted as 0"), c.warnings().get(2));
	}

	@Test
	void rowOrderDoesNotMatterAndResolutionsMayDiffer() throws IOException {
		final Path root = TestFiles.resource("reference/oct/shifts/series_gap");
		final List<String> lines = new ArrayList<>(Files.readAllLines(root.resolve("shifts_xy.csv")));
		final String header = lines.remove(0);
		Collections.shuffle(lines, new Random(7));
		lines.add(0, header);
		final Path shuffled = tmp.resolve("shuffled.csv");
		Files.write(shuffled, lines);
		final List<Integer> sel = List.of(1, 2, 3, 5, 7, 8, 9);
		final Computed a = compute(SliceConfigFiles.readShifts(root.resolve("shifts_xy.csv")), sel, true);
		final Computed b = compute(SliceConfigFiles.readShifts(shuffled), sel, true);
		for (int i = 0; i < sel.size(); i++) {
			assertEquals(a.entries().get(i).dxMm(), b.entries().get(i).dxMm(), TOL);
			assertEquals(a.entries().get(i).dyMm(), b.entries().get(i).dyMm(), TOL);
		}
		// centre = index 7/2 = 3 = slice 5
		assertEquals(0, a.entries().get(3).dxMm(), TOL);
		final CumulativeShifts.Entry e9 = compute(SliceConfigFiles.readShifts(shuffled), sel, false).entries().get(6);
		assertEquals(0.0757 * 1000 / 8, e9.dxPx(8), TOL);
		assertEquals(-0.0769 * 1000 / 12, e9.dyPx(12), TOL);
	}

	@Test
	void badShiftsFilesAndEmptySelection() throws IOException {
		final Path dup = tmp.resolve("dup.csv");
		Files.writeString(dup, "fixed_id,moving_id,x_shift_mm,y_shift_mm\n0,1,1,1\n1,2,2,2\n1.0,2.0,3,3\n");
		BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigFiles.readShifts(dup));
		assertTrue(e.getMessage().contains("1 -> 2") && e.getMessage().contains("line 4")
				&& e.getMessage().contains("line 3"), e.getMessage());

		final Path nan = tmp.resolve("nan.csv");
		Files.writeString(nan, "fixed_id,moving_id,x_shift_mm,y_shift_mm\n0,1,abc,1\n");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.readShifts(nan));
		assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'x_shift_mm'"), e.getMessage());

		final Path nocol = tmp.resolve("nocol.csv");
		Files.writeString(nocol, "fixed_id,moving_id,x_shift,y_shift\n0,1,1,1\n");
		e = assertThrows(BadInputException.class, () -> SliceConfigFiles.readShifts(nocol));
		assertTrue(e.getMessage().contains("'x_shift_mm'"), e.getMessage());

		final Path ok = tmp.resolve("ok.csv");
		Files.writeString(ok, "fixed_id,moving_id,x_shift_mm,y_shift_mm\n0,1,1,1\n");
		final ShiftsTable t = SliceConfigFiles.readShifts(ok);
		e = assertThrows(BadInputException.class, () -> compute(t, List.of(), false));
		assertTrue(e.getMessage().contains("no slices"), e.getMessage());
	}
}
