package io.github.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.triage.stage.stream.Durations;

/**
 * The faces' parameters as docs/architecture.md describes them: declared only in src/main/faces/*.json (no annotated
 * parameter field left in a face's Java source), every described field present in its face with the annotation
 * the description asks for, and a parameter that two faces share starting from the same default in both.
 */
class FacesDescriptionTest {
	private static final Path FACES = Path.of("src/main/faces");
	private static final Path MAIN = Path.of("src/main/java/io/github/triage");
	/** A parameter annotation at the start of a line. */
	private static final Pattern ANNOTATION = Pattern.compile("(?m)^\\s*@(Option|Parameters|Mixin|ArgGroup|Parameter)\\b");

	@Test
	void noFaceDeclaresItsParametersInJava() throws IOException {
		final List<String> bad = new ArrayList<>();
		for (final String pkg : List.of("cli", "commands"))
			try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
				for (final Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
					if (f.getFileName().toString().equals("TriageCommand.java")) continue; // services, not parameters
					final String text = Files.readString(f);
					final var m = ANNOTATION.matcher(text);
					while (m.find()) {
						final String declaration = declaration(text, m.end());
						// a method (ThreadsOption validates in a setter) is not a field
						if (!declaration.contains("(")) bad.add(f + ": @" + m.group(1) + " " + declaration);
					}
				}
			}
		assertTrue(bad.isEmpty(), "describe these in src/main/faces/*.json instead:\n" + String.join("\n", bad));
	}

	@Test
	void everyDescribedFieldIsInItsFace() throws Exception {
		int fields = 0;
		for (final JsonObject doc : descriptions())
			for (final Map.Entry<String, JsonElement> face : doc.getAsJsonObject("faces").entrySet())
				for (final JsonElement p : doc.getAsJsonArray("params")) {
					final JsonObject e = p.getAsJsonObject();
					if (!e.has(face.getKey())) continue;
					final Field f = field(face, e);
					final boolean picocli = picocli(face);
					final String ann = picocli ? picocliAnnotation(e.getAsJsonObject(face.getKey()))
							: "org.scijava.plugin.Parameter";
					assertTrue(java.util.Arrays.stream(f.getAnnotations())
							.anyMatch(a -> a.annotationType().getName().replace('$', '.').equals(ann)),
							f + " is not annotated @" + ann);
					fields++;
				}
		assertTrue(fields > 250, "only " + fields + " described fields found");
	}

	@Test
	void sharedParametersStartFromTheSameDefault() throws Exception {
		int compared = 0;
		for (final JsonObject doc : descriptions()) {
			final JsonObject faces = doc.getAsJsonObject("faces");
			for (final JsonElement p : doc.getAsJsonArray("params")) {
				final JsonObject e = p.getAsJsonObject();
				if (faces.keySet().stream().filter(e::has).count() < 2) continue;
				final List<Object> values = new ArrayList<>();
				final List<String> where = new ArrayList<>();
				for (final Map.Entry<String, JsonElement> face : faces.entrySet()) {
					if (!e.has(face.getKey())) continue;
					final Field f = field(face, e);
					final Object v = f.get(instance(face));
					if (v == null) continue; // no default on this face (a required option, "not given")
					values.add(normalise(v));
					where.add(face.getKey() + "." + f.getName());
				}
				if (values.size() < 2) continue;
				compared++;
				for (int i = 1; i < values.size(); i++)
					assertEquals(values.get(0), values.get(i), where.get(0) + " and " + where.get(i) + " differ");
			}
		}
		assertTrue(compared >= 20, "only " + compared + " shared defaults compared");
	}

	/** What follows an annotation: its arguments skipped (strings and nested parentheses too), up to ';' or '{'. */
	private static String declaration(final String text, int i) {
		while (Character.isWhitespace(text.charAt(i))) i++;
		if (text.charAt(i) == '(') {
			int depth = 0;
			boolean quoted = false;
			for (;; i++) {
				final char c = text.charAt(i);
				if (quoted) {
					if (c == '\\') i++;
					else if (c == '"') quoted = false;
				}
				else if (c == '"') quoted = true;
				else if (c == '(') depth++;
				else if (c == ')' && --depth == 0) break;
			}
			i++;
		}
		int end = i;
		while (text.charAt(end) != ';' && text.charAt(end) != '{') end++;
		return text.substring(i, end).strip().replaceAll("\\s+", " ");
	}

	/** A default as a person reads it: numbers by value, choices by their word, files and durations as text. */
	private static Object normalise(final Object v) {
		if (v instanceof Number n) return n.doubleValue();
		if (v instanceof Enum<?> en) return en.name().toLowerCase(Locale.ROOT).replace('_', '-');
		if (v instanceof Duration d) return Durations.format(d);
		if (v instanceof File || v instanceof Path) return v.toString();
		if (v instanceof Collection<?> c && c.isEmpty()) return "";
		return v instanceof String || v instanceof Boolean ? v : v.getClass().getName(); // mixins: by class
	}

	private static List<JsonObject> descriptions() throws IOException {
		final List<JsonObject> out = new ArrayList<>();
		try (Stream<Path> files = Files.list(FACES)) {
			for (final Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList())
				out.add(JsonParser.parseString(Files.readString(f)).getAsJsonObject());
		}
		assertTrue(out.size() >= 5, "no face descriptions in " + FACES);
		return out;
	}

	private static boolean picocli(final Map.Entry<String, JsonElement> face) {
		return face.getValue().getAsJsonObject().get("class").getAsString().startsWith("io.github.triage.cli.");
	}

	private static String picocliAnnotation(final JsonObject e) {
		final String a = flag(e, "mixin") ? "Mixin" : flag(e, "group") ? "ArgGroup"
				: flag(e, "positional") ? "Parameters" : "Option";
		return "picocli.CommandLine." + a;
	}

	private static boolean flag(final JsonObject e, final String key) {
		return e.has(key) && e.get(key).getAsBoolean();
	}

	/** The face's concrete class: its key names it in the face's package ({@code OctCli.Run}). */
	private static Class<?> concrete(final Map.Entry<String, JsonElement> face) throws ClassNotFoundException {
		final String generated = face.getValue().getAsJsonObject().get("class").getAsString();
		final String pkg = generated.substring(0, generated.lastIndexOf('.'));
		return Class.forName(pkg + "." + face.getKey().replace('.', '$'));
	}

	private static Object instance(final Map.Entry<String, JsonElement> face) throws Exception {
		final Constructor<?> c = concrete(face).getDeclaredConstructor();
		c.setAccessible(true);
		return c.newInstance();
	}

	private static Field field(final Map.Entry<String, JsonElement> face, final JsonObject e) throws Exception {
		final JsonObject fe = e.getAsJsonObject(face.getKey());
		final String name = e.get("name").getAsString();
		final String field = fe.has("field") ? fe.get("field").getAsString() : picocli(face) ? camel(name) : name;
		for (Class<?> c = concrete(face); c != null; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields())
				if (f.getName().equals(field) && !Modifier.isStatic(f.getModifiers())) {
					f.setAccessible(true);
					return f;
				}
		throw new AssertionError(face.getKey() + " has no field " + field);
	}

	private static String camel(final String s) {
		return Pattern.compile("_(.)").matcher(s).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
	}
}
