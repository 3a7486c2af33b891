package io.github.triage.slice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.triage.BadInputException;

/**
 * shifts_xy.csv: pairwise shifts between slices ({@code fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm};
 * rows in any order, ids as integers or integral floats such as {@code 40.0}). Only the {@code *_mm} columns are
 * required; the pixel columns are kept when present (NaN otherwise).
 */
public final class ShiftsTable {
	/** One row: the shift from slice {@code fixedId} to slice {@code movingId}, and the line it came from. */
	public record Shift(int fixedId, int movingId, double xShiftMm, double yShiftMm, double xShiftPx,
			double yShiftPx, int line) {
	}

	/**
	 * The largest shift accepted, in mm or pixels (a kilometre, or a million pixels): far beyond any stage, and small
	 * enough that sums over a million steps stay finite and exact to well below a pixel.
	 */
	public static final double MAX_ABS_SHIFT = 1e6;

	private final String source;
	private final List<Shift> shifts;
	private final Map<Long, Shift> byPair = new HashMap<>();

	private ShiftsTable(final String source, final List<Shift> shifts) {
		this.source = source;
		this.shifts = Collections.unmodifiableList(shifts);
		for (final Shift s : shifts) byPair.put(key(s.fixedId, s.movingId), s);
	}

	/** A table built in memory (e.g. by a demo); {@code source} is only used in messages and may be null. */
	public static ShiftsTable of(final String source, final List<Shift> shifts) {
		final List<Shift> copy = new ArrayList<>();
		final Map<Long, Shift> seen = new HashMap<>();
		for (final Shift s : shifts) {
			final Shift first = seen.putIfAbsent(key(s.fixedId, s.movingId), s);
			if (first != null) throw new BadInputException((source == null ? "shifts" : source) + ": line "
					+ s.line + ": pair " + s.fixedId + " -> " + s.movingId + " is listed twice (first on line "
					+ first.line + ")");
			copy.add(s);
		}
		return new ShiftsTable(source, copy);
	}

	/**
	 * Parses shifts_xy.csv. Errors name the file, line and column: a missing column, a value that is not a finite
	 * number or beyond {@link #MAX_ABS_SHIFT}, a pair listed twice.
	 */
	public static ShiftsTable parse(final TextTable t) {
		final String[] required = { "fixed_id", "moving_id", "x_shift_mm", "y_shift_mm" };
		for (final String c : required)
			if (t.column(c) < 0) throw t.error(t.headerLine(), null, "no '" + c + "' column in the header " + t.header());
		final List<Shift> list = new ArrayList<>();
		for (final TextTable.Row r : t.rows()) {
			final int fixed = id(t, r, "fixed_id");
			final int moving = id(t, r, "moving_id");
			list.add(new Shift(fixed, moving, number(t, r, "x_shift_mm", false), number(t, r, "y_shift_mm", false),
					number(t, r, "x_shift", true), number(t, r, "y_shift", true), r.line()));
		}
		return of(t.source(), list);
	}

	private static int id(final TextTable t, final TextTable.Row r, final String column) {
		try {
			return SliceConfig.idValue(r.get(t.column(column)));
		}
		catch (final IllegalArgumentException e) {
			throw t.error(r.line(), column, e.getMessage());
		}
	}

	private static double number(final TextTable t, final TextTable.Row r, final String column, final boolean optional) {
		final int c = t.column(column);
		if (c < 0 && optional) return Double.NaN;
		final String s = r.get(c).strip();
		try {
			final double v = Double.parseDouble(s);
			if (!Double.isFinite(v) || s.matches(".*[a-zA-Z&&[^eE]].*")) throw new NumberFormatException();
			if (Math.abs(v) > MAX_ABS_SHIFT)
				throw t.error(r.line(), column, "'" + s + "' is not a plausible shift (at most "
						+ PlainNumbers.format(MAX_ABS_SHIFT) + " either way)");
			return v;
		}
		catch (final NumberFormatException e) {
			if (optional && s.isEmpty()) return Double.NaN;
			throw t.error(r.line(), column, "'" + s + "' is not a finite number");
		}
	}

	private static long key(final int fixed, final int moving) {
		return ((long) fixed << 32) | (moving & 0xffffffffL);
	}

	/** The file this table was read from, as named in messages (null when built in memory). */
	public String source() {
		return source;
	}

	/** Rows in file order. */
	public List<Shift> shifts() {
		return shifts;
	}

	/** The row for a pair, or null. */
	public Shift get(final int fixedId, final int movingId) {
		return byPair.get(key(fixedId, movingId));
	}

	/** The ids of every slice in the table, normalised ("03"), increasing. */
	public List<String> sliceIds() {
		return ids().stream().map(i -> SliceConfig.normalizeId(Integer.toString(i))).toList();
	}

	/** The sorted union of all fixed and moving ids. */
	public List<Integer> ids() {
		final TreeSet<Integer> ids = new TreeSet<>();
		for (final Shift s : shifts) {
			ids.add(s.fixedId);
			ids.add(s.movingId);
		}
		return List.copyOf(ids);
	}
}
