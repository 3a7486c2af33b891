package io.github.triage.stage.oct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.triage.io.AtomicFiles;
import io.github.triage.io.JsonDiagnostics;

/**
 * What a run remembers of a step, written next to its outputs after them ({@value #FILE_NAME}): the step's options
 * and a fingerprint of every input it read. A later run skips the step when the record it would write is the one on
 * disk. A small file is fingerprinted by its size and SHA-256 (touching it without changing it does not rerun
 * anything); a large file by size and modification time; a folder (an OME-Zarr, a tiles folder) by the size and time
 * of every file in it.
 */
final class StepRecord {
	static final String FILE_NAME = "triage_step.json";
	/** Files up to this size are hashed. */
	static final long HASH_LIMIT = 4L << 20;

	private StepRecord() {
	}

	/** The record text for a step: its name, its options and its inputs' fingerprints, in a stable order. */
	static String text(final String step, final String version, final String options, final List<Path> inputs)
			throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("step", step);
		m.put("triage_version", version);
		m.put("options", options);
		final Map<String, String> in = new LinkedHashMap<>();
		for (final Path p : inputs)
			in.put(p.toAbsolutePath().normalize().toString(), fingerprint(p));
		m.put("inputs", in);
		return JsonDiagnostics.toJson(m) + "\n";
	}

	/** True when {@code dir} holds exactly this record. */
	static boolean matches(final Path dir, final String text) throws IOException {
		final Path f = dir.resolve(FILE_NAME);
		return Files.isRegularFile(f) && Files.readString(f).equals(text);
	}

	/** Removed before a step runs: a step that fails or is killed leaves no record, so the next run redoes it. */
	static void clear(final Path dir) throws IOException {
		Files.deleteIfExists(dir.resolve(FILE_NAME));
	}

	static void write(final Path dir, final String text) throws IOException {
		AtomicFiles.writeString(dir.resolve(FILE_NAME), text);
	}

	/** A file's or a folder's fingerprint; "missing" when there is nothing there. */
	static String fingerprint(final Path p) throws IOException {
		if (Files.isRegularFile(p)) {
			final long size = Files.size(p);
			return size <= HASH_LIMIT ? "size " + size + ", sha256 " + sha256(p)
					: "size " + size + ", modified " + Files.getLastModifiedTime(p).toMillis();
		}
		if (!Files.isDirectory(p)) return "missing";
		final MessageDigest md = digest();
		long files = 0, bytes = 0;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path f : (Iterable<Path>) s.sorted()::iterator) {
				final BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
				if (!a.isRegularFile()) continue;
				files++;
				bytes += a.size();
				md.update((p.relativize(f) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
		return "folder, " + files + " files, " + bytes + " bytes, listing sha256 " + HexFormat.of().formatHex(md.digest());
	}

	private static String sha256(final Path f) throws IOException {
		final MessageDigest md = digest();
		try (InputStream in = Files.newInputStream(f)) {
			final byte[] buf = new byte[1 << 16];
			for (int n; (n = in.read(buf)) > 0;)
				md.update(buf, 0, n);
		}
		return HexFormat.of().formatHex(md.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
