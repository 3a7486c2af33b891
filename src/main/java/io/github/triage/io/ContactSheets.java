package io.github.triage.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import ij.process.ColorProcessor;
import io.github.triage.Listener;
import io.github.triage.ops.Workers;

/**
 * Contact sheets (montages) of class averages, told apart at a glance: each tile min-max scaled on its own, in a
 * green frame when kept and a red one when rejected (rejected tiles also dimmed); the class number in a band above
 * the tile and the state or reason in a caption below it, so no text covers the particle and the number is never
 * hidden; the mask circle drawn (dashed cyan) when its radius is known; a manual decision marked {@code manual}.
 * Drawn with Java2D on an off-screen image, which works headless, and handed out as an ImageJ ColorProcessor.
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
	private static final Color KEPT = new Color(40, 200, 70), REJECTED = new Color(230, 40, 40);
	private static final Color KEPT_BAND = new Color(10, 70, 25), REJECTED_BAND = new Color(90, 10, 10);
	private static final Color MASK = new Color(0, 220, 255);

	private ContactSheets() {
	}

	/** A sheet without a mask circle. */
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
		final int line = fontSize(t) + 4;
		final int header = line, caption = line * CAPTION_LINES;
		return new Layout(n, cols, rows, scale, t, header, caption, cols * (t + GAP) + GAP,
				rows * (header + t + caption + GAP) + GAP);
	}

	/**
	 * Renders the tiles in a grid of about square shape.
	 *
	 * @param maskRadiusPx the mask radius in the class averages' pixels (NaN: no circle)
	 */
	public static ColorProcessor render(final List<Tile> tiles, final int box, final double maskRadiusPx) {
		final BufferedImage bi = renderImage(tiles, box, maskRadiusPx);
		return new ColorProcessor(bi.getWidth(), bi.getHeight(),
				((DataBufferInt) bi.getRaster().getDataBuffer()).getData());
	}

	/**
	 * The sheet as an RGB image (what {@link #render} wraps for ImageJ): the command line writes it as it is, without
	 * loading ImageJ.
	 */
	public static BufferedImage renderImage(final List<Tile> tiles, final int box, final double maskRadiusPx) {
		return renderImage(tiles, box, maskRadiusPx, 1);
	}

	/**
	 * As {@link #renderImage(List, int, double)}, on up to {@code threads} threads: each draws runs of whole cells
	 * (pixels, frame, circle, labels) with its own Graphics. No cell's drawing reaches another cell, and each is drawn
	 * in the same coordinates and with the same rendering state as on one thread, so the sheet is the same pixel for
	 * pixel with any number of threads.
	 */
	public static BufferedImage renderImage(final List<Tile> tiles, final int box, final double maskRadiusPx,
			final int threads) {
		final Layout l = layout(tiles.size(), box);
		final BufferedImage bi = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
		java.util.Arrays.fill(((DataBufferInt) bi.getRaster().getDataBuffer()).getData(), 0x303030);
		final int n = tiles.size(), runs = threads <= 1 ? 1 : Math.min(n, 4 * threads);
		final int per = Math.max(1, (n + runs - 1) / Math.max(1, runs));
		try {
			Workers.map((n + per - 1) / per, threads, Listener.NONE, (r, state, log) -> {
				cells(bi, tiles, box, l, maskRadiusPx, r * per, Math.min(n, (r + 1) * per));
				return null;
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return bi;
	}

	/** Draws cells {@code from..to-1}: their pixels, then frames and circles, then labels. */
	private static void cells(final BufferedImage bi, final List<Tile> tiles, final int box, final Layout l,
			final double maskRadiusPx, final int from, final int to) {
		final int[] px = ((DataBufferInt) bi.getRaster().getDataBuffer()).getData();
		for (int i = from; i < to; i++)
			drawTile(px, l.width(), tiles.get(i).pixels(), box, l.scale(), l.x(i), l.y(i) + l.header(),
					tiles.get(i).rejected());
		final boolean circle = maskRadiusPx > 0 && Double.isFinite(maskRadiusPx);
		final Graphics2D g = bi.createGraphics();
		try {
			// antialiasing goes on at the first circle and stays on: every frame after the first cell's is drawn
			// antialiased, as one thread drawing from cell 0 does
			if (circle && from > 0)
				g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			for (int i = from; i < to; i++) {
				final Tile tile = tiles.get(i);
				final int x0 = l.x(i), y0 = l.y(i);
				g.setColor(tile.rejected() ? REJECTED_BAND : KEPT_BAND);
				g.fillRect(x0, y0, l.tile(), l.header());
				g.fillRect(x0, y0 + l.header() + l.tile(), l.tile(), l.caption());
				g.setColor(tile.rejected() ? REJECTED : KEPT);
				g.setStroke(new BasicStroke(3f));
				g.drawRect(x0 + 1, y0 + 1, l.tile() - 3, l.cellHeight() - 3);
				if (circle) {
					final double r = maskRadiusPx * l.scale(), cx = x0 + l.tile() / 2.0,
							cy = y0 + l.header() + l.tile() / 2.0;
					g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
					g.setColor(MASK);
					g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
							new float[] { 4f, 3f }, 0f));
					g.draw(new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
				}
			}
			drawLabels(g, tiles, l, from, to);
		}
		catch (final LinkageError | InternalError e) {
			// A headless node without fontconfig/fonts cannot draw text: keep the sheet (tiles and frames) and
			// go on; the classes and reasons are in rejection.csv anyway.
			labelsUnavailable = e.toString();
		}
		finally {
			g.dispose();
		}
	}

	/** Why labels could not be drawn on the last sheet (no fonts on this machine), or null. */
	public static volatile String labelsUnavailable;

	private static int fontSize(final int t) {
		return Math.max(10, Math.min(14, t / 9));
	}

	private static void drawLabels(final Graphics2D g, final List<Tile> tiles, final Layout l, final int from,
			final int to) {
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize(l.tile())));
		final FontMetrics fm = g.getFontMetrics();
		final int lineH = l.header();
		for (int i = from; i < to; i++) {
			final Tile tile = tiles.get(i);
			final int x0 = l.x(i), y0 = l.y(i);
			// the class number above the image, the state on the right of the same band
			g.setColor(Color.YELLOW);
			g.drawString(tile.label(), x0 + 5, y0 + (lineH + fm.getAscent()) / 2 - 1);
			final String state = tile.manual() ? "manual" : tile.rejected() ? "rejected" : "kept";
			g.setColor(tile.manual() ? Color.WHITE : tile.rejected() ? new Color(255, 140, 140) : new Color(150, 255, 160));
			final String shown = fit(fm, state, l.tile() - 12 - fm.stringWidth(tile.label()));
			g.drawString(shown, x0 + l.tile() - 5 - fm.stringWidth(shown), y0 + (lineH + fm.getAscent()) / 2 - 1);
			if (tile.rejected() || tile.manual()) {
				final List<String> lines = lines(fm, tile.rejected() ? tile.reason() : "kept by hand", l.tile() - 10);
				int y = y0 + l.header() + l.tile() + fm.getAscent() + 2;
				g.setColor(tile.rejected() ? new Color(255, 170, 170) : new Color(170, 255, 180));
				for (int k = 0; k < Math.min(CAPTION_LINES, lines.size()); k++) {
					final boolean last = k == CAPTION_LINES - 1 && lines.size() > CAPTION_LINES;
					g.drawString(last ? fit(fm, lines.get(k) + " …", l.tile() - 10) : lines.get(k), x0 + 5, y);
					y += lineH;
				}
			}
		}
	}

	/** The text shortened with "…" to fit the width. */
	private static String fit(final FontMetrics fm, final String s, final int width) {
		if (fm.stringWidth(s) <= width) return s;
		String t = s;
		while (t.length() > 1 && fm.stringWidth(t + "…") > width)
			t = t.substring(0, t.length() - 1);
		return t + "…";
	}

	/** Writes a sheet as JPEG (quality 0.9), atomically. */
	public static void writeJpeg(final Path file, final ColorProcessor sheet) throws IOException {
		writeRgbJpeg(file, rgb((int[]) sheet.getPixels(), sheet.getWidth(), sheet.getHeight()));
	}

	/** Writes a sheet of {@link #renderImage} (TYPE_INT_RGB) as JPEG (quality 0.9), atomically. */
	public static void writeJpeg(final Path file, final BufferedImage sheet) throws IOException {
		writeRgbJpeg(file, sheet.getType() != BufferedImage.TYPE_INT_RGB ? sheet
				: rgb(((DataBufferInt) sheet.getRaster().getDataBuffer()).getData(), sheet.getWidth(), sheet.getHeight()));
	}

	private static void writeRgbJpeg(final Path file, final BufferedImage bi) throws IOException {
		AtomicFiles.write(file, out -> {
			final ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
			// in memory: ImageIO's default stream caches to a temporary file
			try (ImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
				w.setOutput(ios);
				final ImageWriteParam p = w.getDefaultWriteParam();
				p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				p.setCompressionQuality(0.9f);
				w.write(null, new IIOImage(bi, null, null), p);
				ios.flush();
			}
			finally {
				w.dispose();
			}
		});
	}

	/**
	 * The same pixels as interleaved 3-byte RGB, in the order ImageIO's JPEG writer hands its encoder: a raster in that
	 * order is copied line by line with arraycopy (from int RGB the writer converted each pixel through the generic
	 * sample model, and from 3-byte BGR it still reordered each pixel in Java). Same pixels, same JPEG bytes.
	 */
	private static BufferedImage rgb(final int[] src, final int w, final int h) {
		final byte[] dst = new byte[3 * src.length];
		rgbBytes(src, dst);
		final java.awt.image.WritableRaster r = java.awt.image.Raster.createInterleavedRaster(
				new DataBufferByte(dst, dst.length), w, h, 3 * w, 3, new int[] { 0, 1, 2 }, null);
		final java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(
				java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
				java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
		return new BufferedImage(cm, r, false, null);
	}

	private static void rgbBytes(final int[] src, final byte[] dst) {
		for (int i = 0, j = 0; i < src.length; i++, j += 3) {
			final int rgb = src[i];
			dst[j] = (byte) (rgb >> 16);
			dst[j + 1] = (byte) (rgb >> 8);
			dst[j + 2] = (byte) rgb;
		}
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

	/** The reason split at "; " and wrapped to the tile width. */
	private static List<String> lines(final FontMetrics fm, final String reason, final int width) {
		final List<String> out = new ArrayList<>();
		for (final String part : reason.split(";\\s*")) {
			String line = "";
			for (final String word : part.split(" ")) {
				final String next = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && fm.stringWidth(next) > width) {
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
