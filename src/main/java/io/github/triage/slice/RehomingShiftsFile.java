package io.github.triage.slice;

import java.util.ArrayList;
import java.util.List;


/**
 * A shifts_xy.csv read for the rehoming stage, kept cell for cell so that the corrected file written back changes
 * only the cells the correction changed (ids keep their format, e.g. {@code 40.0}) and adds a {@code reliable}
 * column (1/0, as the reference writes it).
 */
public final class RehomingShiftsFile {
	private final TextTable table;
	private final List<Rehoming.Step> steps = new ArrayList<>();

	private RehomingShiftsFile(final TextTable table) {
		this.table = table;
	}

	/** Parses the table; errors name the file, line and column (see {@link ShiftsTable#parse}). */
	public static RehomingShiftsFile parse(final TextTable table) {
		final ShiftsTable checked = ShiftsTable.parse(table); // validation, duplicate pairs
		final RehomingShiftsFile f = new RehomingShiftsFile(table);
		for (final ShiftsTable.Shift s : checked.shifts())
			f.steps.add(new Rehoming.Step(s.fixedId(), s.movingId(), s.xShiftMm(), s.yShiftMm(), s.xShiftPx(), s.yShiftPx()));
		return f;
	}

	/** The steps in file order. */
	public List<Rehoming.Step> steps() {
		return List.copyOf(steps);
	}

	/** The header of the corrected file: the input's, plus {@code reliable} when it had none. */
	public List<String> correctedHeader() {
		final List<String> header = new ArrayList<>(table.header());
		if (!header.contains("reliable")) header.add("reliable");
		return header;
	}

	/** The corrected rows (one result per step, in order), under {@link #correctedHeader()}. */
	public List<List<String>> correctedRows(final List<Rehoming.Result> results) {
		if (results.size() != steps.size()) throw new IllegalArgumentException("one result per step expected");
		final List<String> header = correctedHeader();
		final int rc = header.indexOf("reliable");
		final String[] cols = { "x_shift_mm", "y_shift_mm", "x_shift", "y_shift" };
		final List<List<String>> out = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			final List<String> cells = new ArrayList<>(table.rows().get(i).cells());
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
			out.add(cells);
		}
		return out;
	}
}
