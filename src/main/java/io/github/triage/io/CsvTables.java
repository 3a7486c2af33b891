package io.github.triage.io;

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
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.github.triage.BadInputException;
import io.github.triage.NotEnoughMemoryException;
import io.github.triage.slice.TextTable;

/**
 * Reads and writes small CSV files with Apache Commons CSV. Reading keeps the line number of every record, so that
 * every error names the file, the line and the column ({@link TextTable}); writing uses LF line ends, atomically.
 */
public final class CsvTables {
	private static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

	private CsvTables() {
	}

	/** Reads a whole CSV file: the first non-empty record is the header (names stripped, unique, non-empty). */
	public static TextTable read(final Path file) throws IOException {
		InputFiles.requireFile(file);
		final String text;
		try {
			// The bytes, the text, the parsed records and the rows: several copies of the file at once.
			NotEnoughMemoryException.require(Files.size(file) * MEMORY_PER_BYTE, file + ": reading this "
					+ (Files.size(file) >> 20) + " MiB CSV");
			text = decode(Files.readAllBytes(file));
		}
		catch (final NoSuchFileException e) {
			throw new BadInputException(file + ": no such file");
		}
		catch (final CharacterCodingException e) {
			throw new BadInputException(file + ": not a UTF-8 text file");
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
		}
		final int[] lineStarts = lineStarts(text);
		final List<CSVRecord> records;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
			records = parser.getRecords();
		}
		catch (final OutOfMemoryError e) {
			// the records are dropped with the parser: the heap is usable again for the message
			throw new NotEnoughMemoryException(file + ": reading this CSV (" + lineStarts.length + " lines)");
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
		final List<TextTable.Row> rows = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			final CSVRecord rec = records.get(r);
			final int line = lineOf(lineStarts, rec.getCharacterPosition());
			if (rec.size() != header.size()) throw new BadInputException(file + ": line " + line + ": " + rec.size()
					+ " fields but the header has " + header.size());
			rows.add(new TextTable.Row(line, rec.toList()));
		}
		return new TextTable(file.toString(), headerLine, header, rows);
	}

	/**
	 * Heap bytes per file byte while reading and using a table: a 12 MiB slice_config of a million short rows
	 * needed between 400 and 600 MiB (UTF-16 text, a String and a record per cell and row, then the config built
	 * from them); a file that cannot fit is refused before it is read.
	 */
	static final long MEMORY_PER_BYTE = 40;

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

	/** Writes a header and rows atomically, LF line ends, quoting only where needed. */
	public static void write(final Path file, final List<String> header, final Iterable<? extends List<String>> rows)
			throws IOException {
		AtomicFiles.write(file, printer(header, rows));
	}

	/**
	 * As {@link #write(Path, List, Iterable)}, but fails when {@code file} no longer matches {@code expected} (taken
	 * before it was read): another writer changed it meanwhile.
	 */
	public static void replace(final Path file, final FileStamp expected, final List<String> header,
			final Iterable<? extends List<String>> rows) throws IOException {
		AtomicFiles.replace(file, expected, printer(header, rows));
	}

	private static AtomicFiles.Writer printer(final List<String> header, final Iterable<? extends List<String>> rows) {
		return out -> {
			final java.io.OutputStreamWriter w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
			final CSVPrinter p = new CSVPrinter(w, WRITE_FORMAT);
			p.printRecord(header);
			for (final List<String> r : rows) p.printRecord(r);
			p.flush();
			w.flush();
		};
	}

	/** The same as {@link #write(Path, List, Iterable)}, as text (for stdout). */
	public static String format(final List<String> header, final Iterable<? extends List<String>> rows) {
		final StringBuilder sb = new StringBuilder();
		try (CSVPrinter p = new CSVPrinter(sb, WRITE_FORMAT)) {
			p.printRecord(header);
			for (final List<String> r : rows) p.printRecord(r);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return sb.toString();
	}
}
