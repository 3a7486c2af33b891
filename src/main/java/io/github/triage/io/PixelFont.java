package io.github.triage.io;

/**
 * A built-in 5x8 pixel font that draws text straight into an int[] RGB pixel array: no AWT graphics environment to
 * start (~0.1 s per run), the same glyphs on every machine, and labels even on nodes without fontconfig.
 * Rows 0..6 hold capitals and digits (baseline at row 6), lowercase x-height is rows 2..6, row 7 holds descenders.
 * Characters without a glyph of their own are drawn as '?'.
 */
public final class PixelFont {

	public static final int GLYPH_W = 5, GLYPH_H = 8, ADVANCE = 6;

	/** Row r of a glyph is byte r of its long; bit c of that byte is column c (0 = left). */
	private static final long[] ASCII = new long[128];
	private static final boolean[] ASCII_SET = new boolean[128];
	/** The few non-ASCII glyphs, searched linearly (ten of them: cheaper than a table indexed by char). */
	private static final char[] EXTRA_CHARS = new char[16];
	private static final long[] EXTRA_BITS = new long[16];
	private static int extras;

	static {
		// @formatter:off
		put(' ', "...../...../...../...../...../...../...../.....");
		put('!', "..#../..#../..#../..#../..#../...../..#../.....");
		put('"', ".#.#./.#.#./...../...../...../...../...../.....");
		put('#', ".#.#./.#.#./#####/.#.#./#####/.#.#./.#.#./.....");
		put('$', "..#../.####/#.#../.###./..#.#/####./..#../.....");
		put('%', "##.../##..#/...#./..#../.#.../#..##/...##/.....");
		put('&', ".##../#..#./#.#../.#.../#.#.#/#..#./.##.#/.....");
		put('\'', "..#../..#../...../...../...../...../...../.....");
		put('(', "...#./..#../.#.../.#.../.#.../..#../...#./.....");
		put(')', ".#.../..#../...#./...#./...#./..#../.#.../.....");
		put('*', "...../..#../#.#.#/.###./#.#.#/..#../...../.....");
		put('+', "...../..#../..#../#####/..#../..#../...../.....");
		put(',', "...../...../...../...../...../.##../..#../.#...");
		put('-', "...../...../...../#####/...../...../...../.....");
		put('.', "...../...../...../...../...../.##../.##../.....");
		put('/', "....#/...#./...#./..#../.#.../.#.../#..../.....");
		put('0', ".###./#...#/#..##/#.#.#/##..#/#...#/.###./.....");
		put('1', "..#../.##../#.#../..#../..#../..#../#####/.....");
		put('2', ".###./#...#/....#/...#./..#../.#.../#####/.....");
		put('3', "#####/...#./..#../...#./....#/#...#/.###./.....");
		put('4', "...#./..##./.#.#./#..#./#####/...#./...#./.....");
		put('5', "#####/#..../####./....#/....#/#...#/.###./.....");
		put('6', "..##./.#.../#..../####./#...#/#...#/.###./.....");
		put('7', "#####/....#/...#./..#../.#.../.#.../.#.../.....");
		put('8', ".###./#...#/#...#/.###./#...#/#...#/.###./.....");
		put('9', ".###./#...#/#...#/.####/....#/...#./.##../.....");
		put(':', "...../...../.##../.##../...../.##../.##../.....");
		put(';', "...../...../.##../.##../...../.##../..#../.#...");
		put('<', "...#./..#../.#.../#..../.#.../..#../...#./.....");
		put('=', "...../...../#####/...../#####/...../...../.....");
		put('>', ".#.../..#../...#./....#/...#./..#../.#.../.....");
		put('?', ".###./#...#/....#/...#./..#../...../..#../.....");
		put('@', ".###./#...#/#.###/#.#.#/#.###/#..../.###./.....");
		put('A', ".###./#...#/#...#/#####/#...#/#...#/#...#/.....");
		put('B', "####./#...#/#...#/####./#...#/#...#/####./.....");
		put('C', ".###./#...#/#..../#..../#..../#...#/.###./.....");
		put('D', "####./#...#/#...#/#...#/#...#/#...#/####./.....");
		put('E', "#####/#..../#..../####./#..../#..../#####/.....");
		put('F', "#####/#..../#..../####./#..../#..../#..../.....");
		put('G', ".###./#...#/#..../#.###/#...#/#...#/.####/.....");
		put('H', "#...#/#...#/#...#/#####/#...#/#...#/#...#/.....");
		put('I', ".###./..#../..#../..#../..#../..#../.###./.....");
		put('J', "..###/...#./...#./...#./...#./#..#./.##../.....");
		put('K', "#...#/#..#./#.#../##.../#.#../#..#./#...#/.....");
		put('L', "#..../#..../#..../#..../#..../#..../#####/.....");
		put('M', "#...#/##.##/#.#.#/#.#.#/#...#/#...#/#...#/.....");
		put('N', "#...#/#...#/##..#/#.#.#/#..##/#...#/#...#/.....");
		put('O', ".###./#...#/#...#/#...#/#...#/#...#/.###./.....");
		put('P', "####./#...#/#...#/####./#..../#..../#..../.....");
		put('Q', ".###./#...#/#...#/#...#/#.#.#/#..#./.##.#/.....");
		put('R', "####./#...#/#...#/####./#.#../#..#./#...#/.....");
		put('S', ".####/#..../#..../.###./....#/....#/####./.....");
		put('T', "#####/..#../..#../..#../..#../..#../..#../.....");
		put('U', "#...#/#...#/#...#/#...#/#...#/#...#/.###./.....");
		put('V', "#...#/#...#/#...#/#...#/#...#/.#.#./..#../.....");
		put('W', "#...#/#...#/#...#/#.#.#/#.#.#/#.#.#/.#.#./.....");
		put('X', "#...#/#...#/.#.#./..#../.#.#./#...#/#...#/.....");
		put('Y', "#...#/#...#/#...#/.#.#./..#../..#../..#../.....");
		put('Z', "#####/....#/...#./..#../.#.../#..../#####/.....");
		put('[', ".###./.#.../.#.../.#.../.#.../.#.../.###./.....");
		put('\\', "#..../.#.../.#.../..#../...#./...#./....#/.....");
		put(']', ".###./...#./...#./...#./...#./...#./.###./.....");
		put('^', "..#../.#.#./#...#/...../...../...../...../.....");
		put('_', "...../...../...../...../...../...../...../#####");
		put('`', ".#.../..#../...../...../...../...../...../.....");
		put('a', "...../...../.###./....#/.####/#...#/.####/.....");
		put('b', "#..../#..../#.##./##..#/#...#/#...#/####./.....");
		put('c', "...../...../.###./#..../#..../#...#/.###./.....");
		put('d', "....#/....#/.##.#/#..##/#...#/#...#/.####/.....");
		put('e', "...../...../.###./#...#/#####/#..../.###./.....");
		put('f', "..##./.#..#/.#.../###../.#.../.#.../.#.../.....");
		put('g', "...../...../.####/#...#/#...#/.####/....#/.###.");
		put('h', "#..../#..../#.##./##..#/#...#/#...#/#...#/.....");
		put('i', "..#../...../.##../..#../..#../..#../.###./.....");
		put('j', "...#./...../..##./...#./...#./...#./#..#./.##..");
		put('k', "#..../#..../#..#./#.#../##.../#.#../#..#./.....");
		put('l', ".##../..#../..#../..#../..#../..#../...##/.....");
		put('m', "...../...../##.#./#.#.#/#.#.#/#.#.#/#.#.#/.....");
		put('n', "...../...../#.##./##..#/#...#/#...#/#...#/.....");
		put('o', "...../...../.###./#...#/#...#/#...#/.###./.....");
		put('p', "...../...../####./#...#/#...#/####./#..../#....");
		put('q', "...../...../.####/#...#/#...#/.####/....#/....#");
		put('r', "...../...../#.##./##..#/#..../#..../#..../.....");
		put('s', "...../...../.####/#..../.###./....#/####./.....");
		put('t', ".#.../.#.../###../.#.../.#.../.#..#/..##./.....");
		put('u', "...../...../#...#/#...#/#...#/#..##/.##.#/.....");
		put('v', "...../...../#...#/#...#/#...#/.#.#./..#../.....");
		put('w', "...../...../#...#/#...#/#.#.#/#.#.#/.#.#./.....");
		put('x', "...../...../#...#/.#.#./..#../.#.#./#...#/.....");
		put('y', "...../...../#...#/#...#/#...#/.####/....#/.###.");
		put('z', "...../...../#####/...#./..#../.#.../#####/.....");
		put('{', "...#./..#../..#../.#.../..#../..#../...#./.....");
		put('|', "..#../..#../..#../..#../..#../..#../..#../..#..");
		put('}', ".#.../..#../..#../...#./..#../..#../.#.../.....");
		put('~', "...../...../.#.../#.#.#/...#./...../...../.....");
		put('Å', "..#../.#.#./.###./#...#/#####/#...#/#...#/.....");
		put('…', "...../...../...../...../...../...../#.#.#/.....");
		put('×', "...../...../.#.#./..#../.#.#./...../...../.....");
		put('±', "..#../..#../#####/..#../..#../...../#####/.....");
		put('·', "...../...../...../..#../...../...../...../.....");
		put('∞', "...../...../.#.#./#.#.#/.#.#./...../...../.....");
		put('µ', "...../...../#...#/#...#/#...#/##..#/#.##./#....");
		put('≤', "....#/..##./##.../..##./....#/...../#####/.....");
		put('≥', "#..../.##../...##/.##../#..../...../#####/.....");
		put('°', ".##../#..#./.##../...../...../...../...../.....");
		// @formatter:on
	}

