package io.github.triage.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.triage.BadInputException;

/**
 * Writes files and folders so that a reader, or a rerun after a crash, sees the old output or the complete new one
 * and never a partial one: the content goes to a hidden temporary next to the target (named by {@link TempNames}),
 * a file is forced to disk, and the temporary is renamed over the target. Every writer of Triage output goes
 * through here. On shared storage:
 * <ul>
 * <li>New files and folders follow the umask; a replaced file or folder keeps its mode, group and (where the
 * process may set it) owner ({@link FileModes}).</li>
 * <li>A symbolic link is written through to its final target and stays a link; a dangling link's target is
 * created if its folder exists. A link loop, or anything that is not a regular file (a folder, {@code /dev/null}, a
 * FIFO), is refused with a {@link BadInputException} naming it, nothing written ({@link OutputPaths}).</li>
 * <li>Temporaries left by a killed run (its process gone from this machine, or older than a day) are removed by the
 * next write of the same target.</li>
 * <li>{@link #replace} refuses to overwrite a file another writer changed since this one read it.</li>
 * </ul>
 * A folder ({@link #writeFolder}) is built in {@code .<name>.<host>-<pid>.<random>.build}, then renamed into place
 * in one rename when the target is absent or empty. A non-empty target takes three steps, each a rename or a
 * delete, and a crash at any point leaves a state the next write (or {@link #recoverFolder}) repairs:
 * <ol>
 * <li>crash while building: the target is untouched; the build folder is an orphan and is removed;</li>
 * <li>the old target is renamed aside to {@code ….trash}; a crash now leaves no target: the next run renames the
 * complete aside copy back (the half-built new one is removed);</li>
 * <li>the new folder is renamed into place; a crash now leaves the new target and the trash, which is removed;</li>
 * <li>the trash is renamed to {@code ….delete} and deleted; a crash during the deletion leaves a partial copy
 * under a name that is never restored, only removed.</li>
 * </ol>
 * Between steps 2 and 3 a concurrent reader finds no target for an instant (Java cannot exchange two folders in
 * one call).
 */
public final class AtomicFiles {

	/** Writes the content of a file through an output stream. */
	@FunctionalInterface
	public interface Writer {
		void write(OutputStream out) throws IOException;
	}

	/** Fills a fresh, empty folder with the content of a folder output. */
	@FunctionalInterface
	public interface FolderWriter {
		void write(Path folder) throws IOException;
	}

	/** Test seam: called at each step of a folder replacement; a test throws an Error here to simulate a kill. */
	interface Steps {
		void reached(String step);
	}

	static volatile Steps steps = step -> {
	};

	private AtomicFiles() {
	}

	public static void write(final Path target, final Writer writer) throws IOException {
		writeFile(target, false, null, writer);
	}

