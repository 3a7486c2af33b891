package io.github.triage.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/** Where the packaged build lies, for the integration tests (*IT) that run after {@code mvn package}. */
final class BuiltArtifacts {

	private BuiltArtifacts() {}

	/** The project root: surefire runs tests with the module's base directory as working directory. */
	static Path root() {
		final Path dir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
		assertTrue(Files.isRegularFile(dir.resolve("pom.xml")), "no pom.xml in " + dir);
		return dir;
	}

	static Path target() {
		return root().resolve("target");
	}

	/** The version Maven just packaged (written by the jar plugin). */
	static String version() throws IOException {
		final Path props = target().resolve("maven-archiver/pom.properties");
		assertTrue(Files.isRegularFile(props), props + " missing: run the *IT tests after `mvn package`");
		final Properties p = new Properties();
		try (InputStream in = Files.newInputStream(props)) {
			p.load(in);
		}
		return p.getProperty("version");
	}

	/** The plugin jar that goes to Fiji (not the -clij-compat one). */
	static Path pluginJar() throws IOException {
		final Path jar = target().resolve("Triage_-" + version() + ".jar");
		assertTrue(Files.isRegularFile(jar), jar + " missing: run the *IT tests after `mvn package`");
		return jar;
	}
}
