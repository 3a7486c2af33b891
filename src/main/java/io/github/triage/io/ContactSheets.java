package io.github.triage.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
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
 * corner and, on rejected tiles, a red frame and the reason. Drawn with ImageJ's ColorProcessor on an off-screen
 * image, which works headless (no window, no display). Used for the JPEG sheets and for the Fiji montage.
 */
public final class ContactSheets {

	/** One tile: its pixels (box × box, X fastest), its label, and a reason when it is marked rejected. */
	public record Tile(float[] pixels, String label, String reason) {
		public boolean rejected() {
			return reason != null;
		}
	}

	/** Tiles are at least this many pixels wide, so the labels stay readable on small boxes. */
	private static final int MIN_TILE = 128;
	private static final int GAP = 2;

	private ContactSheets() {
	}

	/** Renders the tiles in a grid of about square shape; rejected tiles framed in red with their reason. */
	public static ColorProcessor render(final List<Tile> tiles, final int box) {
		final int n = Math.max(1, tiles.size());
		final int cols = (int) Math.ceil(Math.sqrt(n));
		final int rows = (n + cols - 1) / cols;
		final int scale = Math.max(1, (MIN_TILE + box - 1) / box);
		final int t = box * scale;
		final ColorProcessor cp = new ColorProcessor(cols * (t + GAP) + GAP, rows * (t + GAP) + GAP);
		cp.setColor(Color.DARK_GRAY);
		cp.fill();
		final int fontSize = Math.max(10, Math.min(14, t / 10));
		cp.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
		cp.setAntialiasedText(true);
		for (int i = 0; i < tiles.size(); i++) {
			final Tile tile = tiles.get(i);
			final int x0 = GAP + (i % cols) * (t + GAP), y0 = GAP + (i / cols) * (t + GAP);
			drawTile(cp, tile.pixels(), box, scale, x0, y0);
			if (tile.rejected()) {
				cp.setColor(Color.RED);
				cp.setLineWidth(Math.max(2, t / 48));
				cp.drawRect(x0, y0, t, t);
				cp.setLineWidth(1);
			}
			cp.setColor(Color.YELLOW);
			cp.drawString(tile.label(), x0 + 3, y0 + fontSize + 2);
			if (tile.rejected()) {
				cp.setColor(new Color(255, 90, 90));
				int y = y0 + t - 3 - (fontSize + 1) * (lines(cp, tile.reason(), t - 6).size() - 1);
				for (final String line : lines(cp, tile.reason(), t - 6)) {
					cp.drawString(line, x0 + 3, y);
					y += fontSize + 1;
				}
			}
		}
		return cp;
	}

	/** Writes a sheet as JPEG (quality 0.9), atomically. */
	public static void writeJpeg(final Path file, final ColorProcessor sheet) throws IOException {
		final BufferedImage bi = new BufferedImage(sheet.getWidth(), sheet.getHeight(), BufferedImage.TYPE_INT_RGB);
		bi.setRGB(0, 0, sheet.getWidth(), sheet.getHeight(), (int[]) sheet.getPixels(), 0, sheet.getWidth());
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

	private static void drawTile(final ColorProcessor cp, final float[] px, final int box, final int scale,
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
				for (int dy = 0; dy < scale; dy++)
					for (int dx = 0; dx < scale; dx++)
						cp.set(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
			}
	}

	/** The reason split at "; " and wrapped to the tile width. */
	private static List<String> lines(final ColorProcessor cp, final String reason, final int width) {
		final List<String> out = new ArrayList<>();
		for (final String part : reason.split(";\\s*")) {
			String line = "";
			for (final String word : part.split(" ")) {
				final String next = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && cp.getStringWidth(next) > width) {
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
