package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.slice.RehomingShiftsFile;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.SliceFragments;
import io.github.triage.slice.TextTable;

/**
 * The OCT audit-trail files on disk: slice_config.csv, shifts_xy.csv and per-slice fragment CSVs. Parsing rules
 * live in the {@code slice} package; this class only reads and writes (atomically).
 */
public final class SliceConfigFiles {
	private SliceConfigFiles() {
	}

	/** Where a config in memory was read from, and the file's stamp taken before reading it. */
	private record Origin(Path file, FileStamp stamp) {
	}

	/** Configs read by {@link #read}, for {@link #write} to notice a second writer (weak: no leak). */
	private static final Map<SliceConfig, Origin> ORIGINS = Collections.synchronizedMap(new WeakHashMap<>());

	/** Reads a slice_config.csv; errors name the file, line and column. */
	public static SliceConfig read(final Path file) throws IOException {
		// before reading: a change after it is someone else's (no stamp for what is not a file: read() says why)
		final FileStamp before = Files.isRegularFile(file) ? FileStamp.ofOrNull(file) : null;
		final SliceConfig config = SliceConfig.parse(CsvTables.read(file));
		ORIGINS.put(config, new Origin(file.toAbsolutePath().normalize(), before));
		return config;
	}

	/**
	 * Writes the config atomically (temporary file in the same folder, flushed, renamed over the target; parent
	 * folders created), LF line ends. When {@code config} was read from {@code file} (an update in place), the write
	 * fails with a clear error if the file changed since it was read: the spec allows one writer per config, and a
	 * second one is told rather than silently overwritten.
	 */
	public static void write(final SliceConfig config, final Path file) throws IOException {
		final Origin origin = ORIGINS.get(config);
		if (origin != null && origin.file().equals(file.toAbsolutePath().normalize())) {
			replace(config, file, origin.stamp());
			ORIGINS.put(config, new Origin(origin.file(), FileStamp.ofOrNull(file)));
		}
		else CsvTables.write(file, config.columns(), config.records());
	}

	/**
	 * Replaces {@code file} with {@code config}, failing with a clear error when the file changed since
	 * {@code expected} was taken (before it was read): one writer per config, and a second one is told, never
	 * silently overwritten. {@code expected} null: the file must still be absent.
	 */
	public static void replace(final SliceConfig config, final Path file, final FileStamp expected) throws IOException {
		CsvTables.replace(file, expected, config.columns(), config.records());
	}

	/** The config as CSV text (for stdout). */
	public static String format(final SliceConfig config) {
		return CsvTables.format(config.columns(), config.records());
	}

	/** Reads shifts_xy.csv; errors name the file, line and column. */
	public static ShiftsTable readShifts(final Path file) throws IOException {
		return ShiftsTable.parse(CsvTables.read(file));
	}

	/** Reads shifts_xy.csv keeping every cell, for the rehoming stage to write a corrected copy. */
	public static RehomingShiftsFile readShiftsForRehoming(final Path file) throws IOException {
		return RehomingShiftsFile.parse(CsvTables.read(file));
	}

	/** Writes the corrected shifts of a rehoming run. */
	public static void writeRehomedShifts(final RehomingShiftsFile shifts,
			final List<io.github.triage.slice.Rehoming.Result> results, final Path out) throws IOException {
		CsvTables.write(out, shifts.correctedHeader(), shifts.correctedRows(results));
	}

	/**
	 * The stamps of every fragment CSV directly in {@code dir} (name ending in {@code .csv}, hidden files
	 * skipped), in name order so that later files win. All files are read and checked before any is used.
	 */
	public static List<SliceFragments.Stamp> readFragments(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a folder of fragment CSVs");
		final List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(Files::isRegularFile).filter(p -> {
				final String n = p.getFileName().toString();
				return !n.startsWith(".") && n.toLowerCase(Locale.ROOT).endsWith(".csv");
			}).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
		}
		final List<TextTable> tables = new ArrayList<>();
		for (final Path f : files) tables.add(CsvTables.read(f));
		return SliceFragments.parse(tables);
	}
}
