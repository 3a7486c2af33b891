package io.github.triage.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import ij.process.ColorProcessor;

/**
 * Contact sheets (montages) of class averages: each tile min-max scaled on its own, the class number in its
 * corner and, on rejected tiles, a red frame and the reason. Drawn with Java2D on an off-screen image, which works
 * headless (no window, no display), and handed out as an ImageJ ColorProcessor. Used for the JPEG sheets and the
 * Fiji montage.
 */
public final class ContactSheets {

	/** One tile: its pixels (box × box, X fastest), its label, and a reason when it is marked rejected. */
	public record Tile(float[] pixels, String label, String reason) {
		public boolean rejected() {
			return reason != null;
		}
	}

	/** Tiles are at least this many pixels wide, so the labels stay readable on small boxes. */
	private static final int MIN_TILE = 96;
	private static final int GAP = 2;
	private static final Color BAND = new Color(0, 0, 0, 150);

	private ContactSheets() {
	}

	/** Renders the tiles in a grid of about square shape; rejected tiles framed in red with their reason. */
	public static ColorProcessor render(final List<Tile> tiles, final int box) {
		final int n = Math.max(1, tiles.size());
		final int cols = (int) Math.ceil(Math.sqrt(n));
		final int rows = (n + cols - 1) / cols;
		final int scale = Math.max(1, (MIN_TILE + box - 1) / box);
		final int t = box * scale;
		final int w = cols * (t + GAP) + GAP, h = rows * (t + GAP) + GAP;
		// Java2D on an off-screen image: no display needed (headless-safe), and much faster than drawing
		// strings one by one through ImageProcessor
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		final int[] px = ((DataBufferInt) bi.getRaster().getDataBuffer()).getData();
		java.util.Arrays.fill(px, 0x404040);
		for (int i = 0; i < tiles.size(); i++)
			drawTile(px, w, tiles.get(i).pixels(), box, scale, GAP + (i % cols) * (t + GAP), GAP + (i / cols) * (t + GAP));
		final Graphics2D g = bi.createGraphics();
		try {
			for (int i = 0; i < tiles.size(); i++)
				if (tiles.get(i).rejected()) {
					g.setColor(Color.RED);
					g.setStroke(new BasicStroke(2f));
					g.drawRect(GAP + (i % cols) * (t + GAP) + 1, GAP + (i / cols) * (t + GAP) + 1, t - 2, t - 2);
				}
			drawLabels(g, tiles, cols, t);
		}
		catch (final LinkageError | InternalError e) {
			// A headless node without fontconfig/fonts cannot draw text: keep the sheet (tiles and red frames) and
			// go on; the classes and reasons are in rejection.csv anyway.
			labelsUnavailable = e.toString();
		}
		finally {
			g.dispose();
		}
		return new ColorProcessor(w, h, px);
	}

	/** Why labels could not be drawn on the last sheet (no fonts on this machine), or null. */
	public static volatile String labelsUnavailable;

	private static void drawLabels(final Graphics2D g, final List<Tile> tiles, final int cols, final int t) {
		{
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			final int fontSize = Math.max(10, Math.min(14, t / 9));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
			final FontMetrics fm = g.getFontMetrics();
			for (int i = 0; i < tiles.size(); i++) {
				final Tile tile = tiles.get(i);
				final int x0 = GAP + (i % cols) * (t + GAP), y0 = GAP + (i / cols) * (t + GAP);
				// text on a translucent dark band, readable on noisy tiles too
				g.setColor(BAND);
				g.fillRect(x0 + 3, y0 + 3, fm.stringWidth(tile.label()) + 3, fm.getHeight());
				g.setColor(Color.YELLOW);
				g.drawString(tile.label(), x0 + 4, y0 + fm.getAscent() + 3);
				if (tile.rejected()) {
					final List<String> lines = lines(fm, tile.reason(), t - 8);
					int y = y0 + t - 4 - fm.getDescent() - fm.getHeight() * (lines.size() - 1);
					g.setColor(BAND);
					g.fillRect(x0 + 3, y - fm.getAscent(), t - 6, fm.getHeight() * lines.size() + 1);
					g.setColor(new Color(255, 110, 110));
					for (final String line : lines) {
						g.drawString(line, x0 + 4, y);
						y += fm.getHeight();
					}
				}
			}
		}
	}

	/** Writes a sheet as JPEG (quality 0.9), atomically. */
	public static void writeJpeg(final Path file, final ColorProcessor sheet) throws IOException {
		final BufferedImage bi = new BufferedImage(sheet.getWidth(), sheet.getHeight(), BufferedImage.TYPE_INT_RGB);
		final int[] dst = ((DataBufferInt) bi.getRaster().getDataBuffer()).getData();
		System.arraycopy((int[]) sheet.getPixels(), 0, dst, 0, dst.length);
		AtomicFiles.write(file, out -> {
			final ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
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

	private static void drawTile(final int[] out, final int w, final float[] px, final int box, final int scale,
			final int x0, final int y0) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : px) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final float range = max > min ? max - min : 1f;
		for (int y = 0; y < box; y++)
			for (int x = 0; x < box; x++) {
				final int g = Math.round((px[y * box + x] - min) / range * 255f);
				final int rgb = (g << 16) | (g << 8) | g;
				for (int dy = 0; dy < scale; dy++) {
					final int row = (y0 + y * scale + dy) * w + x0 + x * scale;
					java.util.Arrays.fill(out, row, row + scale, rgb);
				}
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
