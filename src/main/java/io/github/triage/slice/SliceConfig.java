package io.github.triage.slice;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.triage.BadInputException;
import io.github.triage.Listener;

/**
 * slice_config.csv, the per-slice audit trail: one row per slice keyed by its normalised slice_id, the 14
 * {@linkplain SliceColumns#CANONICAL canonical columns} and any extra columns an older file had (kept after the
 * canonical ones, in their file order). The io layer reads and writes the file ({@code io.SliceConfigFiles}); every rule about its content is here.
 * <p>
 * Cells hold strings; boolean columns hold {@code "true"}, {@code "false"} or {@code ""} (unset), whatever words the
 * file used. Instances are mutable and not thread-safe; the stamping methods validate everything first and change
 * nothing when they throw.
 * <p>
 * <b>Row order.</b> Rows keep their file order through read and write, and a stamped unknown slice is inserted at its
 * place by id when the rows are in id order (appended otherwise). The reference (linumpy) instead sorts rows by the id
 * <i>string</i> on every write, which puts "100" before "84" and reorders lines a person arranged by hand; keeping
 * the order makes every stage's diff show only what it stamped. {@link #generate} writes ids in increasing order.
 */
public final class SliceConfig {
	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
	private static final String NOTES_SEPARATOR = "; ";
	private static final java.util.Set<String> SCORES = java.util.Set.of(SliceColumns.QUALITY_SCORE,
			SliceColumns.GALVO_CONFIDENCE);

	private final LinkedHashMap<String, Map<String, String>> rows = new LinkedHashMap<>();
	private final List<String> extras = new ArrayList<>();

	/** An empty config (no rows). */
	public SliceConfig() {
	}

	// ---------------------------------------------------------------- ids

	/**
	 * The canonical form of a slice id: a whole number >= 0, zero-padded to two digits ("3", " 3 ", "3.0", "003"
	 * → "03"; "100" stays "100").
	 *
	 * @throws IllegalArgumentException for an empty, fractional, negative or non-numeric id
	 */
	public static String normalizeId(final String raw) {
		final String s = raw == null ? "" : raw.strip();
		if (s.isEmpty()) throw new IllegalArgumentException("empty slice id");
		if (!NUMBER.matcher(s).matches()) throw new IllegalArgumentException("slice id '" + s + "' is not a number");
		final BigInteger v;
		try {
			v = new BigDecimal(s).toBigIntegerExact();
		}
		catch (final ArithmeticException e) {
			throw new IllegalArgumentException("slice id '" + s + "' is not a whole number");
		}
		if (v.signum() < 0) throw new IllegalArgumentException("slice id '" + s + "' is negative");
		if (v.bitLength() > 31) throw new IllegalArgumentException("slice id '" + s + "' is too large");
		return String.format("%02d", v.intValue());
	}

	/** The integer value of a slice id in any accepted form ("03" → 3). */
	public static int idValue(final String id) {
		return Integer.parseInt(normalizeId(id));
	}

	// ---------------------------------------------------------------- read / write

	/**
	 * Parses a slice_config.csv. Needs a {@code slice_id} column; every other column is optional (missing canonical
	 * columns read as unset). Errors name the file, line and column: a missing or duplicate slice_id, an unknown
	 * boolean word.
	 */
	public static SliceConfig parse(final TextTable t) {
		final int idCol = t.column(SliceColumns.SLICE_ID);
		if (idCol < 0) throw t.error(t.headerLine(), null, "no 'slice_id' column in the header " + t.header());
		final SliceConfig c = new SliceConfig();
		for (final String name : t.header())
			if (!SliceColumns.isCanonical(name)) c.extras.add(name);
		final Map<String, Integer> firstLine = new LinkedHashMap<>();
		for (final TextTable.Row row : t.rows()) {
			final String id;
			try {
				id = normalizeId(row.get(idCol));
			}
			catch (final IllegalArgumentException e) {
				throw t.error(row.line(), SliceColumns.SLICE_ID, e.getMessage());
			}
			if (firstLine.containsKey(id)) throw t.error(row.line(), SliceColumns.SLICE_ID, "duplicate slice_id " + id
					+ " (first on line " + firstLine.get(id) + ")");
			firstLine.put(id, row.line());
			final Map<String, String> cells = new LinkedHashMap<>();
			for (int i = 0; i < t.header().size(); i++) {
				if (i == idCol) continue;
				final String name = t.header().get(i);
				try {
					cells.put(name, cell(name, row.get(i)));
				}
				catch (final IllegalArgumentException e) {
					throw t.error(row.line(), name, e.getMessage());
				}
			}
			c.rows.put(id, cells);
		}
		return c;
	}

