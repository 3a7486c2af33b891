package io.github.triage.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader, or a rerun after a crash, sees the old file or the complete new one and never a
 * partial one: the content goes to a temporary file in the target's folder, is forced to disk, and is renamed
 * over the target atomically. Every writer of Triage output goes through here.
 */
public final class AtomicFiles {

	/** Writes the content of a file through an output stream. */
	@FunctionalInterface
	public interface Writer {
		void write(OutputStream out) throws IOException;
	}

	private AtomicFiles() {
	}

	public static void write(final Path target, final Writer writer) throws IOException {
		final Path abs = target.toAbsolutePath();
		final Path dir = abs.getParent();
		if (dir != null) Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
		boolean done = false;
		try {
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
					OutputStream out = Channels.newOutputStream(ch)) {
				final java.io.BufferedOutputStream buf = new java.io.BufferedOutputStream(out, 1 << 16);
				writer.write(buf);
				buf.flush();
				ch.force(true);
			}
			try {
				Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
			done = true;
		}
		finally {
			if (!done) Files.deleteIfExists(tmp);
		}
	}

	public static void writeString(final Path target, final String content) throws IOException {
		write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
	}
}
