package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The built-in pixel font: a complete, unambiguous table, exact widths, and drawing that never leaves its clip. */
class PixelFontTest {
	private static final String EXTRAS = "Å…×±·∞µ≤≥°";
	private static final int RGB = 0x12AB34;

	private static String allChars() {
		final StringBuilder b = new StringBuilder();
		for (char c = 32; c <= 126; c++)
			b.append(c);
		return b.append(EXTRAS).toString();
	}

	@Test
	void everyCharacterHasAnEightByFiveGlyph() {
		for (final char c : allChars().toCharArray()) {
			assertTrue(PixelFont.has(c), "no glyph for '" + c + "'");
			final String art = PixelFont.art(PixelFont.bits(c));
			assertEquals(8, art.split("/").length, "rows of '" + c + "'");
			for (final String row : art.split("/"))
				assertEquals(5, row.length(), "columns of '" + c + "'");
			// nothing stored beyond five columns of eight rows
			assertEquals(0, PixelFont.bits(c) & ~0x1F1F1F1F1F1F1F1FL, "stray bits in '" + c + "'");
			assertEquals(PixelFont.bits(c), PixelFont.parse(art), "'" + c + "' round trip");
		}
		assertEquals(allChars().length(), PixelFont.chars().length(), "glyphs beyond the ones asked for");
	}

	@Test
	void glyphsAreDistinctAndOnlySpaceIsEmpty() {
		final Map<Long, Character> seen = new HashMap<>();
		for (final char c : allChars().toCharArray()) {
			if (c == ' ') {
				assertEquals(0, PixelFont.bits(c));
				continue;
			}
			assertNotEquals(0, PixelFont.bits(c), "empty glyph for '" + c + "'");
			final Character twin = seen.put(PixelFont.bits(c), c);
			assertNull(twin, "'" + c + "' looks exactly like '" + twin + "'");
		}
	}

	@Test
	void zeroOneAndLettersLikeThemDiffer() {
		assertNotEquals(PixelFont.bits('0'), PixelFont.bits('O'));
		assertNotEquals(PixelFont.bits('1'), PixelFont.bits('l'));
		assertNotEquals(PixelFont.bits('1'), PixelFont.bits('I'));
		assertNotEquals(PixelFont.bits('l'), PixelFont.bits('I'));
		// descenders reach row 7, capitals stop at the baseline (row 6)
		for (final char c : "gjpqy".toCharArray())
			assertNotEquals(0, PixelFont.bits(c) >>> 56, "no descender on '" + c + "'");
		for (char c = 'A'; c <= 'Z'; c++)
			assertEquals(0, PixelFont.bits(c) >>> 56, "'" + c + "' below the baseline");
	}

