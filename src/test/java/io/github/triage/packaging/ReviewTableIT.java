package io.github.triage.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Review command with real windows (under xvfb-run): the table round trip (a config shown as a table, use/notes
 * cells edited, saved back through {@code from_table}) and the interactive dialog. Only the edited cells change.
 */
class ReviewTableIT {

	@TempDir
	Path tmp;

	@Test
	void editedTableIsSavedBackThroughTheSliceModule() throws Exception {
		final Path config = specExample();
		final List<String> expected = new ArrayList<>(Files.readAllLines(config));
		expected.set(3, "02,true,0.198,0.756,true,false,,false,,true,false,zmorph,,Motion artifact — interpolated");
		expected.set(7, "05,true,0.834,0.923,true,false,,false,,false,false,,,fine");
		final String out = runChild(ReviewTableChild.class, config);
		assertTrue(out.contains("saved"), out);
		assertEquals(expected, Files.readAllLines(config));
	}

	@Test
	void interactiveReviewShowsTheTableAndSavesTheDialogsEdits() throws Exception {
		final Path config = specExample();
		final List<String> expected = new ArrayList<>(Files.readAllLines(config));
		expected.set(4, "07,false,0.092,0.612,false,false,,false,,false,true,,low_overlap_ncc,gap, checked"
			.replace("gap, checked", "\"gap, checked\""));
		// unticking 'use' in the dialog is a change by hand: the note says so, with the date
		expected.set(5, "03,false,0.756,0.512,false,true,true,false,,false,false,,,rehomed after tile-column expansion; "
			+ "use=false by hand on " + java.time.LocalDate.now());
		final String out = runChild(ReviewDialogChild.class, config);
		assertTrue(out.contains("table shown: true"), out);
		assertTrue(out.contains("saved"), out);
		assertEquals(expected, Files.readAllLines(config));
	}

	/** Whether xvfb-run is on the PATH (the window tests need it). */
	static boolean haveXvfb() {
		return Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch(d -> Files.isExecutable(Paths.get(d, "xvfb-run")));
	}

	private Path specExample() throws Exception {
		assumeTrue(haveXvfb(),
			"xvfb-run is not installed: SKIPPING the table window and dialog tests (bin/test installs xvfb)");
		final Path config = tmp.resolve("slice_config.csv");
		try (InputStream in = getClass().getResourceAsStream("/commands/spec_example.csv")) {
			Files.copy(in, config);
		}
		return config;
	}

	private String runChild(final Class<?> main, final Path config) throws Exception {
		return runChild(tmp, main, config.toString());
	}

	/** Runs {@code main} in a JVM under xvfb-run with the test and main classes and target/lib; its output. */
	static String runChild(final Path tmp, final Class<?> main, final String... args) throws Exception {
		final Path target = BuiltArtifacts.target();
		final List<String> cp = new ArrayList<>(List.of(target.resolve("test-classes").toString(),
			target.resolve("classes").toString()));
		try (Stream<Path> s = Files.list(target.resolve("lib"))) {
			cp.addAll(s.map(Path::toString).sorted().collect(Collectors.toList()));
		}
		final List<String> cmd = new ArrayList<>(List.of("timeout", "120", "xvfb-run", "-a",
			Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Duser.home=" + tmp,
			"-cp", String.join(File.pathSeparator, cp), main.getName()));
		cmd.addAll(List.of(args));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(150, TimeUnit.SECONDS), "child did not exit");
		assertEquals(0, p.exitValue(), out);
		return out;
	}
}
