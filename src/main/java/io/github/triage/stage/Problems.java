package io.github.triage.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.io.InputFiles;

/**
 * Collects every problem a stage finds in its inputs before it writes anything, so that the user learns all of
 * them at once (as Scipion's {@code _validate()} does), then throws one {@link BadInputException}.
 */
public final class Problems {
	private final List<String> problems = new ArrayList<>();

	/** Records {@code message} when {@code ok} is false. */
	public Problems check(final boolean ok, final String message) {
		if (!ok) problems.add(message);
		return this;
	}

	/** Records a problem. */
	public Problems add(final String message) {
		problems.add(message);
		return this;
	}

	/** The file must exist and be a regular file (links followed). */
	public Problems requireFile(final Path file, final String what) {
		if (file == null) problems.add(what + ": not given");
		else {
			final String problem = InputFiles.problem(file, what);
			if (problem != null) problems.add(problem);
		}
		return this;
	}

	/** The folder must exist. */
	public Problems requireFolder(final Path dir, final String what) {
		if (dir == null) problems.add(what + ": not given");
		else if (!Files.isDirectory(dir)) problems.add(dir + ": " + what + " is not a folder");
		return this;
	}

	/** An output folder, when it is there already, must be a folder (not a file). */
	public Problems requireOutputFolder(final Path dir, final String what) {
		if (dir != null && Files.exists(dir) && !Files.isDirectory(dir))
			problems.add(dir + ": " + what + " is a file, not a folder");
		return this;
	}

	/** An output file must be given and must not be a folder. */
	public Problems requireOutputFile(final Path file, final String what) {
		if (file == null) problems.add(what + ": not given");
		else if (Files.isDirectory(file)) problems.add(file + ": " + what + " is a folder, not a file");
		return this;
	}

	/** Reads a file's content; malformed content is reported as a {@link BadInputException}. */
	public interface Reader<T> {
		T read(Path file) throws IOException;
	}

	/**
	 * What {@code reader} reads from {@code file}, or null when the file is not given or malformed (one more problem,
	 * naming the file, line and column as the reader does).
	 */
	public <T> T read(final Path file, final String what, final Reader<T> reader) throws IOException {
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

	/** Runs {@code check}; a {@link BadInputException} it throws becomes one more problem. */
	public Problems attempt(final Runnable check) {
		try {
			check.run();
		}
		catch (final BadInputException e) {
			problems.add(e.getMessage());
		}
		return this;
	}

	public List<String> list() {
		return List.copyOf(problems);
	}

	/** Throws one {@link BadInputException} naming every problem, one per line, when there is any. */
	public void throwIfAny() {
		if (problems.isEmpty()) return;
		if (problems.size() == 1) throw new BadInputException(problems.get(0));
		throw new BadInputException(problems.size() + " problems:\n  " + String.join("\n  ", problems));
	}
}