	/**
	 * The rows as written: canonical columns first in spec order, then the extra columns; booleans as lowercase
	 * true/false; rows in this config's order. The header is {@link #columns()}.
	 */
	public List<List<String>> records() {
		final List<String> header = columns();
		final List<List<String>> out = new ArrayList<>(rows.size());
		for (final Map.Entry<String, Map<String, String>> e : rows.entrySet()) {
			final List<String> record = new ArrayList<>(header.size());
			record.add(e.getKey());
			for (int i = 1; i < header.size(); i++) record.add(e.getValue().getOrDefault(header.get(i), ""));
			out.add(record);
		}
		return out;
	}

	// ---------------------------------------------------------------- creation

	/**
	 * A new config for the given ids (normalised, duplicates dropped, in increasing order), every slice used.
	 * Slices in {@code exclude} and the first {@code excludeFirst} slices get use=false and a note.
	 *
	 * @param listener warned once per excluded id that is not among the slices (may be null)
	 * @throws BadInputException when there are no ids
	 */
	public static SliceConfig generate(final Collection<String> ids, final Collection<String> exclude,
			final int excludeFirst, final Listener listener) {
		if (excludeFirst < 0) throw new IllegalArgumentException("exclude-first must be >= 0, got " + excludeFirst);
		final List<Integer> sorted = ids.stream().map(SliceConfig::idValue).distinct().sorted().toList();
		if (sorted.isEmpty()) throw new BadInputException("no slices to put in slice_config");
		final SliceConfig c = new SliceConfig();
		for (final int v : sorted) {
			final Map<String, String> cells = new LinkedHashMap<>();
			cells.put(SliceColumns.USE, "true");
			c.rows.put(normalizeId(Integer.toString(v)), cells);
		}
		final List<String> order = c.ids();
		for (int i = 0; i < Math.min(excludeFirst, order.size()); i++)
			c.stamp(order.get(i), Map.of(SliceColumns.USE, false, SliceColumns.NOTES, "calibration_slice"), true);
		for (final String raw : exclude) {
			final String id = normalizeId(raw);
			if (!c.contains(id)) {
				Listener.orNone(listener).warning("excluded slice " + id + ": no such slice, ignored");
				continue;
			}
			c.stamp(id, Map.of(SliceColumns.USE, false, SliceColumns.NOTES, "excluded"), true);
		}
		return c;
	}

	// ---------------------------------------------------------------- access

	/** Slice ids in row order. */
	public List<String> ids() {
		return List.copyOf(rows.keySet());
	}

	/** Number of rows. */
	public int size() {
		return rows.size();
	}

	public boolean contains(final String sliceId) {
		return rows.containsKey(normalizeId(sliceId));
	}

	/** All columns as written: the canonical ones, then the extras in file order. */
	public List<String> columns() {
		final List<String> all = new ArrayList<>(SliceColumns.CANONICAL);
		all.addAll(extras);
		return Collections.unmodifiableList(all);
	}

	/**
	 * A cell as text ("" when unset or when the column does not exist; booleans as "true"/"false").
	 *
	 * @throws IllegalArgumentException when the slice has no row
	 */
	public String get(final String sliceId, final String column) {
		final String id = normalizeId(sliceId);
		if (SliceColumns.SLICE_ID.equals(column)) {
			row(id);
			return id;
		}
		return row(id).getOrDefault(column, "");
	}

	/** A boolean cell: {@code null} when unset. */
	public Boolean getBoolean(final String sliceId, final String column) {
		return SliceColumns.parseBoolean(get(sliceId, column));
	}

	private Map<String, String> row(final String id) {
		final Map<String, String> r = rows.get(id);
		if (r == null) throw new IllegalArgumentException("slice " + id + " is not in slice_config");
		return r;
	}

