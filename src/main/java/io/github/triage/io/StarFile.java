package io.github.triage.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.triage.BadInputException;

/**
 * A small STAR reader and writer, enough for RELION and SIMPLE metadata: {@code data_} blocks holding key-value
 * items ({@code _rlnKey value}) and {@code loop_} tables ({@code _rlnColumn #n} headers, one row per record).
 * Values may be quoted ('a b' or "a b"); {@code #} starts a comment. Semicolon text fields (multi-line values)
 * are not used by these programs and are refused. Strict: a loop row with the wrong number of values or a
 * non-numeric value where a number is asked for is an error naming the file and line.
 */
public final class StarFile {

	/** One {@code loop_} table. Rows keep the line number of their first value, for error messages. */
	public static final class Loop {
		private final List<String> columns;
		private final List<String[]> rows = new ArrayList<>();
		private final List<Integer> lines = new ArrayList<>();

		public Loop(final List<String> columns) {
			this.columns = new ArrayList<>(columns);
		}

		/** Column names with the leading underscore, without RELION's {@code #n} suffix. */
		public List<String> columns() {
			return Collections.unmodifiableList(columns);
		}

		public int rowCount() {
			return rows.size();
		}

		/** Index of a column (with or without the leading underscore), -1 when absent. */
		public int column(final String name) {
			final String n = name.startsWith("_") ? name : "_" + name;
			for (int i = 0; i < columns.size(); i++)
				if (columns.get(i).equalsIgnoreCase(n)) return i;
			return -1;
		}

		public String value(final int row, final int col) {
			return rows.get(row)[col];
		}

		public void set(final int row, final int col, final String value) {
			rows.get(row)[col] = value;
		}

		/** Line of the file where the row starts (0 for rows added in memory). */
		public int line(final int row) {
			return lines.get(row);
		}

		/** Appends a column holding {@code value} in every row; returns its index. */
		public int addColumn(final String name, final String value) {
			columns.add(name.startsWith("_") ? name : "_" + name);
			for (int r = 0; r < rows.size(); r++) {
				final String[] old = rows.get(r);
				final String[] row = java.util.Arrays.copyOf(old, old.length + 1);
				row[old.length] = value;
				rows.set(r, row);
			}
			return columns.size() - 1;
		}

		public void addRow(final String[] row, final int line) {
			if (row.length != columns.size())
				throw new IllegalArgumentException("Row of " + row.length + " values for " + columns.size() + " columns");
			rows.add(row);
			lines.add(line);
		}
	}

	/** One {@code data_} block: key-value items and loops, in file order. */
	public static final class Block {
		private final String name;
		private final Map<String, String> items = new LinkedHashMap<>();
		private final Map<String, Integer> itemLines = new LinkedHashMap<>();
		private final List<Loop> loops = new ArrayList<>();

		public Block(final String name) {
			this.name = name;
		}

		/** The name after {@code data_} (may be empty). */
		public String name() {
			return name;
		}

		public Map<String, String> items() {
			return Collections.unmodifiableMap(items);
		}

		public List<Loop> loops() {
			return Collections.unmodifiableList(loops);
		}

		public void putItem(final String key, final String value, final int line) {
			items.put(key, value);
			itemLines.put(key, line);
		}

		public int itemLine(final String key) {
			return itemLines.getOrDefault(key, 0);
		}
	}

	/** Plain decimal numbers only: Java would also take "1f", "0x1p3", "NaN" and "Infinity". */
	private static final java.util.regex.Pattern NUMBER =
			java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private final Path file;
	private final List<Block> blocks;
	/** RELION 3.1 heads each block with "# version 30001"; kept so rewritten files look the same to RELION. */
	private String versionComment;

	private StarFile(final Path file, final List<Block> blocks) {
		this.file = file;
		this.blocks = blocks;
	}

	public Path file() {
		return file;
	}

	public List<Block> blocks() {
		return Collections.unmodifiableList(blocks);
	}

