package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Per-slice (or per-class) JSON diagnostics: the raw numbers behind a decision, which the audit CSVs
 * deliberately leave out. Any map/list/number/string tree or plain object serialises; NaN and infinities are
 * written as JSON-compatible values by Gson's lenient mode.
 */
public final class JsonDiagnostics {
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
			.disableHtmlEscaping().create();

	private JsonDiagnostics() {
	}

	public static String toJson(final Object value) {
		return GSON.toJson(value);
	}

	public static void write(final Path target, final Object value) throws IOException {
		AtomicFiles.writeString(target, toJson(value) + "\n");
	}
}
