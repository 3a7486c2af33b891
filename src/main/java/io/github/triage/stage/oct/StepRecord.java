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

import io.github.triage.io.JsonDiagnostics;

/**
 * What a run remembers of a step, written next to its outputs after them ({@value #FILE_NAME}): the step's options
 * and a fingerprint of every input it read (its key), then the run's date and the warnings the step gave. A later run
 * skips the step when the key it would write is the one on disk, and takes the step's warnings (for the report) and
 * its date from the record: a skipped step's files keep the date they were written with. A small file is fingerprinted by its size and SHA-256 (touching it without changing it does not rerun
 * anything); a large file by size and modification time; a folder (an OME-Zarr, a tiles folder) by the size and time
 * of every file in it.
 */
final class StepRecord {
	static final String FILE_NAME = "triage_step.json";
	/** Files up to this size are hashed. */
	static final long HASH_LIMIT = 4L << 20;

	private StepRecord() {
	}

	/**
	 * A record as read back.
	 *
	 * @param key      the step's name, Triage version, options and inputs' fingerprints
	 * @param date     the date of the run that wrote it
	 * @param warnings the step's warnings in that run
	 */
	record Stored(Map<String, Object> key, String date, List<String> warnings) {
	}

	/** The key of a step: its name, the Triage version, its options and its inputs' fingerprints, in a stable order. */
	static Map<String, Object> key(final String step, final String version, final String options,
			final List<Path> inputs) throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("step", step);
		m.put("triage_version", version);
		m.put("options", options);
		final Map<String, String> in = new LinkedHashMap<>();
		for (final Path p : inputs)
			in.put(p.toAbsolutePath().normalize().toString(), fingerprint(p));
		m.put("inputs", in);
		return m;
	}

	/** The record in {@code dir}, or null when there is none or it cannot be read (the step then runs again). */
	static Stored read(final Path dir) throws IOException {
		final Path f = dir.resolve(FILE_NAME);
		if (!Files.isRegularFile(f)) return null;
		final Map<String, Object> m;
		try {
			m = JsonDiagnostics.readObject(Files.readString(f));
		}
		catch (final IllegalArgumentException e) {
			return null;
		}
		if (m == null || !(m.remove("date") instanceof String date) || !(m.remove("warnings") instanceof List<?> w))
			return null;
		return new Stored(m, date, w.stream().map(String::valueOf).toList());
	}

	/** Removed before a step runs: a step that fails or is killed leaves no record, so the next run redoes it. */
	static void clear(final Path dir) throws IOException {
		Files.deleteIfExists(dir.resolve(FILE_NAME));
	}

	static void write(final Path dir, final Map<String, Object> key, final String date, final List<String> warnings)
			throws IOException {
		final Map<String, Object> m = new LinkedHashMap<>(key);
		m.put("date", date);
		m.put("warnings", warnings);
		JsonDiagnostics.write(dir.resolve(FILE_NAME), m);
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
