package io.github.triage.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs update-site/assemble.sh on the packaged jar and checks the Fiji update-site layout it makes. */
class UpdateSiteIT {

	/** Jars Fiji or the CLIJ/CLIJ2 update sites provide: shipping our copies would shadow theirs. */
	private static final List<String> FIJI_PROVIDED = List.of("ij", "scijava-common", "imglib2", "clij2_", "clij_",
		"clij-core", "clij-clearcl", "clij-coremem", "jocl", "commons-csv", "gson", "JTransforms", "JLargeArrays");

	@Test
	void assemblesPluginJarAndOnlyTheDependenciesFijiLacks(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("site");
		// A jar left from an older assembly must not survive a new one.
		Files.createDirectories(out.resolve("jars"));
		Files.writeString(out.resolve("jars/stale-0.1.jar"), "old");

		final ProcessBuilder pb = new ProcessBuilder("bash",
			BuiltArtifacts.root().resolve("update-site/assemble.sh").toString(), out.toString())
			.directory(BuiltArtifacts.root().toFile()).redirectErrorStream(true);
		final String repo = System.getProperty("triage.maven.repo");
		if (repo != null && !repo.isBlank()) pb.environment().put("MVN_ARGS", "-Dmaven.repo.local=" + repo);
		final Process p = pb.start();
		final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), "assemble.sh timed out");
		assertEquals(0, p.exitValue(), "assemble.sh failed:\n" + log);

		// plugins/: exactly the plugin jar, byte for byte, with plugins.config and without the compat classes.
		final List<String> plugins = names(out.resolve("plugins"));
		final Path pluginJar = BuiltArtifacts.pluginJar();
		assertEquals(List.of(pluginJar.getFileName().toString()), plugins);
		assertArrayEquals(Files.readAllBytes(pluginJar), Files.readAllBytes(out.resolve("plugins").resolve(plugins.get(0))));
		try (JarFile jar = new JarFile(out.resolve("plugins").resolve(plugins.get(0)).toFile())) {
			assertNotNull(jar.getEntry("plugins.config"), "plugins.config missing from the plugin jar");
			assertNotNull(jar.getEntry("META-INF/json/org.scijava.plugin.Plugin"), "SciJava plugin index missing");
			assertNull(jar.getEntry("net/imagej/ImageJService.class"), "compat stand-in shipped to Fiji");
			assertNull(jar.getEntry("fiji/util/gui/GenericDialogPlus.class"), "compat stand-in shipped to Fiji");
			// The demo, its synthetic data and the benchmarks are CLI-only (the -cli jar).
			final List<String> cliOnly = jar.stream().map(e -> e.getName())
					.filter(n -> n.startsWith("io/github/triage/demo/") || n.startsWith("io/github/triage/bench/"))
					.collect(Collectors.toList());
			assertEquals(List.of(), cliOnly, "demo/bench classes in the plugin jar");
		}
		final Path cliJar = BuiltArtifacts.target().resolve("Triage_-" + BuiltArtifacts.version() + "-cli.jar");
		try (JarFile jar = new JarFile(cliJar.toFile())) {
			assertNotNull(jar.getEntry("io/github/triage/demo/DemoCli.class"), "demo missing from the -cli jar");
			assertNotNull(jar.getEntry("io/github/triage/bench/BenchCli.class"), "bench missing from the -cli jar");
			assertNull(jar.getEntry("io/github/triage/cli/TriageCli.class"), "the -cli jar holds only demo and bench");
		}
		try (Stream<Path> all = Files.walk(out)) {
			assertTrue(all.map(f -> f.getFileName().toString())
					.noneMatch(n -> n.contains("clij-compat") || n.endsWith("-cli.jar")), "compat or -cli jar in the site");
		}

		// jars/: what Triage needs at run time and Fiji lacks; nothing Fiji or the CLIJ sites provide.
		final List<String> jars = names(out.resolve("jars"));
		assertFalse(jars.contains("stale-0.1.jar"), "stale jar survived: " + jars);
		for (final String needed : List.of("picocli"))
			assertTrue(jars.stream().anyMatch(j -> isArtifact(j, needed)), needed + " missing from jars/: " + jars);
		for (final String provided : FIJI_PROVIDED)
			assertTrue(jars.stream().noneMatch(j -> isArtifact(j, provided)), provided + " must not be in jars/: " + jars);
		for (final String ga : Files.readAllLines(BuiltArtifacts.root().resolve("update-site/fiji-ships.txt"))) {
			if (ga.isBlank() || ga.startsWith("#")) continue;
			final String artifact = ga.trim().substring(ga.trim().indexOf(':') + 1);
			assertTrue(jars.stream().noneMatch(j -> isArtifact(j, artifact)), artifact + " (Fiji ships it) in jars/: " + jars);
		}
		assertTrue(jars.stream().allMatch(j -> j.endsWith(".jar")), "non-jar in jars/: " + jars);
	}

	/** "picocli-4.7.7.jar" is artifact picocli; "clij2_-2.5.3.1.jar" is clij2_; "ij-1.54p.jar" is ij, not "ij-foo". */
	private static boolean isArtifact(final String fileName, final String artifactId) {
		return fileName.matches(java.util.regex.Pattern.quote(artifactId) + "-[0-9].*\\.jar");
	}

	private static List<String> names(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
