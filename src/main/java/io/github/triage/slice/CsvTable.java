package io.github.triage.slice;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.github.triage.BadInputException;

/**
 * A small CSV file read whole, with a header row and the line number of every record, so that every error names
 * the file, the line and the column. Shared by the slice_config, fragment and shifts readers.
 */
final class CsvTable {
	/** One data record and the (1-based) line it starts on. */
	record Row(int line, List<String> cells) {
		String get(final int column) {
			return column < 0 ? "" : cells.get(column);
		}
	}

	final Path file;
	final int headerLine;
	final List<String> header;
	final List<Row> rows;
	private final Map<String, Integer> index = new HashMap<>();

	private CsvTable(final Path file, final int headerLine, final List<String> header, final List<Row> rows) {
		this.file = file;
		this.headerLine = headerLine;
		this.header = Collections.unmodifiableList(header);
		this.rows = Collections.unmodifiableList(rows);
		for (int i = 0; i < header.size(); i++) index.put(header.get(i), i);
	}

	/** Index of a column, or -1 when the header lacks it. */
	int column(final String name) {
		return index.getOrDefault(name, -1);
	}

	/** An error naming this file, a line and (when not null) a column. */
	BadInputException error(final int line, final String column, final String message) {
		return new BadInputException(file + ": line " + line + (column == null ? "" : ", column '" + column + "'")
				+ ": " + message);
	}

	/** Reads a whole CSV file: the first non-empty record is the header (names stripped, unique, non-empty). */
	static CsvTable read(final Path file) throws IOException {
		final String text;
		try {
			text = decode(Files.readAllBytes(file));
		}
		catch (final NoSuchFileException e) {
			throw new BadInputException(file + ": no such file");
		}
		catch (final CharacterCodingException e) {
			throw new BadInputException(file + ": not a UTF-8 text file");
		}
		final int[] lineStarts = lineStarts(text);
		final List<CSVRecord> records;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
			records = parser.getRecords();
		}
		catch (final UncheckedIOException | IOException | IllegalStateException e) {
			final Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
			throw new BadInputException(file + ": malformed CSV: " + cause.getMessage(), e);
		}
		if (records.isEmpty()) throw new BadInputException(file + ": empty file, expected a header row");
		final CSVRecord head = records.get(0);
		final int headerLine = lineOf(lineStarts, head.getCharacterPosition());
		final List<String> header = new ArrayList<>();
		for (final String name : head) {
			final String n = name.strip();
			if (n.isEmpty()) throw new BadInputException(file + ": line " + headerLine + ": empty column name in the header (column "
					+ (header.size() + 1) + ")");
			if (header.contains(n)) throw new BadInputException(file + ": line " + headerLine + ": column '" + n
					+ "' appears twice in the header");
			header.add(n);
		}
		final List<Row> rows = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			final CSVRecord rec = records.get(r);
			final int line = lineOf(lineStarts, rec.getCharacterPosition());
			if (rec.size() != header.size()) throw new BadInputException(file + ": line " + line + ": " + rec.size()
					+ " fields but the header has " + header.size());
			rows.add(new Row(line, rec.toList()));
		}
		return new CsvTable(file, headerLine, header, rows);
	}

	/** Strict UTF-8 with an optional byte-order mark (spreadsheets add one). */
	private static String decode(final byte[] bytes) throws CharacterCodingException {
		final String s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}

	private static int[] lineStarts(final String text) {
		int n = 1;
		for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
		final int[] starts = new int[n];
		int k = 1;
		for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
		return starts;
	}

	private static int lineOf(final int[] lineStarts, final long charPosition) {
		final int i = Arrays.binarySearch(lineStarts, (int) charPosition);
		return (i >= 0 ? i : -i - 2) + 1;
	}
}
