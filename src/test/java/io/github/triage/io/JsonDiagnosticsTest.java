package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same diagnostics give the same bytes, whatever the iteration order of the maps inside. */
class JsonDiagnosticsTest {
	private static final List<String> KEYS = List.of("ssim", "edge", "variance", "alpha", "kappa", "omega", "beta",
			"delta", "zeta", "gamma", "theta", "iota");

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mapOf(final List<String> keys) {
		final Map.Entry<String, Object>[] entries = keys.stream().map(k -> Map.entry(k, (Object) k.length()))
				.toArray(Map.Entry[]::new);
		return Map.ofEntries(entries);
	}

	private static Map<String, Object> diagnostics(final Map<String, Object> weights, final Set<String> flags) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("slice_id", "03");
		m.put("weights", weights);
		m.put("flags", flags);
		m.put("ssim", Double.NaN);
		m.put("missing", null);
		return m;
	}

	@Test
	void sameInputSameBytes(@TempDir final Path dir) throws Exception {
		final List<String> reversed = new ArrayList<>(KEYS);
		Collections.reverse(reversed);
		final Path a = dir.resolve("a.json"), b = dir.resolve("b.json"), c = dir.resolve("c.json");
		JsonDiagnostics.write(a, diagnostics(mapOf(KEYS), Set.of("x", "b", "q", "a", "m")));
		JsonDiagnostics.write(b, diagnostics(mapOf(reversed), Set.of("m", "a", "q", "b", "x")));
		JsonDiagnostics.write(c, diagnostics(new HashMap<>(mapOf(KEYS)), new java.util.HashSet<>(KEYS.subList(0, 5))));
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
		// unordered maps are written sorted: the output does not depend on this JVM's Map.of salt
		final String expected = JsonDiagnostics.toJson(diagnostics(new LinkedHashMap<>(new TreeMap<>(mapOf(KEYS))),
				new java.util.LinkedHashSet<>(List.of("a", "b", "m", "q", "x"))));
		assertEquals(expected + "\n", Files.readString(a));
		assertTrue(expected.indexOf("\"alpha\"") < expected.indexOf("\"beta\"")
				&& expected.indexOf("\"beta\"") < expected.indexOf("\"zeta\""), expected);
		assertTrue(Files.readString(c).contains("\"alpha\": 5,\n    \"beta\": 4,"));
	}

	@Test
	void orderedMapsKeepTheirOrderAndValuesTheirForm() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("z", 1);
		m.put("a", 0.5);
		m.put("n", Double.POSITIVE_INFINITY);
		m.put("s", "Å <b>");
		m.put("none", null);
		assertEquals("{\n  \"z\": 1,\n  \"a\": 0.5,\n  \"n\": Infinity,\n  \"s\": \"Å <b>\"\n}",
				JsonDiagnostics.toJson(m));
	}

	@Test
	void stampedPutsTheVersionAndTheDateFirstAndReadsBack() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("slice_id", "03");
		final String json = JsonDiagnostics.toJson(JsonDiagnostics.stamped("2026-01-02T03:04:05Z", m));
		assertTrue(json.indexOf("\"triage_version\"") < json.indexOf("\"date\"")
				&& json.indexOf("\"date\"") < json.indexOf("\"slice_id\""), json);
		final Map<String, Object> back = JsonDiagnostics.readObject(json);
		assertEquals(io.github.triage.Version.current(), back.get("triage_version"));
		assertEquals("2026-01-02T03:04:05Z", back.get("date"));
		assertEquals("2026-01-02T03:04:05Z", JsonDiagnostics.date("2026-01-02T03:04:05Z"));
		assertTrue(JsonDiagnostics.date(null).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*"));
	}
}