	/** The block named {@code data_<name>}, or null. */
	public Block block(final String name) {
		for (final Block b : blocks)
			if (b.name.equals(name)) return b;
		return null;
	}

	/** The first loop (in any block) with the given column, or null. */
	public Loop loopWith(final String column) {
		for (final Block b : blocks)
			for (final Loop l : b.loops)
				if (l.column(column) >= 0) return l;
		return null;
	}

	/** Column index, or an error naming the file and the columns it has. */
	public int requireColumn(final Loop loop, final String column) {
		final int c = loop.column(column);
		if (c < 0)
			throw new BadInputException(file + ": missing column " + (column.startsWith("_") ? column : "_" + column)
					+ " (columns: " + String.join(" ", loop.columns()) + ")");
		return c;
	}

	/** A loop value as a number, or an error naming the file, line and column. NaN and infinities are refused. */
	public double number(final Loop loop, final int row, final int col) {
		final String v = loop.value(row, col);
		if (NUMBER.matcher(v).matches()) {
			final double d = Double.parseDouble(v);
			if (Double.isFinite(d)) return d;
		}
		throw new BadInputException(file + ":" + loop.line(row) + ": column " + loop.columns.get(col) + ": '" + v
				+ "' is not a number");
	}

	/** Parses a STAR file. */
	public static StarFile read(final Path file) {
		InputFiles.requireFile(file);
		final List<String> text;
		try {
			text = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
		}
		return parse(file, text);
	}

	static StarFile parse(final Path file, final List<String> text) {
		final List<Block> blocks = new ArrayList<>();
		Block block = null;
		Loop loop = null;
		boolean inHeader = false;
		for (int i = 0; i < text.size(); i++) {
			final int lineNo = i + 1;
			final String raw = text.get(i);
			if (raw.startsWith(";"))
				throw new BadInputException(file + ":" + lineNo + ": semicolon text fields are not supported");
			final List<String> tok = tokens(raw, file, lineNo);
			if (tok.isEmpty()) continue;
			final String first = tok.get(0);
			final String lower = first.toLowerCase(Locale.ROOT);
			if (first.startsWith("_") && !inHeader) loop = null; // an item after a loop ends the loop
			if (lower.startsWith("data_")) {
				block = new Block(first.substring(5));
				blocks.add(block);
				loop = null;
				inHeader = false;
				if (tok.size() > 1) throw new BadInputException(file + ":" + lineNo + ": unexpected text after " + first);
				continue;
			}
			if (block == null) throw new BadInputException(file + ":" + lineNo + ": content before the first data_ block");
			if (lower.equals("loop_")) {
				loop = new Loop(List.of());
				block.loops.add(loop);
				inHeader = true;
				if (tok.size() > 1) throw new BadInputException(file + ":" + lineNo + ": unexpected text after loop_");
				continue;
			}
			if (inHeader && first.startsWith("_")) {
				// "_rlnX #3": the #n is a comment, already stripped by the tokenizer
				if (tok.size() > 1)
					throw new BadInputException(file + ":" + lineNo + ": unexpected text after loop column " + first);
				loop.columns.add(first);
				continue;
			}
			if (first.startsWith("_")) {
				// key-value item
				if (tok.size() != 2)
					throw new BadInputException(file + ":" + lineNo + ": item " + first + " needs exactly one value");
				block.putItem(first, tok.get(1), lineNo);
				continue;
			}
			if (loop == null)
				throw new BadInputException(file + ":" + lineNo + ": value '" + first + "' outside any loop or item");
			if (inHeader) {
				if (loop.columns.isEmpty())
					throw new BadInputException(file + ":" + lineNo + ": loop_ without column names");
				inHeader = false;
			}
			// RELION writes one row per line (and relion_star_handler insists on it): a line with another count is
			// a broken row, not a continuation
			if (tok.size() != loop.columns.size())
				throw new BadInputException(file + ":" + lineNo + ": row has " + tok.size() + " values, the loop has "
						+ loop.columns.size() + " columns");
			loop.addRow(tok.toArray(new String[0]), lineNo);
		}
		if (loop != null && inHeader && loop.columns.isEmpty())
			throw new BadInputException(file + ": loop_ without column names at the end of the file");
		final StarFile star = new StarFile(file, blocks);
		for (final String line : text)
			if (line.startsWith("# version ")) {
				star.versionComment = line.strip();
				break;
			}
		return star;
	}

