package io.github.triage.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Two output trees with the same files, byte for byte (the check of every {@code --threads} test). */
public final class SameFiles {
	private SameFiles() {
	}

	public static void assertSameTree(final Path a, final Path b) throws IOException {
		final List<Path> fa = files(a), fb = files(b);
		assertEquals(fa, fb, "the same files");
		for (final Path f : fa)
			assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
	}

	private static List<Path> files(final Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}
}