	@Test
	void malformedGlyphsAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> PixelFont.parse("...../...../...../...../...../...../....."));
		assertThrows(IllegalArgumentException.class,
				() -> PixelFont.parse("....../...../...../...../...../...../...../....."));
		assertThrows(IllegalArgumentException.class,
				() -> PixelFont.parse("...../...../...../..x../...../...../...../....."));
	}

	@Test
	void widths() {
		assertEquals(0, PixelFont.width("", 1));
		assertEquals(0, PixelFont.width("", 3));
		assertEquals(5, PixelFont.width("a", 1));
		assertEquals(11, PixelFont.width("ab", 1));
		assertEquals(22, PixelFont.width("ab", 2));
		assertThrows(IllegalArgumentException.class, () -> PixelFont.width("ab", 0));
	}

	@Test
	void drawsEachSetPixelAsAScaledSquare() {
		final int stride = 20, height = 24, x = 3, y = 2, scale = 2;
		final int[] px = new int[stride * height];
		PixelFont.draw(px, stride, x, y, "I", RGB, scale, 0, stride);
		final long bits = PixelFont.bits('I');
		assertEquals(4 * Long.bitCount(bits), count(px, RGB));
		for (int r = 0; r < 8; r++)
			for (int c = 0; c < 5; c++) {
				final boolean set = (bits >>> (8 * r + c) & 1) != 0;
				for (int dy = 0; dy < scale; dy++)
					for (int dx = 0; dx < scale; dx++)
						assertEquals(set ? RGB : 0, px[(y + r * scale + dy) * stride + x + c * scale + dx],
								"row " + r + " column " + c);
			}
	}

	@Test
	void secondGlyphStartsOneAdvanceLater() {
		final int stride = 30, height = 10;
		final int[] pair = new int[stride * height], single = new int[stride * height];
		PixelFont.draw(pair, stride, 1, 1, " H", RGB, 1, 0, stride);
		PixelFont.draw(single, stride, 1 + PixelFont.ADVANCE, 1, "H", RGB, 1, 0, stride);
		assertArrayEquals(single, pair);
	}

	@Test
	void writesNothingOutsideTheClip() {
		final int stride = 24, height = 12, clipX0 = 5, clipX1 = 17;
		final int[] px = new int[stride * height];
		PixelFont.draw(px, stride, -7, 1, "WWWWWWWWW", RGB, 1, clipX0, clipX1);
		PixelFont.draw(px, stride, -7, 3, "MMMMMMMMMMMMMMMMMMM", RGB, 2, clipX0, clipX1);
		assertTrue(count(px, RGB) > 0, "nothing drawn inside the clip");
		for (int yy = 0; yy < height; yy++)
			for (int xx = 0; xx < stride; xx++)
				if (xx < clipX0 || xx >= clipX1) assertEquals(0, px[yy * stride + xx], "(" + xx + ", " + yy + ")");
	}

	@Test
	void textPastTheRowOrTheImageNeitherWrapsNorThrows() {
		final int stride = 10, height = 6;
		final int[] px = new int[stride * height];
		// a clip wider than the row: the text must not spill into the next row's first columns
		PixelFont.draw(px, stride, stride - 3, 0, "MMM", RGB, 1, 0, stride + 50);
		for (int yy = 0; yy < height; yy++)
			for (int xx = 0; xx < stride - 3; xx++)
				assertEquals(0, px[yy * stride + xx], "wrapped to (" + xx + ", " + yy + ")");
		final int before = count(px, RGB);
		PixelFont.draw(px, stride, 0, height + 5, "MMM", RGB, 3, 0, stride);
		PixelFont.draw(px, stride, 0, -100, "MMM", RGB, 3, 0, stride);
		PixelFont.draw(px, stride, 1000, 0, "MMM", RGB, 1, -1000, 2000);
		PixelFont.draw(px, stride, -1000, 0, "MMM", RGB, 1, -2000, 2000);
		assertEquals(before, count(px, RGB));
		// partly above the top: only the rows inside are drawn, no exception
		final int[] top = new int[stride * height];
		PixelFont.draw(top, stride, 0, -3, "H", RGB, 1, 0, stride);
		assertEquals(Long.bitCount(PixelFont.bits('H') >>> 24), count(top, RGB));
	}

	@Test
	void unknownCharactersDrawAsQuestionMarks() {
		assertFalse(PixelFont.has('☃'));
		assertFalse(PixelFont.has('\n'));
		assertFalse(PixelFont.has('é'));
		assertTrue(PixelFont.has('?'));
		final int stride = 20, height = 10;
		final int[] snowman = new int[stride * height], question = new int[stride * height];
		PixelFont.draw(snowman, stride, 2, 1, "a☃", RGB, 1, 0, stride);
		PixelFont.draw(question, stride, 2, 1, "a?", RGB, 1, 0, stride);
		assertArrayEquals(question, snowman);
		assertTrue(count(question, RGB) > 0);
	}

	private static int count(final int[] px, final int rgb) {
		int n = 0;
		for (final int p : px)
			if (p == rgb) n++;
		return n;
	}
}
