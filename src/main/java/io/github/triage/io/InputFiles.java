package io.github.triage.io;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triage.BadInputException;

/** The check every reader makes first: the input is a file that is there (a folder given for a file is named so). */
public final class InputFiles {
	private InputFiles() {
	}

	/**
	 * What is wrong with {@code file} as an input file (links followed), or null when it is a regular file;
	 * {@code what} (may be null) names its role in the message.
	 */
	public static String problem(final Path file, final String what) {
		if (Files.isRegularFile(file)) return null;
		final String role = what == null ? "" : " " + what;
		return file + ":" + role + (Files.isDirectory(file) ? " is a folder, not a file"
				: what == null ? " no such file" : " not found");
	}

	/** Throws naming {@code file} unless it is a regular file (links followed). */
	public static void requireFile(final Path file) {
		final String problem = problem(file, null);
		if (problem != null) throw new BadInputException(problem);
	}
}
