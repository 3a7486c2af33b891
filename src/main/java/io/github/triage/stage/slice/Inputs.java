package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;

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
		return problems.read(file, "slice_config", SliceConfigFiles::read);
	}

	/** The shifts in {@code file}, or null (and a problem) when it is missing or malformed. */
	static ShiftsTable shifts(final Problems problems, final Path file) throws IOException {
		return problems.read(file, "shifts file", SliceConfigFiles::readShifts);
	}
}
