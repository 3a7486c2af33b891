package io.github.triage.io.zarr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.github.triage.BadInputException;

/** Small Gson helpers for Zarr metadata: every problem is a BadInputException naming the file and the key. */
final class ZarrJson {
	private ZarrJson() {
	}

	static JsonObject read(final Path file, final String label) {
		final String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new BadInputException(label + ": cannot read " + file + ": " + e.getMessage(), e);
		}
		try {
			final JsonElement e = JsonParser.parseString(text);
			if (!e.isJsonObject()) throw new BadInputException(label + ": " + file.getFileName() + " is not a JSON object");
			return e.getAsJsonObject();
		}
		catch (final JsonParseException | IllegalStateException e) {
			throw new BadInputException(label + ": corrupt Zarr metadata " + file.getFileName() + ": " + e.getMessage(), e);
		}
	}

	static JsonObject object(final JsonObject m, final String key, final String where) {
		final JsonElement e = m.get(key);
		if (e == null || !e.isJsonObject()) throw new BadInputException(where + ": '" + key + "' is missing or not an object");
		return e.getAsJsonObject();
	}

	static JsonArray array(final JsonObject m, final String key, final String where) {
		final JsonElement e = m.get(key);
		if (e == null || !e.isJsonArray()) throw new BadInputException(where + ": '" + key + "' is missing or not a list");
		return e.getAsJsonArray();
	}

	static String string(final JsonObject m, final String key, final String where) {
		final JsonElement e = m.get(key);
		if (e == null || !e.isJsonPrimitive()) throw new BadInputException(where + ": '" + key + "' is missing");
		return e.getAsString();
	}

	static long[] longs(final JsonObject m, final String key, final String where) {
		final JsonArray a = array(m, key, where);
		final long[] out = new long[a.size()];
		for (int i = 0; i < out.length; i++) {
			final JsonElement e = a.get(i);
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
				throw new BadInputException(where + ": '" + key + "' holds " + e + ", not an integer");
			out[i] = e.getAsLong();
		}
		return out;
	}

	static int[] ints(final JsonObject m, final String key, final String where) {
		final long[] l = longs(m, key, where);
		final int[] out = new int[l.length];
		for (int i = 0; i < l.length; i++) {
			if (l[i] > Integer.MAX_VALUE) throw new BadInputException(where + ": '" + key + "' value " + l[i] + " is too large");
			out[i] = (int) l[i];
		}
		return out;
	}

	/** A JSON primitive as a Java Number, Boolean or String; null for JSON null or a missing value. */
	static Object plain(final JsonElement e) {
		if (e == null || e.isJsonNull()) return null;
		if (!e.isJsonPrimitive()) return e.toString();
		final JsonPrimitive p = e.getAsJsonPrimitive();
		if (p.isNumber()) return p.getAsDouble();
		if (p.isBoolean()) return p.getAsBoolean();
		return p.getAsString();
	}

	/** Pretty JSON of a Map/List tree. */
	static String toJson(final Object tree) {
		return new com.google.gson.GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().serializeSpecialFloatingPointValues()
				.create().toJson(tree);
	}
}
