package io.github.triage.slice;

import java.util.Collections;
import java.util.List;

import io.github.triage.BadInputException;

/**
 * A small table as read from a text file (CSV): a header, rows, and the line each came from, so that every error
 * names the source, the line and the column. The io layer parses files into this; the slice rules read it.
 *
 * @param source     names the file in messages
 * @param headerLine 1-based line of the header
 */
public record TextTable(String source, int headerLine, List<String> header, List<Row> rows) {
	/** One data record and the (1-based) line it starts on. */
	public record Row(int line, List<String> cells) {
		/** The cell of a column index; "" for a missing column (-1). */
		public String get(final int column) {
			return column < 0 ? "" : cells.get(column);
		}
	}

	public TextTable {
		header = Collections.unmodifiableList(List.copyOf(header));
		rows = Collections.unmodifiableList(List.copyOf(rows));
	}

	/** Index of a column (its first, when the header repeats it), or -1 when the header lacks it. */
	public int column(final String name) {
		return header.indexOf(name); // a few columns: a scan, not a map built on every call
	}

	/** An error naming the source, a line and (when not null) a column. */
	public BadInputException error(final int line, final String column, final String message) {
		return new BadInputException(source + ": line " + line + (column == null ? "" : ", column '" + column + "'")
				+ ": " + message);
	}
}
