package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializer;

/**
 * Per-slice (or per-class) JSON diagnostics: the raw numbers behind a decision, which the audit CSVs
 * deliberately leave out. Any map/list/number/string tree or plain object serialises; NaN and infinities are
 * written as JSON-compatible values by Gson's lenient mode. The same input gives the same bytes: maps and sets
 * that keep an order (linked, sorted, enum) are written in it, and unordered ones ({@code Map.of}, HashMap,
 * {@code Set.of}), whose iteration order may differ from run to run, are written sorted.
 */
public final class JsonDiagnostics {
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
			.disableHtmlEscaping()
			.registerTypeHierarchyAdapter(Map.class, (JsonSerializer<Map<?, ?>>) (map, type, ctx) -> {
				final List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
				if (!ordered(map)) entries.sort(Comparator.comparing(e -> String.valueOf(e.getKey())));
				final JsonObject o = new JsonObject();
				for (final Map.Entry<?, ?> e : entries)
					o.add(String.valueOf(e.getKey()), ctx.serialize(e.getValue()));
				return o;
			}).registerTypeHierarchyAdapter(Set.class, (JsonSerializer<Set<?>>) (set, type, ctx) -> {
				final List<JsonElement> items = new ArrayList<>();
				for (final Object v : set)
					items.add(ctx.serialize(v));
				if (!ordered(set)) items.sort(Comparator.comparing(JsonElement::toString));
				final JsonArray a = new JsonArray();
				items.forEach(a::add);
				return a;
			}).create();

	private JsonDiagnostics() {
	}

	public static String toJson(final Object value) {
		return GSON.toJson(value);
	}

	/**
	 * The date a run stamps on its files: {@code date} when the caller gives one (one date for a whole run, e.g. the
	 * date of {@code oct run}), else now, to the second, with its offset.
	 */
	public static String date(final String date) {
		return date != null ? date
				: ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * A per-slice diagnostic with the provenance every one carries (issue 11): {@code triage_version} and
	 * {@code date} first, then {@code value}'s entries in their order.
	 */
	public static Map<String, Object> stamped(final String date, final Map<String, ?> value) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("triage_version", io.github.triage.Version.current());
		m.put("date", date);
		m.putAll(value);
		return m;
	}

	/** A JSON object as a map (nested objects as maps, arrays as lists); null when the text is not an object. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> readObject(final String json) {
		try {
			final Object o = GSON.fromJson(json, Object.class);
			return o instanceof Map ? (Map<String, Object>) o : null;
		}
		catch (final JsonParseException e) {
			throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
		}
	}

	public static void write(final Path target, final Object value) throws IOException {
		AtomicFiles.writeString(target, toJson(value) + "\n");
	}

	private static boolean ordered(final Map<?, ?> m) {
		return m instanceof LinkedHashMap || m instanceof SortedMap || m instanceof EnumMap
				|| m instanceof com.google.gson.internal.LinkedTreeMap;
	}

	private static boolean ordered(final Collection<?> c) {
		return c instanceof LinkedHashSet || c instanceof SortedSet || c instanceof EnumSet;
	}
}
