package io.github.triage.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ij.measure.ResultsTable;
import io.github.triage.BadInputException;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/**
 * A slice_config as an ImageJ results table (one row per slice, every column as text, in the file's order) and
 * the edits a person made to its {@code use} and {@code notes} columns, as stamps for {@link SliceConfig#stampMany}.
 */
public final class SliceConfigTable {

	private SliceConfigTable() {}

	public static ResultsTable toTable(final SliceConfig config) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		final List<String> columns = config.columns();
		for (final String id : config.ids()) {
			rt.incrementCounter();
			for (final String column : columns)
				rt.addValue(column, config.get(id, column));
		}
		return rt;
	}

	/**
	 * The use/notes values of {@code table} that differ from {@code config}, by slice id. Rows may be missing
	 * (those slices are left alone); a row whose slice is not in the config, or a use cell that is not a boolean
	 * word, is an error naming the row.
	 */
	public static Map<String, Map<String, Object>> edits(final SliceConfig config, final ResultsTable table,
			final String tableName) {
		final Map<String, Map<String, Object>> edits = new LinkedHashMap<>();
		if (table.getColumnIndex(SliceColumns.SLICE_ID) == ResultsTable.COLUMN_NOT_FOUND)
			throw new BadInputException("table '" + tableName + "' has no slice_id column");
		final boolean hasUse = table.getColumnIndex(SliceColumns.USE) != ResultsTable.COLUMN_NOT_FOUND;
		final boolean hasNotes = table.getColumnIndex(SliceColumns.NOTES) != ResultsTable.COLUMN_NOT_FOUND;
		for (int row = 0; row < table.size(); row++) {
			final String where = "table '" + tableName + "', row " + (row + 1);
			final String id;
			try {
				id = SliceConfig.normalizeId(cell(table, SliceColumns.SLICE_ID, row));
			}
			catch (final IllegalArgumentException e) {
				throw new BadInputException(where + ": " + e.getMessage());
			}
			if (!config.contains(id)) throw new BadInputException(where + ": slice " + id + " is not in the config");
			final Map<String, Object> cells = new LinkedHashMap<>();
			if (hasUse) {
				final Boolean use;
				try {
					use = SliceColumns.parseBoolean(cell(table, SliceColumns.USE, row));
				}
				catch (final IllegalArgumentException e) {
					throw new BadInputException(where + ", column 'use': " + e.getMessage());
				}
				if (!Objects.equals(use, config.getBoolean(id, SliceColumns.USE))) cells.put(SliceColumns.USE, use);
			}
			if (hasNotes) {
				final String notes = cell(table, SliceColumns.NOTES, row);
				if (!notes.equals(config.get(id, SliceColumns.NOTES))) cells.put(SliceColumns.NOTES, notes);
			}
			if (!cells.isEmpty()) {
				if (edits.containsKey(id)) throw new BadInputException(where + ": slice " + id + " is listed twice");
				edits.put(id, cells);
			}
		}
		return edits;
	}

	/** A cell as text: a number a macro put there (Table.set("use", i, 0)) reads as its integer form. */
	private static String cell(final ResultsTable table, final String column, final int row) {
		final String s = table.getStringValue(column, row);
		if (s == null) return "";
		final double v = table.getValue(column, row);
		if (!Double.isNaN(v) && v == Math.rint(v) && s.matches("-?\\d+\\.0+")) return Long.toString((long) v);
		return "NaN".equals(s) ? "" : s;
	}

	/**
	 * What the review dialog shows beside a slice's checkbox: quality score, galvo confidence and fix, rehomed,
	 * auto-excluded (with its reason), interpolation state; columns the config lacks or leaves empty are left out.
	 */
	public static String summary(final SliceConfig config, final String id) {
		final List<String> parts = new java.util.ArrayList<>();
		final java.util.function.Function<String, String> get = c -> config.columns().contains(c)
				? config.get(id, c).strip() : "";
		if (!get.apply(SliceColumns.QUALITY_SCORE).isEmpty()) parts.add("quality " + get.apply(SliceColumns.QUALITY_SCORE));
		if (!get.apply(SliceColumns.GALVO_CONFIDENCE).isEmpty())
			parts.add("galvo " + get.apply(SliceColumns.GALVO_CONFIDENCE)
					+ (isTrue(get.apply(SliceColumns.GALVO_FIX)) ? " (fix)" : ""));
		if (isTrue(get.apply(SliceColumns.REHOMED))) parts.add("rehomed");
		if (isTrue(get.apply(SliceColumns.AUTO_EXCLUDED)))
			parts.add("auto-excluded" + (get.apply(SliceColumns.AUTO_EXCLUDE_REASON).isEmpty() ? ""
					: " (" + get.apply(SliceColumns.AUTO_EXCLUDE_REASON) + ")"));
		if (isTrue(get.apply(SliceColumns.INTERPOLATION_FAILED))) parts.add("interpolation failed"
				+ (get.apply(SliceColumns.INTERPOLATION_FALLBACK_REASON).isEmpty() ? ""
						: " (" + get.apply(SliceColumns.INTERPOLATION_FALLBACK_REASON) + ")"));
		else if (isTrue(get.apply(SliceColumns.INTERPOLATED))) parts.add("interpolated"
				+ (get.apply(SliceColumns.INTERPOLATION_METHOD_USED).isEmpty() ? ""
						: " (" + get.apply(SliceColumns.INTERPOLATION_METHOD_USED) + ")"));
		return String.join(" · ", parts);
	}

	private static boolean isTrue(final String s) {
		try {
			return Boolean.TRUE.equals(SliceColumns.parseBoolean(s));
		}
		catch (final IllegalArgumentException e) {
			return false;
		}
	}
}