	/** Whitespace-separated tokens; quotes group; '#' outside quotes at a token start begins a comment. */
	private static List<String> tokens(final String line, final Path file, final int lineNo) {
		final List<String> out = new ArrayList<>();
		int i = 0;
		final int n = line.length();
		while (i < n) {
			final char c = line.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (c == '#') break;
			if (c == '\'' || c == '"') {
				// a quote closes only when followed by whitespace or the end of the line (STAR 1.1)
				int j = i + 1;
				while (j < n && !(line.charAt(j) == c && (j + 1 == n || Character.isWhitespace(line.charAt(j + 1)))))
					j++;
				if (j >= n) throw new BadInputException(file + ":" + lineNo + ": unterminated quoted value");
				out.add(line.substring(i + 1, j));
				i = j + 1;
				continue;
			}
			int j = i;
			while (j < n && !Character.isWhitespace(line.charAt(j)))
				j++;
			out.add(line.substring(i, j));
			i = j;
		}
		return out;
	}

	/** The file's content in STAR syntax (RELION layout: {@code _col #n} headers, one row per line). */
	public String format() {
		return format(null, r -> true);
	}

	/** {@link #format()} with only the rows of {@code loop} that {@code keepRow} accepts (other loops whole). */
	public String format(final Loop loop, final java.util.function.IntPredicate keepRow) {
		final StringBuilder sb = new StringBuilder();
		for (final Block b : blocks) {
			if (versionComment != null) sb.append('\n').append(versionComment).append('\n');
			sb.append("\ndata_").append(b.name).append("\n\n");
			for (final Map.Entry<String, String> e : b.items.entrySet())
				sb.append(e.getKey()).append("  ").append(quote(e.getValue())).append('\n');
			if (!b.items.isEmpty()) sb.append('\n');
			for (final Loop l : b.loops) {
				sb.append("loop_\n");
				for (int c = 0; c < l.columns.size(); c++)
					sb.append(l.columns.get(c)).append(" #").append(c + 1).append('\n');
				for (int r = 0; r < l.rows.size(); r++) {
					if (l == loop && !keepRow.test(r)) continue;
					final String[] row = l.rows.get(r);
					for (int c = 0; c < row.length; c++)
						sb.append(c == 0 ? "" : "  ").append(quote(row[c]));
					sb.append('\n');
				}
				sb.append('\n');
			}
		}
		return sb.toString();
	}

	/** Writes {@link #format()} atomically. */
	public void write(final Path target) throws IOException {
		AtomicFiles.writeString(target, format());
	}

	/** A new, empty in-memory file (for writers). */
	public static StarFile create(final Path file) {
		return new StarFile(file, new ArrayList<>());
	}

	/** Appends a block (for writers). */
	public Block addBlock(final String name) {
		final Block b = new Block(name);
		blocks.add(b);
		return b;
	}

	/** Appends a loop to a block (for writers). */
	public static Loop addLoop(final Block block, final List<String> columns) {
		final Loop l = new Loop(columns);
		block.loops.add(l);
		return l;
	}

	private static String quote(final String v) {
		if (v.isEmpty()) return "\"\"";
		for (int i = 0; i < v.length(); i++)
			if (Character.isWhitespace(v.charAt(i)) || v.charAt(i) == '#')
				return v.indexOf('"') < 0 ? "\"" + v + "\"" : "'" + v + "'";
		return v.charAt(0) == '_' || v.charAt(0) == '\'' || v.charAt(0) == '"' ? "\"" + v + "\"" : v;
	}
}
