package io.github.triage.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.process.ColorProcessor;
import io.github.triage.Listener;
import io.github.triage.ops.Workers;

/**
 * Contact sheets (montages) of class averages, told apart at a glance: each tile min-max scaled on its own, in a
 * green frame when kept and a red one when rejected (rejected tiles also dimmed); the class number in a band above
 * the tile and the state or reason in a caption below it, so no text covers the particle and the number is never
 * hidden; the mask circle drawn (dashed cyan) when its radius is known; a manual decision marked {@code manual}.
 * Drawn pixel by pixel with the built-in {@link PixelFont} (no Java2D, no fonts): the same sheet on every machine.
 * Used for the JPEG sheets and the Fiji montage and review window ({@link Layout} says where each tile is).
 */
public final class ContactSheets {

	/**
	 * One tile: its pixels (box × box, X fastest), its label (the class number), the reason when rejected (null
	 * when kept) and whether a person decided it.
	 */
	public record Tile(float[] pixels, String label, String reason, boolean manual) {
		public Tile(final float[] pixels, final String label, final String reason) {
			this(pixels, label, reason, false);
		}

		public boolean rejected() {
			return reason != null;
		}
	}

	/**
	 * Where the tiles lie on a sheet: cell {@code i} starts at ({@link #x}, {@link #y}); the image of the class is
	 * {@code tile} px square, {@code header} px below the cell's top; the caption follows it.
	 */
	public record Layout(int count, int cols, int rows, int scale, int tile, int header, int caption, int width,
			int height) {
		public int x(final int i) {
			return GAP + (i % cols) * (tile + GAP);
		}

		public int y(final int i) {
			return GAP + (i / cols) * (cellHeight() + GAP);
		}

		public int cellHeight() {
			return header + tile + caption;
		}

		/** The tile under a point of the sheet, or -1. */
		public int tileAt(final int px, final int py) {
			for (int i = 0; i < count; i++)
				if (px >= x(i) && px < x(i) + tile && py >= y(i) && py < y(i) + cellHeight()) return i;
			return -1;
		}
	}

	/** Tiles are at least this many pixels wide, so the labels stay readable on small boxes. */
	private static final int MIN_TILE = 96;
	private static final int GAP = 4;
	private static final int CAPTION_LINES = 3;
	private static final int BACKGROUND = 0x303030;
	private static final int KEPT = 0x28C846, REJECTED = 0xE62828;
	private static final int KEPT_BAND = 0x0A4619, REJECTED_BAND = 0x5A0A0A;
	private static final int MASK = 0x00DCFF;
	private static final int NUMBER = 0xFFFF00, KEPT_TEXT = 0x96FFA0, REJECTED_TEXT = 0xFF8C8C, MANUAL_TEXT = 0xFFFFFF;
	private static final int KEPT_CAPTION = 0xAAFFB4, REJECTED_CAPTION = 0xFFAAAA;
	/** The frame's width and the mask circle's dashes (on, off) in pixels. */
	private static final int FRAME = 3, DASH_ON = 4, DASH = 7;

	private ContactSheets() {
	}

	/** A drawn sheet: {@code width × height} pixels {@code 0xRRGGBB}, row-major. */
	public record Sheet(int[] pixels, int width, int height) {
	}

	/** A sheet without a mask circle, for ImageJ. */
	public static ColorProcessor render(final List<Tile> tiles, final int box) {
		return render(tiles, box, Double.NaN);
	}

	/** The layout of a sheet of {@code n} tiles of {@code box} px. */
	public static Layout layout(final int n, final int box) {
		final int count = Math.max(1, n);
		final int cols = (int) Math.ceil(Math.sqrt(count));
		final int rows = (count + cols - 1) / cols;
		final int scale = Math.max(1, (MIN_TILE + box - 1) / box);
		final int t = box * scale;
		final int line = PixelFont.GLYPH_H * textScale(t) + 4;
		final int header = line, caption = line * CAPTION_LINES;
		return new Layout(n, cols, rows, scale, t, header, caption, cols * (t + GAP) + GAP,
				rows * (header + t + caption + GAP) + GAP);
	}

	/**
	 * Renders the tiles in a grid of about square shape, for ImageJ.
	 *
	 * @param maskRadiusPx the mask radius in the class averages' pixels (NaN: no circle)
	 */
	public static ColorProcessor render(final List<Tile> tiles, final int box, final double maskRadiusPx) {
		final Sheet s = draw(tiles, box, maskRadiusPx, 1);
		return new ColorProcessor(s.width(), s.height(), s.pixels());
	}

