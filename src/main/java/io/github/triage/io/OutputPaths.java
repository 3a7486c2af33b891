package io.github.triage.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import io.github.triage.BadInputException;

/**
 * Where an output really goes. Symbolic links are followed to their final target (the link stays a link and its
 * target gets the new content); a link loop, or anything there that is not a regular file (or a folder, for folder
 * outputs) such as {@code /dev/null} or a FIFO, is refused as bad input naming the path, before anything is written.
 * A dangling link is written through: its target is created, provided the target's folder exists.
 */
final class OutputPaths {
	/** Links followed before calling it a loop, as Linux does (MAXSYMLINKS). */
	private static final int MAX_LINKS = 40;

	private OutputPaths() {
	}

	/** The real path of an output file: its folder resolved, links followed, and a regular file or nothing. */
	static Path file(final Path target) throws IOException {
		final Path p = follow(target);
		if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
			throw new BadInputException(name(target, p) + " is not a regular file; refusing to replace it");
		return p;
	}

	/** The real path of an output folder: links followed, and a folder or nothing. */
	static Path folder(final Path target) throws IOException {
		final Path p = follow(target);
		if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
			throw new BadInputException(name(target, p) + " is not a folder; refusing to replace it");
		return p;
	}

	private static Path follow(final Path target) throws IOException {
		Path p = target.toAbsolutePath();
		if (p.getFileName() == null) throw new BadInputException(target + " names no file");
		boolean linked = false;
		for (int hops = 0;; hops++) {
			final Path dir = realFolder(p.getParent(), target);
			p = dir.resolve(p.getFileName());
			if (!Files.isSymbolicLink(p)) break;
			if (hops == MAX_LINKS) throw loop(target);
			linked = true;
			p = dir.resolve(Files.readSymbolicLink(p));
			if (p.getFileName() == null) throw new BadInputException(target + " is a link to " + p + ", not a file");
		}
		if (linked && !Files.isDirectory(p.getParent()))
			throw new BadInputException(target + " is a link to " + p + ", whose folder does not exist");
		return p;
	}

	/** The real path of a folder; the part that does not exist yet is kept as named (it will be created). */
	private static Path realFolder(final Path dir, final Path target) throws IOException {
		final Deque<Path> missing = new ArrayDeque<>();
		Path d = dir;
		while (d != null) {
			try {
				Path real = d.toRealPath();
				if (!missing.isEmpty() && !Files.isDirectory(real))
					throw new BadInputException(target + ": " + d + " is not a folder");
				for (final Path name : missing)
					real = real.resolve(name);
				return real;
			}
			catch (final NoSuchFileException e) {
				missing.push(d.getFileName());
				d = d.getParent();
			}
			catch (final FileSystemException e) {
				if (e.getReason() != null && e.getReason().contains("symbolic links")) throw loop(target);
				throw e;
			}
		}
		return dir;
	}

	private static BadInputException loop(final Path target) {
		return new BadInputException(target + ": too many levels of symbolic links (a link loop?)");
	}

	private static String name(final Path target, final Path real) {
		return Files.isSymbolicLink(target) ? target + " (a link to " + real + ")" : target.toString();
	}
}
