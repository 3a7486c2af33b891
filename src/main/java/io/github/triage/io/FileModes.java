package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Carries a replaced output's mode, group and owner over to the file that replaces it, so that rewriting a shared
 * {@code 664 root:users} config in place leaves it {@code 664 root:users}. New files and folders get the process
 * umask (they are created without explicit permissions), like the output of any other program.
 */
final class FileModes {
	private FileModes() {
	}

	/**
	 * Gives {@code to} the mode, group and owner of {@code from}. Owner and group are set where the process may (root,
	 * or a group it belongs to); otherwise the new file keeps the writer's, as for any program that replaces a file.
	 * No-op where the file system has no POSIX attributes.
	 */
	static void copy(final Path from, final Path to) throws IOException {
		final PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		final PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		if (src == null || dst == null) return;
		final PosixFileAttributes a = src.readAttributes();
		final PosixFileAttributes b = dst.readAttributes();
		// Owner and group first: changing them may clear set-id bits, which the mode below restores.
		try {
			if (!a.owner().equals(b.owner())) dst.setOwner(a.owner());
		}
		catch (final IOException e) {
			// not ours to give away: the new file stays the writer's
		}
		try {
			if (!a.group().equals(b.group())) dst.setGroup(a.group());
		}
		catch (final IOException e) {
			// a group this process is not in
		}
		try {
			// the full mode keeps set-gid on shared folders, which PosixFilePermissions cannot express
			Files.setAttribute(to, "unix:mode", Files.getAttribute(from, "unix:mode", LinkOption.NOFOLLOW_LINKS),
					LinkOption.NOFOLLOW_LINKS);
		}
		catch (final UnsupportedOperationException | IllegalArgumentException e) {
			dst.setPermissions(a.permissions());
		}
	}
}