	/**
	 * The sheet's pixels, drawn on up to {@code threads} threads, each a run of whole cells. Drawn pixel by pixel,
	 * with the built-in {@link PixelFont}, without Java2D: no graphics environment or fonts to load (a tenth of a
	 * second of a command-line run), the same sheet on every machine, labels even where no fonts are installed. No
	 * cell's drawing reaches another cell, so the sheet is the same with any number of threads.
	 */
	public static Sheet draw(final List<Tile> tiles, final int box, final double maskRadiusPx, final int threads) {
		final Layout l = layout(tiles.size(), box);
		final int[] px = new int[l.width() * l.height()];
		java.util.Arrays.fill(px, BACKGROUND);
		final int n = tiles.size(), runs = threads <= 1 ? 1 : Math.min(n, 4 * threads);
		final int per = Math.max(1, (n + runs - 1) / Math.max(1, runs));
		try {
			Workers.map((n + per - 1) / per, threads, Listener.NONE, (r, state, log) -> {
				for (int i = r * per; i < Math.min(n, (r + 1) * per); i++)
					cell(px, l, tiles.get(i), box, i, maskRadiusPx);
				return null;
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Sheet(px, l.width(), l.height());
	}

	/** Cell {@code i}: its pixels, bands, frame, mask circle, then labels. */
	private static void cell(final int[] px, final Layout l, final Tile tile, final int box, final int i,
			final double maskRadiusPx) {
		final int w = l.width(), x0 = l.x(i), y0 = l.y(i), t = l.tile();
		drawTile(px, w, tile.pixels(), box, l.scale(), x0, y0 + l.header(), tile.rejected());
		final int band = tile.rejected() ? REJECTED_BAND : KEPT_BAND, frame = tile.rejected() ? REJECTED : KEPT;
		fill(px, w, x0, y0, t, l.header(), band);
		fill(px, w, x0, y0 + l.header() + t, t, l.caption(), band);
		final int h = l.cellHeight();
		fill(px, w, x0, y0, t, FRAME, frame);
		fill(px, w, x0, y0 + h - FRAME, t, FRAME, frame);
		fill(px, w, x0, y0, FRAME, h, frame);
		fill(px, w, x0 + t - FRAME, y0, FRAME, h, frame);
		if (maskRadiusPx > 0 && Double.isFinite(maskRadiusPx))
			circle(px, w, x0, y0, t, h, x0 + t / 2.0, y0 + l.header() + t / 2.0, maskRadiusPx * l.scale());
		labels(px, l, tile, x0, y0);
	}

	private static void fill(final int[] px, final int w, final int x, final int y, final int cw, final int ch,
			final int rgb) {
		for (int r = y; r < y + ch; r++)
			java.util.Arrays.fill(px, r * w + x, r * w + x + cw, rgb);
	}

	/**
	 * A dashed circle of radius {@code r} about ({@code cx}, {@code cy}), one pixel wide and smoothed (each pixel
	 * blended by its distance from the circle, as pixel centres lie), kept inside its cell.
	 */
	private static void circle(final int[] px, final int w, final int cellX, final int cellY, final int cellW,
			final int cellH, final double cx, final double cy, final double r) {
		final int xa = Math.max(cellX, (int) Math.floor(cx - r - 1)), xb = Math.min(cellX + cellW, (int) Math.ceil(cx + r + 1));
		final int ya = Math.max(cellY, (int) Math.floor(cy - r - 1)), yb = Math.min(cellY + cellH, (int) Math.ceil(cy + r + 1));
		for (int y = ya; y < yb; y++) {
			final double dy = y + 0.5 - cy;
			for (int x = xa; x < xb; x++) {
				final double dx = x + 0.5 - cx, d = Math.abs(Math.sqrt(dx * dx + dy * dy) - r);
				if (d >= 1) continue;
				// the arc length from the circle's right-most point, clockwise on screen: which dash it falls in
				double arc = Math.atan2(dy, dx) * r;
				if (arc < 0) arc += 2 * Math.PI * r;
				if ((int) arc % DASH >= DASH_ON) continue;
				px[y * w + x] = blend(px[y * w + x], MASK, 1 - d);
			}
		}
	}

	private static int blend(final int under, final int over, final double a) {
		int out = 0;
		for (int c = 0; c < 24; c += 8) {
			final double v = ((over >> c) & 0xFF) * a + ((under >> c) & 0xFF) * (1 - a);
			out |= (int) Math.round(v) << c;
		}
		return out;
	}

	/** Text scale of the built-in font for a tile width: twice its pixels from 126 px tiles on. */
	private static int textScale(final int t) {
		return t >= 126 ? 2 : 1;
	}

	/** The class number and state in the band above the image; the reason (or "kept by hand") below it. */
	private static void labels(final int[] px, final Layout l, final Tile tile, final int x0, final int y0) {
		final int w = l.width(), t = l.tile(), s = textScale(t), lineH = l.header();
		final int capH = 7 * s, left = x0 + FRAME + 2, right = x0 + t - FRAME - 2;
		final int top = y0 + (lineH - capH) / 2;
		PixelFont.draw(px, w, left, top, tile.label(), NUMBER, s, left, right);
		final String state = tile.manual() ? "manual" : tile.rejected() ? "rejected" : "kept";
		final int room = right - left - PixelFont.width(tile.label(), s) - PixelFont.ADVANCE * s;
		// where the word does not fit beside the number, its short form (the frame's colour says it too)
		final String shown = PixelFont.width(state, s) <= room ? state : fit(state.substring(0, 3), room, s);
		PixelFont.draw(px, w, right - PixelFont.width(shown, s), top, shown,
				tile.manual() ? MANUAL_TEXT : tile.rejected() ? REJECTED_TEXT : KEPT_TEXT, s, left, right);
		if (!tile.rejected() && !tile.manual()) return;
		final List<String> lines = lines(tile.rejected() ? tile.reason() : "kept by hand", right - left, s);
		int y = y0 + l.header() + t + (lineH - capH) / 2;
		final int colour = tile.rejected() ? REJECTED_CAPTION : KEPT_CAPTION;
		for (int k = 0; k < Math.min(CAPTION_LINES, lines.size()); k++) {
			final boolean last = k == CAPTION_LINES - 1 && lines.size() > CAPTION_LINES;
			PixelFont.draw(px, w, left, y, last ? fit(lines.get(k) + " …", right - left, s) : lines.get(k), colour, s,
					left, right);
			y += lineH;
		}
	}

	/** The text shortened with "…" to fit the width. */
	private static String fit(final String text, final int width, final int scale) {
		if (PixelFont.width(text, scale) <= width) return text;
		String t = text;
		while (t.length() > 1 && PixelFont.width(t + "…", scale) > width)
			t = t.substring(0, t.length() - 1);
		return t + "…";
	}

	/** Writes a sheet as JPEG (quality 0.9), atomically, coded on up to {@code threads} threads. */
	public static void writeJpeg(final Path file, final Sheet sheet, final int threads) throws IOException {
		AtomicFiles.write(file, out -> JpegEncoder.write(out, sheet.pixels(), sheet.width(), sheet.height(), 0.9f,
				threads));
	}

	/** Writes an ImageJ sheet as JPEG (quality 0.9), atomically: the same bytes as the {@link Sheet} it shows. */
	public static void writeJpeg(final Path file, final ColorProcessor sheet) throws IOException {
		writeJpeg(file, new Sheet((int[]) sheet.getPixels(), sheet.getWidth(), sheet.getHeight()), 1);
	}

	private static void drawTile(final int[] out, final int w, final float[] px, final int box, final int scale,
			final int x0, final int y0, final boolean dim) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : px) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final float range = max > min ? max - min : 1f;
		for (int y = 0; y < box; y++) {
			final int row = (y0 + y * scale) * w + x0;
			for (int x = 0; x < box; x++) {
				// rejected tiles dimmed: kept and rejected apart at a glance, even in grey print
				final int g = Math.round((px[y * box + x] - min) / range * (dim ? 150f : 255f));
				final int rgb = (g << 16) | (g << 8) | g;
				for (int dx = 0, o = row + x * scale; dx < scale; dx++)
					out[o + dx] = rgb;
			}
			// the other rows of an enlarged pixel repeat the first
			for (int dy = 1; dy < scale; dy++)
				System.arraycopy(out, row, out, row + dy * w, box * scale);
		}
	}

	/** The reason split at "; " and wrapped to the width. */
	private static List<String> lines(final String reason, final int width, final int scale) {
		final List<String> out = new ArrayList<>();
		for (final String part : reason.split(";\\s*")) {
			String line = "";
			for (final String word : part.split(" ")) {
				final String next = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && PixelFont.width(next, scale) > width) {
					out.add(line);
					line = word;
				}
				else line = next;
			}
			if (!line.isEmpty()) out.add(line);
		}
		return out;
	}
}
