package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
	 * The provenance every per-slice diagnostic carries (issue 11): {@code {"version": …, "date": …}}, to be put
	 * under the key "triage" by the stage that writes it, with one date per run (so a rerun differs only there).
	 */
	public static Map<String, Object> provenance(final String date) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", io.github.triage.Version.current());
		m.put("date", date);
		return m;
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
