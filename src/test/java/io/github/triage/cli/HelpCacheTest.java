package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The cached top-level help is what picocli prints, and is printed only for the help's own arguments. */
class HelpCacheTest {
	@TempDir
	Path dir;

	@AfterEach
	void clear() {
		System.clearProperty(HelpCache.PROPERTY);
	}

	private static String picocli(final String... args) {
		final StringWriter s = new StringWriter();
		final CommandLine cl = TriageCli.commandLine(args);
		cl.setOut(new PrintWriter(s));
		assertEquals(0, cl.execute(args));
		return s.toString();
	}

	@Test
	void cacheIsWhatPicocliPrintsForHelpAndForNoArguments() throws Exception {
		final Path file = dir.resolve("help.txt");
		HelpCache.write(file);
		final String cached = Files.readString(file);
		assertTrue(cached.startsWith("Usage: triage"), cached);
		assertTrue(cached.contains("microchunk"), "every command is listed");
		assertEquals(picocli("--help"), cached);
		assertEquals(picocli("-h"), cached);
		assertEquals(picocli(), cached);
	}

	@Test
	void printsTheCacheOnlyForTheHelpsArguments() throws Exception {
		final Path file = dir.resolve("help.txt");
		HelpCache.write(file);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertFalse(HelpCache.print(new String[] { "--help" }, out), "no property: picocli prints");
		System.setProperty(HelpCache.PROPERTY, file.toString());
		for (final String[] other : new String[][] { { "cavg", "--help" }, { "--version" }, { "--help", "x" }, { "help" } })
			assertFalse(HelpCache.print(other, out), String.join(" ", other));
		assertEquals(0, out.size());
		assertTrue(HelpCache.print(new String[] { "--help" }, out));
		assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
		out.reset();
		assertTrue(HelpCache.print(new String[0], out));
		assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
	}

	@Test
	void aMissingEmptyOrNonAsciiCacheLeavesItToPicocli() throws Exception {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setProperty(HelpCache.PROPERTY, dir.resolve("none.txt").toString());
		assertFalse(HelpCache.print(new String[] { "--help" }, out));
		final Path empty = Files.createFile(dir.resolve("empty.txt"));
		System.setProperty(HelpCache.PROPERTY, empty.toString());
		assertFalse(HelpCache.print(new String[] { "--help" }, out));
		final Path accented = Files.write(dir.resolve("accented.txt"), "Usage: 1.5 Å\n".getBytes(StandardCharsets.UTF_8));
		System.setProperty(HelpCache.PROPERTY, accented.toString());
		assertFalse(HelpCache.print(new String[] { "--help" }, out));
		assertEquals(0, out.size());
	}
}