	public static void writeString(final Path target, final String content) throws IOException {
		write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Replaces a file this writer read, if nobody changed it meanwhile: just before the rename the target must still
	 * match {@code expected} (null: must still be absent); otherwise nothing is written and a BadInputException says
	 * so. Take the stamp before reading the file. This narrows, not closes, the window of a lost update: the contract
	 * stays one writer per file.
	 */
	public static void replace(final Path target, final FileStamp expected, final Writer writer) throws IOException {
		writeFile(target, true, expected, writer);
	}

	private static void writeFile(final Path target, final boolean check, final FileStamp expected,
			final Writer writer) throws IOException {
		final Path real = OutputPaths.file(target);
		final Path dir = real.getParent();
		final String name = real.getFileName().toString();
		Files.createDirectories(dir);
		removeOrphans(dir, name, TempNames.Kind.TMP);
		final Path tmp = TempNames.next(dir, name, TempNames.Kind.TMP);
		boolean done = false;
		try {
			// no file attributes: the new file gets 0666 less the umask, like any other program's output
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(ch)) {
				final BufferedOutputStream buf = new BufferedOutputStream(out, 1 << 16);
				writer.write(buf);
				buf.flush();
				ch.force(true);
			}
			if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) FileModes.copy(real, tmp);
			if (check) checkUnchanged(target, real, expected);
			move(tmp, real);
			done = true;
		}
		finally {
			if (!done) Files.deleteIfExists(tmp);
		}
	}

	private static void checkUnchanged(final Path target, final Path real, final FileStamp expected)
			throws IOException {
		final FileStamp now = FileStamp.ofOrNull(real);
		if (Objects.equals(now, expected)) return;
		if (expected == null)
			throw new BadInputException(target + " was created by another writer since this one started; rerun on "
					+ "the new file");
		throw new BadInputException(target + " was changed by another writer since it was read; rerun on the new file");
	}

	/**
	 * Writes a folder output (an OME-Zarr image) as a whole: built in a hidden sibling folder, then put in place of
	 * the target (see the class comment for the steps and what a crash between them leaves).
	 */
	public static void writeFolder(final Path target, final FolderWriter writer) throws IOException {
		final Path real = OutputPaths.folder(target);
		final Path dir = real.getParent();
		final String name = real.getFileName().toString();
		Files.createDirectories(dir);
		recover(real);
		final Path build = TempNames.next(dir, name, TempNames.Kind.BUILD);
		Files.createDirectory(build); // no attributes: the umask decides, as for any new folder
		Path trash = null;
		try {
			writer.write(build);
			steps.reached("built");
			if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
				FileModes.copy(real, build);
				if (!isEmpty(real)) {
					trash = TempNames.next(dir, name, TempNames.Kind.TRASH);
					Files.move(real, trash, StandardCopyOption.ATOMIC_MOVE);
					steps.reached("aside");
				}
			}
			move(build, real); // replaces an empty folder in the same rename
			steps.reached("replaced");
			if (trash != null) {
				final Path delete = TempNames.next(dir, name, TempNames.Kind.DELETE);
				Files.move(trash, delete, StandardCopyOption.ATOMIC_MOVE);
				trash = null;
				steps.reached("deleting");
				deleteTree(delete);
			}
		}
		catch (final IOException | RuntimeException e) {
			// A failure (not a kill: an Error skips this, as a kill would) puts the old target back.
			try {
				if (trash != null && !Files.exists(real, LinkOption.NOFOLLOW_LINKS))
					Files.move(trash, real, StandardCopyOption.ATOMIC_MOVE);
				deleteTree(build);
			}
			catch (final IOException again) {
				e.addSuppressed(again);
			}
			throw e;
		}
	}

	/**
	 * Repairs what a killed {@link #writeFolder} of this target left: if the target is missing but a complete old copy
	 * was set aside, it is renamed back; orphaned build, trash and delete folders are removed. Called by every
	 * writeFolder; call it directly where a run reads a folder output it did not write.
	 */
	public static void recoverFolder(final Path target) throws IOException {
		recover(OutputPaths.folder(target));
	}

	private static void recover(final Path real) throws IOException {
		final Path dir = real.getParent();
		final String name = real.getFileName().toString();
		if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
			final List<TempNames.Temp> aside = TempNames.list(dir, name, TempNames.Kind.TRASH);
			final Path newest = aside.stream().filter(TempNames.Temp::orphan).map(TempNames.Temp::path)
					.max(Comparator.comparing(AtomicFiles::modified)).orElse(null);
			if (newest != null) Files.move(newest, real, StandardCopyOption.ATOMIC_MOVE);
		}
		removeOrphans(dir, name, TempNames.Kind.BUILD, TempNames.Kind.TRASH, TempNames.Kind.DELETE);
	}

	private static void removeOrphans(final Path dir, final String name, final TempNames.Kind... kinds)
			throws IOException {
		for (final TempNames.Temp t : TempNames.list(dir, name, kinds))
			if (t.orphan()) deleteTree(t.path());
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static boolean isEmpty(final Path dir) throws IOException {
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
			return !s.iterator().hasNext();
		}
	}

	private static java.nio.file.attribute.FileTime modified(final Path p) {
		try {
			return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
		}
		catch (final IOException e) {
			return java.nio.file.attribute.FileTime.fromMillis(0);
		}
	}

	/** Deletes a file or a folder tree; links inside are removed, never followed. */
	static void deleteTree(final Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
		try (Stream<Path> s = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(p);
		}
	}
}