	private PixelFont() {}

	/** Width in pixels of s drawn at this scale: length * ADVANCE * scale - scale (no gap after the last glyph); 0 for "". */
	public static int width(final String s, final int scale) {
		checkScale(scale);
		return s.isEmpty() ? 0 : s.length() * ADVANCE * scale - scale;
	}

	/**
	 * Draws s with its top-left corner at (x, y): each set glyph pixel becomes a scale x scale square of colour rgb
	 * (0xRRGGBB) in px (row-major, row length stride, height px.length / stride). Pixels outside [clipX0, clipX1) x
	 * [0, height) are not written (no exception for text running off).
	 */
	public static void draw(final int[] px, final int stride, final int x, final int y, final String s, final int rgb,
			final int scale, final int clipX0, final int clipX1) {
		checkScale(scale);
		if (stride <= 0) throw new IllegalArgumentException("the row length must be positive, got " + stride);
		final int height = px.length / stride;
		// also clip to the row, so text past its end never wraps onto the next row
		final long cx0 = Math.max(clipX0, 0), cx1 = Math.min(clipX1, stride);
		final long step = (long) ADVANCE * scale;
		for (int i = 0; i < s.length(); i++) {
			final long gx = x + i * step;
			if (gx >= cx1) break;
			if (gx + (long) GLYPH_W * scale <= cx0) continue;
			final long bits = bits(s.charAt(i));
			for (int r = 0; r < GLYPH_H; r++) {
				int row = (int) (bits >>> (8 * r)) & 0x1F;
				final long y0 = y + (long) r * scale;
				final int ya = (int) Math.max(y0, 0), yb = (int) Math.min(y0 + scale, height);
				if (row == 0 || ya >= yb) continue;
				for (int c = 0; row != 0; c++, row >>>= 1) {
					if ((row & 1) == 0) continue;
					final long x0 = gx + (long) c * scale;
					final int xa = (int) Math.max(x0, cx0), xb = (int) Math.min(x0 + scale, cx1);
					for (int yy = ya; yy < yb; yy++)
						for (int o = yy * stride, xx = xa; xx < xb; xx++)
							px[o + xx] = rgb;
				}
			}
		}
	}

