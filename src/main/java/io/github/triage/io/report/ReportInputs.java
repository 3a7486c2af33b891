package io.github.triage.io.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.CsvTables;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.CumulativeShifts;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.TextTable;

/**
 * Reads the run's files for the report, by their file formats only (no stage's Java API): quality_report.csv, the
 * per-slice JSON diagnostics the stages write, and shifts files.
 */
public final class ReportInputs {
	private ReportInputs() {
	}

	/** {@code column} of a CSV with a slice_id column, by slice id (empty cells skipped). */
	public static SortedMap<Integer, Double> column(final Path csv, final String column) throws IOException {
		final TextTable t = CsvTables.read(csv);
		final int id = t.column("slice_id"), c = t.column(column);
		if (id < 0 || c < 0) throw t.error(t.headerLine(), null, "no 'slice_id' and '" + column + "' columns in " + t.header());
		final SortedMap<Integer, Double> out = new TreeMap<>();
		for (final TextTable.Row r : t.rows()) {
			if (r.get(c).isBlank()) continue;
			try {
				out.put(SliceConfig.idValue(r.get(id)), Double.parseDouble(r.get(c).strip()));
			}
			catch (final IllegalArgumentException e) {
				throw t.error(r.line(), column, "not a slice id and a number: " + e.getMessage());
			}
		}
		return out;
	}

	/** Cumulative X and Y shifts (mm) by slice id: {x, y}. */
	@SuppressWarnings("unchecked")
	public static SortedMap<Integer, Double>[] cumulativeShifts(final Path csv, final List<String> warnings)
			throws IOException {
		final ShiftsTable t = SliceConfigFiles.readShifts(csv);
		final SortedMap<Integer, Double> x = new TreeMap<>(), y = new TreeMap<>();
		if (t.ids().isEmpty()) return new SortedMap[] { x, y };
		final CumulativeShifts c = CumulativeShifts.compute(t, t.ids(), false, Listener.of(null, warnings::add));
		for (final CumulativeShifts.Entry e : c.entries()) {
			x.put(e.sliceId(), e.dxMm());
			y.put(e.sliceId(), e.dyMm());
		}
		return new SortedMap[] { x, y };
	}

	/** A run's warnings file: its non-blank lines, one warning each. */
	public static List<String> warnings(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new BadInputException(file + ": warnings file not found");
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty())
				.toList();
	}

	/**
	 * What the per-slice JSON diagnostics under a folder say (recursively; files without a "stage" are skipped).
	 *
	 * @param settings   per stage: the run settings every file of that stage agrees on ("varies" where they differ)
	 * @param galvo      galvo confidence by slice
	 * @param thresholds per stage: the threshold its decisions used (quality: min_quality; galvo: threshold)
	 * @param files      how many files were read
	 */
	public record Diagnostics(Map<String, Map<String, String>> settings, SortedMap<Integer, Double> galvo,
			Map<String, Double> thresholds, int files) {
	}

	public static Diagnostics diagnostics(final Path dir) throws IOException {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
			files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
					.toList();
		}
		final Map<String, Map<String, String>> settings = new TreeMap<>();
		final SortedMap<Integer, Double> galvo = new TreeMap<>();
		final Map<String, Double> thresholds = new LinkedHashMap<>();
		int n = 0;
		for (final Path f : files) {
			final JsonObject o = object(f);
			if (o == null || !o.has("stage") || !o.get("stage").isJsonPrimitive()) continue;
			n++;
			final String stage = o.get("stage").getAsString();
			final JsonObject run = obj(o, "quality".equals(stage) ? "run" : "settings");
			if (run != null) {
				final Map<String, String> mine = settings.computeIfAbsent(stage, k -> new TreeMap<>());
				for (final Map.Entry<String, JsonElement> e : run.entrySet()) {
					final String v = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
					mine.merge(e.getKey(), v, (a, b) -> a.equals(b) ? a : "varies");
				}
				final JsonElement t = run.get("quality".equals(stage) ? "min_quality" : "threshold");
				if (t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isNumber())
					thresholds.putIfAbsent(stage, t.getAsDouble());
			}
			if ("galvo".equals(stage) && o.has("confidence") && o.get("confidence").isJsonPrimitive()) {
				final JsonElement id = o.has("slice") ? o.get("slice") : o.get("slice_id");
				if (id != null && id.isJsonPrimitive()) {
					galvo.put(sliceId(f, id.getAsString()), o.get("confidence").getAsDouble());
				}
			}
		}
		return new Diagnostics(settings, galvo, thresholds, n);
	}

	/** A slice id, or the tile-folder name the galvo diagnostics give ({@code slice_z03}), by the one slice-id rule. */
	private static int sliceId(final Path f, final String slice) {
		try {
			return SliceConfig.idValue(slice);
		}
		catch (final IllegalArgumentException e) {
			final java.util.OptionalInt id = io.github.triage.io.layout.SliceNames.idOf(slice);
			if (id.isPresent()) return id.getAsInt();
			throw new BadInputException(f + ": slice '" + slice + "' is not a slice id");
		}
	}

	private static JsonObject object(final Path f) throws IOException {
		try {
			final JsonElement e = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
			return e.isJsonObject() ? e.getAsJsonObject() : null;
		}
		catch (final JsonParseException e) {
			throw new BadInputException(f + ": malformed JSON: " + e.getMessage(), e);
		}
	}

	private static JsonObject obj(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
	}
}
