package io.github.triage.slice;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources as paths. */
public final class TestFiles {
	private TestFiles() {
	}

	public static Path resource(final String name) {
		try {
			final var url = TestFiles.class.getResource("/" + name);
			if (url == null) throw new IllegalStateException("missing test resource " + name);
			return Path.of(url.toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
