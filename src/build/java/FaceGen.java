import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the parameter declarations of Triage's faces from {@code src/main/faces/*.json}: one file per stage family
 * describes each parameter once (its name, help text and default) with what each face adds (a picocli option's names
 * and label, a Fiji dialog's label, bounds and widget style). For each face it writes an abstract class of annotated
 * fields, {@code <Face>Fields}, that the hand-written command extends: picocli and SciJava read annotated fields of
 * superclasses as their own, so the CLI's {@code --help}, the Fiji dialog and the macro keys come out as if declared
 * in the command. Run by Maven before compiling ({@code java src/build/java/FaceGen.java IN_DIR OUT_DIR}); a file is
 * rewritten only when its text changes, so an unchanged build compiles nothing again.
 */
public final class FaceGen {
	/** Keys of a face's entry that are not annotation attributes. */
	private static final Set<String> OWN = Set.of("type", "field", "default", "help", "note", "mixin", "group",
			"positional", "output", "both");

	public static void main(final String[] args) throws IOException {
		final Path in = Path.of(args[0]), out = Path.of(args[1]);
		final Set<Path> written = new HashSet<>();
		try (Stream<Path> files = Files.list(in)) {
			for (final Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList())
				generate(f, out, written);
		}
		if (Files.isDirectory(out)) try (Stream<Path> old = Files.walk(out)) { // classes no longer described
			for (final Path p : old.filter(p -> p.toString().endsWith(".java") && !written.contains(p)).toList())
				Files.delete(p);
		}
	}

	@SuppressWarnings("unchecked")
	private static void generate(final Path file, final Path out, final Set<Path> written) throws IOException {
		final Map<String, Object> doc;
		try {
			doc = (Map<String, Object>) new Json(Files.readString(file, StandardCharsets.UTF_8)).value();
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
		}
		final Map<String, Object> faces = (Map<String, Object>) doc.get("faces");
		final List<Object> params = (List<Object>) doc.get("params");
		for (final Object o : params) { // a mistyped face or key would otherwise drop a parameter without a word
			final Map<String, Object> p = (Map<String, Object>) o;
			for (final String key : p.keySet())
				if (!faces.containsKey(key) && !Set.of("name", "help", "default").contains(key))
					throw new IllegalArgumentException(file + ": parameter " + p.get("name") + ": '" + key
							+ "' is neither name, help, default nor a face of " + faces.keySet());
		}
		for (final Map.Entry<String, Object> face : faces.entrySet()) {
			final Map<String, Object> f = (Map<String, Object>) face.getValue();
			final String fqn = (String) f.get("class");
			final String pkg = fqn.substring(0, fqn.lastIndexOf('.')), name = fqn.substring(pkg.length() + 1);
			final boolean picocli = pkg.endsWith(".cli");
			final Set<String> imports = new TreeSet<>((List<String>) f.getOrDefault("imports", List.of()));
			final StringBuilder body = new StringBuilder();
			for (final Object o : params) {
				final Map<String, Object> p = (Map<String, Object>) o;
				final Map<String, Object> e = (Map<String, Object>) p.get(face.getKey());
				if (e == null) continue;
				final String pname = (String) p.get("name");
				final String help = (String) e.getOrDefault("help", p.get("help"));
				final Object dflt = e.getOrDefault("default", p.get("default"));
				final String field = (String) e.getOrDefault("field", picocli ? camel(pname) : pname);
				final String note = (String) e.get("note");
				if (note != null) body.append("\t/** ").append(note).append(" */\n");
				final List<String> attrs = new ArrayList<>();
				final String ann;
				if (picocli) {
					if (Boolean.TRUE.equals(e.get("mixin"))) ann = "Mixin";
					else if (Boolean.TRUE.equals(e.get("group"))) ann = "ArgGroup";
					else ann = Boolean.TRUE.equals(e.get("positional")) ? "Parameters" : "Option";
					imports.add("picocli.CommandLine." + ann);
					if (ann.equals("Option") && !e.containsKey("names")) attrs.add("names = " + literal(option(pname)));
				}
				else {
					ann = "Parameter";
					imports.add("org.scijava.plugin.Parameter");
					if (Boolean.TRUE.equals(e.get("output")) || Boolean.TRUE.equals(e.get("both"))) {
						attrs.add(0, "type = ItemIO." + (Boolean.TRUE.equals(e.get("output")) ? "OUTPUT" : "BOTH"));
						imports.add("org.scijava.ItemIO");
					}
				}
				for (final Map.Entry<String, Object> a : e.entrySet())
					if (!OWN.contains(a.getKey())) attrs.add(a.getKey() + " = " + literal(a.getValue()));
				if (help != null) attrs.add("description = " + literal(help));
				body.append('\t').append('@').append(ann);
				if (!attrs.isEmpty()) body.append('(').append(String.join(", ", attrs)).append(')');
				body.append('\n').append('\t').append(e.get("type")).append(' ').append(field);
				if (dflt != null) body.append(" = ").append(dflt);
				body.append(";\n\n");
			}
			final StringBuilder src = new StringBuilder();
			src.append("// Generated by src/build/java/FaceGen.java from ").append(in(file))
					.append(": edit that file, not this one.\n");
			src.append("package ").append(pkg).append(";\n\n");
			for (final String i : imports) src.append("import ").append(i).append(";\n");
			src.append("\n/** The parameters of {@code ").append(face.getKey()).append("}, as ").append(in(file))
					.append(" describes them. */\n");
			src.append("abstract class ").append(name);
			if (f.get("extends") != null) src.append(" extends ").append(f.get("extends"));
			src.append(" {\n").append(body.toString().stripTrailing()).append("\n}\n");
			final Path target = out.resolve(pkg.replace('.', '/')).resolve(name + ".java");
			if (!written.add(target)) throw new IllegalArgumentException(file + ": " + fqn + " is described twice");
			Files.createDirectories(target.getParent());
			final String text = src.toString();
			if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(text))
				Files.writeString(target, text, StandardCharsets.UTF_8);
		}
	}

	private static String in(final Path file) {
		return "src/main/faces/" + file.getFileName();
	}

	/** A parameter's CLI option when its entry names none: {@code min_quality} → {@code --min-quality}. */
	static String option(final String name) {
		return "--" + name.replace('_', '-');
	}

	/** snake_case to camelCase: the CLI's field for a parameter's name. */
	static String camel(final String s) {
		return java.util.regex.Pattern.compile("_(.)").matcher(s).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
	}

	/** A JSON value as a Java annotation value: strings quoted, lists as arrays, {"java": X} as X. */
	@SuppressWarnings("unchecked")
	static String literal(final Object v) {
		if (v instanceof String s) {
			final StringBuilder b = new StringBuilder("\"");
			for (final char c : s.toCharArray()) {
				switch (c) {
					case '"' -> b.append("\\\"");
					case '\\' -> b.append("\\\\");
					case '\n' -> b.append("\\n");
					case '\t' -> b.append("\\t");
					case '\r' -> b.append("\\r");
					default -> {
						if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
						else b.append(c);
					}
				}
			}
			return b.append('"').toString();
		}
		if (v instanceof List<?> l) {
			final List<String> items = new ArrayList<>();
			for (final Object o : l) items.add(literal(o));
			return "{ " + String.join(", ", items) + " }";
		}
		if (v instanceof Map<?, ?> m && m.get("java") instanceof String j) return j;
		if (v instanceof Boolean || v instanceof Number) return String.valueOf(v);
		throw new IllegalArgumentException("cannot write " + v + " as an annotation value");
	}

	/** Just enough JSON: objects (ordered), arrays, strings, numbers as written, true, false, null. */
	static final class Json {
		private final String s;
		private int i;

		Json(final String s) {
			this.s = s;
		}

		Object value() {
			final Object v = next();
			ws();
			if (i != s.length()) throw error("text after the value");
			return v;
		}

		private Object next() {
			ws();
			if (i >= s.length()) throw error("unexpected end");
			final char c = s.charAt(i);
			if (c == '{') {
				i++;
				final Map<String, Object> m = new LinkedHashMap<>();
				ws();
				if (peek('}')) return m;
				do {
					ws();
					final String k = string();
					ws();
					expect(':');
					if (m.put(k, next()) != null) throw error("key \"" + k + "\" twice");
					ws();
				} while (peek(','));
				expect('}');
				return m;
			}
			if (c == '[') {
				i++;
				final List<Object> l = new ArrayList<>();
				ws();
				if (peek(']')) return l;
				do l.add(next()); while (peekWs(','));
				ws();
				expect(']');
				return l;
			}
			if (c == '"') return string();
			for (final String w : new String[] { "true", "false", "null" })
				if (s.startsWith(w, i)) {
					i += w.length();
					return w.equals("null") ? null : Boolean.valueOf(w);
				}
			final int start = i;
			while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
			if (start == i) throw error("unexpected '" + c + "'");
			return new java.math.BigDecimal(s.substring(start, i));
		}

		private String string() {
			expect('"');
			final StringBuilder b = new StringBuilder();
			while (true) {
				if (i >= s.length()) throw error("string not closed");
				final char c = s.charAt(i++);
				if (c == '"') return b.toString();
				if (c != '\\') {
					b.append(c);
					continue;
				}
				final char e = s.charAt(i++);
				switch (e) {
					case 'n' -> b.append('\n');
					case 't' -> b.append('\t');
					case 'r' -> b.append('\r');
					case 'b' -> b.append('\b');
					case 'f' -> b.append('\f');
					case 'u' -> {
						b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
						i += 4;
					}
					default -> b.append(e);
				}
			}
		}

		private void ws() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
		}

		private boolean peek(final char c) {
			if (i < s.length() && s.charAt(i) == c) {
				i++;
				return true;
			}
			return false;
		}

		private boolean peekWs(final char c) {
			ws();
			return peek(c);
		}

		private void expect(final char c) {
			if (!peek(c)) throw error("'" + c + "' expected");
		}

		private IllegalArgumentException error(final String what) {
			int line = 1, col = 1;
			for (int k = 0; k < Math.min(i, s.length()); k++) {
				if (s.charAt(k) == '\n') {
					line++;
					col = 1;
				}
				else col++;
			}
			return new IllegalArgumentException("line " + line + ", column " + col + ": " + what);
		}
	}
}
