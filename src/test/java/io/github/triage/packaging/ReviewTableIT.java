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
 * The Review command's table round trip with a real table window (under xvfb-run): a config shown as a table,
 * use/notes cells edited, saved back through {@code from_table}. Only those two cells change in the file.
 */
class ReviewTableIT {

	@Test
	void editedTableIsSavedBackThroughTheSliceModule(@TempDir final Path tmp) throws Exception {
		assumeTrue(Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch(d -> Files.isExecutable(Paths.get(d, "xvfb-run"))),
			"xvfb-run is not installed: SKIPPING the table window round trip (bin/test installs xvfb)");
		final Path config = tmp.resolve("slice_config.csv");
		try (InputStream in = getClass().getResourceAsStream("/commands/spec_example.csv")) {
			Files.copy(in, config);
		}
		final List<String> expected = new ArrayList<>(Files.readAllLines(config));
		expected.set(3, "02,true,0.198,0.756,true,false,,false,,true,false,zmorph,,Motion artifact — interpolated");
		expected.set(7, "05,true,0.834,0.923,true,false,,false,,false,false,,,fine");

		final Path target = BuiltArtifacts.target();
		final List<String> cp = new ArrayList<>(List.of(target.resolve("test-classes").toString(),
			target.resolve("classes").toString()));
		try (Stream<Path> s = Files.list(target.resolve("lib"))) {
			cp.addAll(s.map(Path::toString).sorted().collect(Collectors.toList()));
		}
		final List<String> cmd = List.of("timeout", "120", "xvfb-run", "-a",
			Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Duser.home=" + tmp,
			"-cp", String.join(File.pathSeparator, cp), ReviewTableChild.class.getName(), config.toString());
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(150, TimeUnit.SECONDS), "child did not exit");
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains("saved"), out);
		assertEquals(expected, Files.readAllLines(config));
	}
}
