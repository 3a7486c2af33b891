package io.github.triage.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.triage.BadInputException;
import io.github.triage.Listener;

/**
 * Reads the z-correlation of each slice's pairwise registration from the files
 * {@code .../slice_zNN/pairwise_registration_metrics.json} under a folder (recursively, following links), as the
 * pipeline's pairwise registration writes them: {@code metrics.z_correlation.value}. The slice is the id of the
 * containing folder's name by the one slice-id rule ({@link io.github.triage.io.layout.SliceNames}).
 */
public final class PairwiseMetricsFiles {
	public static final String FILE_NAME = "pairwise_registration_metrics.json";

	private PairwiseMetricsFiles() {
	}

	/**
	 * @param listener warned once per file skipped (folder without slice_zNN, file without z_correlation)
	 * @return z-correlation by slice id, in id order
	 * @throws BadInputException for malformed JSON, a non-numeric value or two files for one slice
	 */
	public static SortedMap<Integer, Double> zCorrelation(final Path dir, final Listener listener) throws IOException {
		final Listener warnings = Listener.orNone(listener);
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder of registration metrics");
		final List<Path> files;
		try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
			files = s.filter(p -> p.getFileName().toString().equals(FILE_NAME) && Files.isRegularFile(p)).sorted().toList();
		}
		catch (final UncheckedIOException e) {
			if (e.getCause() instanceof FileSystemLoopException loop)
				throw new BadInputException(dir + ": " + loop.getFile() + " links back to a folder above it (a link "
						+ "loop): remove or repoint the link", e);
			throw e;
		}
		final SortedMap<Integer, Double> out = new TreeMap<>();
		final Map<Integer, Path> from = new HashMap<>();
		for (final Path f : files) {
			final Path parent = f.getParent();
			final java.util.OptionalInt sliceId = parent == null ? java.util.OptionalInt.empty()
					: io.github.triage.io.layout.SliceNames.idOf(parent.getFileName().toString());
			if (sliceId.isEmpty()) {
				warnings.warning(f + ": folder name has no slice_zNN; skipped");
				continue;
			}
			final int id = sliceId.getAsInt();
			final Double z = read(f);
			if (z == null) {
				warnings.warning(f + ": no metrics.z_correlation.value; slice " + id + " not evaluated");
				continue;
			}
			final Path first = from.put(id, f);
			if (first != null) throw new BadInputException(f + ": second metrics file for slice " + id + " (first: " + first + ")");
			out.put(id, z);
		}
		return out;
	}

	private static Double read(final Path f) throws IOException {
		final JsonElement root;
		try {
			root = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
		}
		catch (final CharacterCodingException e) {
			throw new BadInputException(f + ": not a UTF-8 text file (JSON must be UTF-8)", e);
		}
		catch (final JsonParseException e) {
			throw new BadInputException(f + ": malformed JSON: " + e.getMessage(), e);
		}
		final JsonElement v = path(root, "metrics", "z_correlation", "value");
		if (v == null || v.isJsonNull()) return null;
		try {
			final double d = v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : Double.NaN;
			if (!Double.isFinite(d)) throw new IllegalStateException();
			return d;
		}
		catch (final RuntimeException e) {
			throw new BadInputException(f + ": metrics.z_correlation.value is not a finite number: " + v);
		}
	}

	private static JsonElement path(final JsonElement root, final String... keys) {
		JsonElement e = root;
		for (final String k : keys) {
			if (e == null || !e.isJsonObject()) return null;
			e = ((JsonObject) e).get(k);
		}
		return e;
	}
}