	/** Whether c has its own glyph (others are drawn as '?'). */
	public static boolean has(final char c) {
		if (c < 128) return ASCII_SET[c];
		for (int i = 0; i < extras; i++)
			if (EXTRA_CHARS[i] == c) return true;
		return false;
	}

	/** The glyph drawn for c (that of '?' when c has none): row r in byte r, column c in bit c of it. */
	static long bits(final char c) {
		if (c < 128) return ASCII_SET[c] ? ASCII[c] : ASCII['?'];
		for (int i = 0; i < extras; i++)
			if (EXTRA_CHARS[i] == c) return EXTRA_BITS[i];
		return ASCII['?'];
	}

	/** The characters with a glyph of their own, in table order. */
	static String chars() {
		final StringBuilder b = new StringBuilder();
		for (char c = 0; c < 128; c++)
			if (ASCII_SET[c]) b.append(c);
		return b.append(EXTRA_CHARS, 0, extras).toString();
	}

	/** A glyph as ASCII art again, in the table's form ("#" set, "." clear, rows separated by '/'). */
	static String art(final long bits) {
		final StringBuilder b = new StringBuilder(GLYPH_H * (GLYPH_W + 1));
		for (int r = 0; r < GLYPH_H; r++) {
			if (r > 0) b.append('/');
			for (int c = 0; c < GLYPH_W; c++)
				b.append((bits >>> (8 * r + c) & 1) != 0 ? '#' : '.');
		}
		return b.toString();
	}

	/** Parses one glyph of the table; anything but 8 rows of 5 '#'/'.' is an error in the table. */
	static long parse(final String art) {
		final String[] rows = art.split("/", -1);
		if (rows.length != GLYPH_H) throw new IllegalArgumentException("a glyph needs " + GLYPH_H + " rows: " + art);
		long bits = 0;
		for (int r = 0; r < GLYPH_H; r++) {
			if (rows[r].length() != GLYPH_W)
				throw new IllegalArgumentException("a glyph row needs " + GLYPH_W + " columns: " + art);
			for (int c = 0; c < GLYPH_W; c++) {
				final char p = rows[r].charAt(c);
				if (p == '#') bits |= 1L << (8 * r + c);
				else if (p != '.') throw new IllegalArgumentException("a glyph holds only '#' and '.': " + art);
			}
		}
		return bits;
	}

	private static void put(final char c, final String art) {
		if (has(c)) throw new IllegalStateException("two glyphs for '" + c + "'");
		final long bits = parse(art);
		if (c < 128) {
			ASCII[c] = bits;
			ASCII_SET[c] = true;
		}
		else {
			EXTRA_CHARS[extras] = c;
			EXTRA_BITS[extras++] = bits;
		}
	}

	private static void checkScale(final int scale) {
		if (scale < 1) throw new IllegalArgumentException("the scale must be at least 1, got " + scale);
	}
}
