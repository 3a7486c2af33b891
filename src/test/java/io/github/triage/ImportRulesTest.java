package io.github.triage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, read from the sources' imports (and fully qualified names): the core knows
 * no files, formats, stages, faces or GUI; io knows no stages or faces; stages know no faces. Each failure names
 * the file and what it must not use.
 */
class ImportRulesTest {
	private static final Path MAIN = Path.of("src/main/java/io/github/triage");
	private static final List<String> CORE = List.of("slice", "galvo", "quality", "cavg", "stack", "ops", "report");
	private static final String FACES = "io\\.github\\.triage\\.(cli|commands|demo|bench)\\b";

	/** What the core must not reach: our io/stage/faces, files, formats, ImageJ 1.x and GUI toolkits. */
	private static final Pattern CORE_FORBIDDEN = Pattern.compile("\\b(io\\.github\\.triage\\.(io|stage|cli|commands"
			+ "|demo|bench)\\b|java\\.nio\\.file\\b|java\\.io\\.File\\w*\\b|java\\.io\\.RandomAccessFile\\b|ij\\.\\w"
			+ "|java\\.awt\\b|javax\\.swing\\b|javax\\.imageio\\b|org\\.scijava\\.ui\\b|org\\.apache\\.commons\\.csv\\b"
			+ "|com\\.google\\.gson\\b)");
	private static final Pattern IO_FORBIDDEN = Pattern.compile("\\bio\\.github\\.triage\\.(stage|cli|commands|demo|bench)\\b");
	private static final Pattern STAGE_FORBIDDEN = Pattern.compile("\\b" + FACES + "|\\bij\\.gui\\b|\\bjava\\.awt\\.(Window|Frame|Dialog)\\b|\\bjavax\\.swing\\b");

	@Test
	void coreKnowsNoFilesFormatsStagesFacesOrGui() throws IOException {
		final List<String> bad = new ArrayList<>();
		for (final String pkg : CORE)
			check(MAIN.resolve(pkg), CORE_FORBIDDEN, bad);
		assertTrue(bad.isEmpty(), "core packages must stay pure:\n" + String.join("\n", bad));
	}

	@Test
	void ioKnowsNoStagesOrFaces() throws IOException {
		final List<String> bad = new ArrayList<>();
		check(MAIN.resolve("io"), IO_FORBIDDEN, bad);
		assertTrue(bad.isEmpty(), "io must not use stages or faces:\n" + String.join("\n", bad));
	}

	@Test
	void stagesKnowNoFaces() throws IOException {
		final List<String> bad = new ArrayList<>();
		check(MAIN.resolve("stage"), STAGE_FORBIDDEN, bad);
		assertTrue(bad.isEmpty(), "stages must not use faces or GUI:\n" + String.join("\n", bad));
	}

	@Test
	void ruleCatchesAForbiddenImport() {
		// the rules themselves: a test that could never fail would prove nothing
		assertTrue(CORE_FORBIDDEN.matcher("import java.nio.file.Path;").find());
		assertTrue(CORE_FORBIDDEN.matcher("import io.github.triage.io.AtomicFiles;").find());
		assertTrue(CORE_FORBIDDEN.matcher("ij.ImagePlus imp").find());
		assertTrue(CORE_FORBIDDEN.matcher("import java.io.File;").find());
		assertTrue(!CORE_FORBIDDEN.matcher("import java.io.IOException;").find());
		assertTrue(!CORE_FORBIDDEN.matcher("import io.github.triage.iox.Foo;").find());
		assertTrue(IO_FORBIDDEN.matcher("import io.github.triage.stage.Stage;").find());
	}

	private static void check(final Path dir, final Pattern forbidden, final List<String> bad) throws IOException {
		if (!Files.isDirectory(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
				final List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					final String line = stripComment(lines.get(i));
					final Matcher m = forbidden.matcher(line);
					if (m.find()) bad.add(f + ":" + (i + 1) + ": " + m.group());
				}
			}
		}
	}

	/** Code only: javadoc and line comments may name anything. */
	private static String stripComment(final String line) {
		final String t = line.trim();
		if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) return "";
		final int c = line.indexOf("//");
		return c >= 0 ? line.substring(0, c) : line;
	}
}
