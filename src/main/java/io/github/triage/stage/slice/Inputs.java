package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triage.BadInputException;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;

/** Reading the slice stages' inputs during validation: a file that cannot be used becomes one more problem. */
final class Inputs {
	private Inputs() {
	}

	/** The config in {@code file}, or null (and a problem naming file, line, column) when it is missing or malformed. */
	static SliceConfig config(final Problems problems, final Path file) throws IOException {
		return read(problems, file, "slice_config", SliceConfigFiles::read);
	}

	/** The shifts in {@code file}, or null (and a problem) when it is missing or malformed. */
	static ShiftsTable shifts(final Problems problems, final Path file) throws IOException {
		return read(problems, file, "shifts file", SliceConfigFiles::readShifts);
	}

	private interface Reader<T> {
		T read(Path file) throws IOException;
	}

	private static <T> T read(final Problems problems, final Path file, final String what, final Reader<T> reader)
			throws IOException {
		if (file == null) {
			problems.add(what + ": not given");
			return null;
		}
		try {
			return reader.read(file);
		}
		catch (final BadInputException e) {
			problems.add(e.getMessage());
			return null;
		}
	}

	/** An output path must be given and must not be a folder. */
	static void output(final Problems problems, final Path file, final String what) {
		if (file == null) problems.add(what + ": not given");
		else if (Files.isDirectory(file)) problems.add(file + ": " + what + " is a folder, not a file");
	}
}
