package io.github.triage.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * What a file was when a writer read it: size, modification time and a SHA-256 of its bytes. A stage that
 * rewrites a file it read (a slice config) takes the stamp <em>before</em> reading, and replaces the file through
 * {@link AtomicFiles#replace}, which refuses to write if the file no longer matches: a second writer then fails
 * instead of silently dropping the first one's change. The hash catches changes that keep size and a coarse
 * (one-second, network file system) modification time.
 */
public record FileStamp(long size, long modifiedNanos, String sha256) {

	/** The stamp of an existing file (links followed). */
	public static FileStamp of(final Path file) throws IOException {
		final long modified = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
		final MessageDigest md;
		try {
			md = MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java platform has SHA-256
		}
		long size = 0;
		final byte[] buf = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buf)) > 0; size += n)
				md.update(buf, 0, n);
		}
		return new FileStamp(size, modified, HexFormat.of().formatHex(md.digest()));
	}

	/** The stamp of a file, or null where there is none (the writer will create it). */
	public static FileStamp ofOrNull(final Path file) throws IOException {
		try {
			return of(file);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}
}