	// ---------------------------------------------------------------- selections

	/**
	 * Slices whose {@code use} is true, in row order. An unset {@code use} reads as false (the spec: "missing
	 * columns default to false/empty"), so that slice is not used.
	 */
	public List<String> filterSlicesToUse() {
		final List<String> out = new ArrayList<>();
		for (final String id : rows.keySet())
			if (Boolean.TRUE.equals(getBoolean(id, SliceColumns.USE))) out.add(id);
		return out;
	}

	/**
	 * Slices the stacking stage must skip, in row order: {@code use} not true or {@code auto_excluded} true. An unset
	 * {@code use} reads as false, as in {@link #filterSlicesToUse()} (the spec), so that slice is skipped: the two
	 * selections never disagree on a slice.
	 */
	public List<String> forceSkipSlices() {
		final List<String> out = new ArrayList<>();
		for (final String id : rows.keySet())
			if (!Boolean.TRUE.equals(getBoolean(id, SliceColumns.USE))
					|| Boolean.TRUE.equals(getBoolean(id, SliceColumns.AUTO_EXCLUDED))) out.add(id);
		return out;
	}

	// ---------------------------------------------------------------- stamping

	/**
	 * Sets columns of one slice; other columns are untouched. A slice without a row gets a new one with use=false
	 * plus the given values (as the reference). Values: {@link Boolean} → true/false, {@code null} → empty, anything
	 * else its {@code toString()} (callers format numbers, e.g. quality_score {@code "%.3f"}); text for a boolean
	 * column must be a boolean word, and quality_score / galvo_confidence must be numbers in [0, 1] (or empty). A column outside the schema becomes an extra column. With
	 * {@code appendNotes}, a non-empty note is joined to the existing one with "; " instead of replacing it.
	 *
	 * @throws IllegalArgumentException for a bad id, column or boolean word; nothing is changed then
	 */
	public SliceConfig stamp(final String sliceId, final Map<String, ?> values, final boolean appendNotes) {
		final String id = normalizeId(sliceId);
		final Map<String, String> prepared = prepare(id, values);
		apply(id, prepared, appendNotes);
		return this;
	}

	/**
	 * {@link #stamp} for many slices at once (slice id → column → value), all validated before any is applied.
	 *
	 * @throws IllegalArgumentException as {@link #stamp}, or when two keys name the same slice ("3" and "03")
	 */
	public SliceConfig stampMany(final Map<String, ? extends Map<String, ?>> values, final boolean appendNotes) {
		final LinkedHashMap<String, Map<String, String>> prepared = new LinkedHashMap<>();
		for (final Map.Entry<String, ? extends Map<String, ?>> e : values.entrySet()) {
			final String id = normalizeId(e.getKey());
			if (prepared.containsKey(id)) throw new IllegalArgumentException("slice " + id + " is given twice");
			prepared.put(id, prepare(id, e.getValue()));
		}
		prepared.forEach((id, cells) -> apply(id, cells, appendNotes));
		return this;
	}

	/**
	 * Merges per-slice fragment stamps (e.g. rows of {@code slice_z07_manifest.csv}, see {@link SliceFragments} for
	 * how interpolation manifests map to the interpolation columns) into this config. Every stamp is checked before
	 * anything is stamped; later stamps win. A fragment row for a slice that has no row here is an error naming it:
	 * fragments come from per-slice stages run on this config's slices, so an unknown id means a wrong folder or a
	 * wrong config (the reference silently adds a row).
	 *
	 * @return the ids stamped, in the order applied (a slice appears once per fragment row)
	 * @throws BadInputException naming the fragment file and line of the first bad or unknown row
	 */
	public List<String> mergeFragments(final List<SliceFragments.Stamp> stamps) {
		return mergeFragments(stamps, false);
	}

