package io.github.triage.io;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triage.BadInputException;

/** The check every reader makes first: the input is a file that is there (a folder given for a file is named so). */
public final class InputFiles {
	private InputFiles() {
	}

	/** Throws naming {@code file} unless it is a regular file (links followed). */
	public static void requireFile(final Path file) {
		if (Files.isRegularFile(file)) return;
		throw new BadInputException(file + (Files.isDirectory(file) ? ": is a folder, not a file" : ": no such file"));
	}
}
