package io.github.triage.slice;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.github.triage.io.AtomicFiles;

/**
 * A shifts_xy.csv read for the rehoming stage, kept cell for cell so that the corrected file written back changes
 * only the cells the correction changed (ids keep their format, e.g. {@code 40.0}) and adds a {@code reliable}
 * column (1/0, as the reference writes it).
 */
public final class RehomingShiftsFile {
	private final CsvTable table;
	private final List<Rehoming.Step> steps = new ArrayList<>();

	private RehomingShiftsFile(final CsvTable table) {
		this.table = table;
	}

	/** Reads the file; errors name the file, line and column (see {@link ShiftsTable#read}). */
	public static RehomingShiftsFile read(final Path file) throws IOException {
		final ShiftsTable checked = ShiftsTable.read(file); // validation, duplicate pairs
		final RehomingShiftsFile f = new RehomingShiftsFile(CsvTable.read(file));
		for (final ShiftsTable.Shift s : checked.shifts())
			f.steps.add(new Rehoming.Step(s.fixedId(), s.movingId(), s.xShiftMm(), s.yShiftMm(), s.xShiftPx(), s.yShiftPx()));
		return f;
	}

	/** The steps in file order. */
	public List<Rehoming.Step> steps() {
		return List.copyOf(steps);
	}

	/** Writes the corrected shifts (one result per step, in order) atomically, with a {@code reliable} column. */
	public void write(final Path out, final List<Rehoming.Result> results) throws IOException {
		if (results.size() != steps.size()) throw new IllegalArgumentException("one result per step expected");
		final List<String> header = new ArrayList<>(table.header);
		int reliableCol = header.indexOf("reliable");
		if (reliableCol < 0) {
			header.add("reliable");
			reliableCol = header.size() - 1;
		}
		final int rc = reliableCol;
		final String[] cols = { "x_shift_mm", "y_shift_mm", "x_shift", "y_shift" };
		final CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
		AtomicFiles.write(out, os -> {
			final OutputStreamWriter w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
			final CSVPrinter p = new CSVPrinter(w, format);
			p.printRecord(header);
			for (int i = 0; i < steps.size(); i++) {
				final List<String> cells = new ArrayList<>(table.rows.get(i).cells());
				while (cells.size() < header.size()) cells.add("");
				final Rehoming.Result r = results.get(i);
				if (r.changed()) {
					final double[] v = { r.step().xMm(), r.step().yMm(), r.step().xPx(), r.step().yPx() };
					for (int k = 0; k < cols.length; k++) {
						final int c = table.column(cols[k]);
						if (c >= 0 && !Double.isNaN(v[k])) cells.set(c, PlainNumbers.format(v[k]));
					}
				}
				cells.set(rc, r.reliable() ? "1" : "0");
				p.printRecord(cells);
			}
			p.flush();
			w.flush();
		});
	}
}