	/**
	 * As {@link #mergeFragments(List)}; with {@code addMissing} a slice without a row gets a new one (use=false plus
	 * the stamped values), as {@link #stamp} does — for fragments of detections run over a raw folder (galvo), whose
	 * whole-folder stage adds such rows too.
	 */
	public List<String> mergeFragments(final List<SliceFragments.Stamp> stamps, final boolean addMissing) {
		for (final SliceFragments.Stamp s : stamps) {
			if (!addMissing && !rows.containsKey(s.sliceId()))
				throw new BadInputException(s.source() + ": slice " + s.sliceId() + " is not in slice_config");
			try {
				prepare(s.sliceId(), s.values());
			}
			catch (final IllegalArgumentException e) {
				throw new BadInputException(s.source() + ": " + e.getMessage(), e);
			}
		}
		final List<String> ids = new ArrayList<>();
		for (final SliceFragments.Stamp s : stamps) {
			apply(s.sliceId(), prepare(s.sliceId(), s.values()), false);
			ids.add(s.sliceId());
		}
		return ids;
	}

	private static Map<String, String> prepare(final String id, final Map<String, ?> values) {
		final Map<String, String> out = new LinkedHashMap<>();
		for (final Map.Entry<String, ?> e : values.entrySet()) {
			final String column = e.getKey() == null ? "" : e.getKey().strip();
			if (column.isEmpty()) throw new IllegalArgumentException("slice " + id + ": empty column name");
			if (column.equals(SliceColumns.SLICE_ID))
				throw new IllegalArgumentException("slice " + id + ": slice_id cannot be stamped");
			final Object v = e.getValue();
			final String text = v == null ? "" : v instanceof Boolean b ? b.toString() : v.toString();
			try {
				if (SCORES.contains(column)) checkScore(text);
				out.put(column, cell(column, text));
			}
			catch (final IllegalArgumentException ex) {
				throw new IllegalArgumentException("slice " + id + ", column '" + column + "': " + ex.getMessage());
			}
		}
		return out;
	}

	/** Stamped scores must be numbers in [0, 1] (the spec's ranges), or empty. Read values are kept as they are. */
	private static void checkScore(final String text) {
		final String t = text.strip();
		if (t.isEmpty()) return;
		final double d;
		try {
			d = NUMBER.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("'" + t + "' is not a number");
		}
		if (!(d >= 0 && d <= 1)) throw new IllegalArgumentException("'" + t + "' is not a number in [0, 1]");
	}

	/** A cell as stored: booleans canonicalised, other text kept as is. */
	private static String cell(final String column, final String text) {
		if (!SliceColumns.isBoolean(column)) return text;
		final Boolean b = SliceColumns.parseBoolean(text);
		return b == null ? "" : b.toString();
	}

	private void apply(final String id, final Map<String, String> cells, final boolean appendNotes) {
		Map<String, String> row = rows.get(id);
		if (row == null) row = insertRow(id);
		for (final Map.Entry<String, String> e : cells.entrySet()) {
			final String column = e.getKey();
			String value = e.getValue();
			if (!SliceColumns.isCanonical(column) && !extras.contains(column)) extras.add(column);
			if (appendNotes && column.equals(SliceColumns.NOTES)) {
				final String old = row.getOrDefault(column, "");
				if (value.isEmpty()) continue;
				if (!old.isEmpty()) value = old + NOTES_SEPARATOR + value;
			}
			row.put(column, value);
		}
	}

	/** A new row with use=false, at its place by id when the rows are in id order, else at the end. */
	private Map<String, String> insertRow(final String id) {
		final Map<String, String> row = new LinkedHashMap<>();
		row.put(SliceColumns.USE, "false");
		final List<String> order = ids();
		final int v = idValue(id);
		boolean sorted = true;
		int at = order.size();
		for (int i = 0; i < order.size(); i++) {
			final int w = Integer.parseInt(order.get(i));
			if (i > 0 && w < Integer.parseInt(order.get(i - 1))) sorted = false;
			if (w > v && at == order.size()) at = i;
		}
		if (!sorted || at == order.size()) {
			rows.put(id, row);
			return row;
		}
		final LinkedHashMap<String, Map<String, String>> copy = new LinkedHashMap<>(rows);
		rows.clear();
		int i = 0;
		for (final Map.Entry<String, Map<String, String>> e : copy.entrySet()) {
			if (i++ == at) rows.put(id, row);
			rows.put(e.getKey(), e.getValue());
		}
		return row;
	}
}
