package io.github.triage.io.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import io.github.triage.report.Plot;
import io.github.triage.report.Numbers;

/**
 * Draws a {@link Plot} with Java2D on an off-screen image (headless-safe). Lines, marks and the threshold are drawn
 * first and the text last: a node without fonts (no fontconfig) still gets the plot, without its numbers, and the
 * report says so; the legend is in the report's text anyway.
 */
public final class PlotImages {
	public static final int WIDTH = 620, HEIGHT = 300;
	private static final int LEFT = 62, RIGHT = 14, TOP = 30, BOTTOM = 42;

	/** The picture, and why its text is missing (null when it is complete). */
	public record Rendered(BufferedImage image, String textProblem) {
	}

	private PlotImages() {
	}

	public static Rendered render(final Plot p) {
		final BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			final Axes a = axes(p);
			drawFrame(g, a);
			if (!Double.isNaN(p.threshold())) {
				g.setColor(new Color(60, 60, 60));
				g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
				g.draw(new Line2D.Double(LEFT, a.py(p.threshold()), WIDTH - RIGHT, a.py(p.threshold())));
			}
			for (final Plot.Line l : p.lines()) drawLine(g, a, l);
			g.setStroke(new BasicStroke(2.5f));
			for (final Plot.Marks m : p.marks()) {
				g.setColor(Color.decode(m.color()));
				for (int i = 0; i < m.x().length; i++) {
					final double x = a.px(m.x()[i]), y = a.py(m.y()[i]);
					g.draw(new Line2D.Double(x - 5, y - 5, x + 5, y + 5));
					g.draw(new Line2D.Double(x - 5, y + 5, x + 5, y - 5));
				}
			}
			try {
				drawText(g, a, p);
			}
			catch (final LinkageError | InternalError e) {
				return new Rendered(img, "no fonts on this machine (" + e + ")");
			}
			return new Rendered(img, null);
		}
		finally {
			g.dispose();
		}
	}

	/** Data → pixel mapping, and the ticks. */
	private record Axes(double x0, double x1, double y0, double y1, double xStep, double yStep) {
		double px(final double x) {
			return LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
		}

		double py(final double y) {
			return HEIGHT - BOTTOM - (y - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
		}
	}

	private static Axes axes(final Plot p) {
		double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
		double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
		for (final Plot.Line l : p.lines())
			for (int i = 0; i < l.x().length; i++) {
				if (!Double.isFinite(l.y()[i])) continue;
				xMin = Math.min(xMin, l.x()[i]);
				xMax = Math.max(xMax, l.x()[i]);
				yMin = Math.min(yMin, l.y()[i]);
				yMax = Math.max(yMax, l.y()[i]);
			}
		if (xMin > xMax) {
			xMin = 0;
			xMax = 1;
		}
		if (!Double.isNaN(p.threshold())) {
			yMin = Math.min(yMin, p.threshold());
			yMax = Math.max(yMax, p.threshold());
		}
		if (yMin > yMax) {
			yMin = 0;
			yMax = 1;
		}
		final double pad = yMax > yMin ? (yMax - yMin) * 0.08 : Math.max(Math.abs(yMax) * 0.1, 0.5);
		final double y0 = Double.isNaN(p.yMin()) ? yMin - pad : Math.min(p.yMin(), yMin);
		final double y1 = Double.isNaN(p.yMax()) ? yMax + pad : Math.max(p.yMax(), yMax);
		final double x0 = xMin - 0.5, x1 = xMax + 0.5;
		return new Axes(x0, x1, y0, y1, Math.max(1, niceStep((x1 - x0) / 10)), niceStep((y1 - y0) / 5));
	}

	/** 1, 2 or 5 times a power of ten, at least {@code raw}. */
	static double niceStep(final double raw) {
		if (!(raw > 0)) return 1;
		final double p = Math.pow(10, Math.floor(Math.log10(raw)));
		for (final double m : new double[] { 1, 2, 5, 10 })
			if (m * p >= raw) return m * p;
		return 10 * p;
	}

	private static void drawFrame(final Graphics2D g, final Axes a) {
		g.setStroke(new BasicStroke(1f));
		g.setColor(new Color(232, 232, 232));
		for (double y = Math.ceil(a.y0() / a.yStep()) * a.yStep(); y <= a.y1() + 1e-9; y += a.yStep())
			g.draw(new Line2D.Double(LEFT, a.py(y), WIDTH - RIGHT, a.py(y)));
		for (double x = Math.ceil(a.x0() / a.xStep()) * a.xStep(); x <= a.x1(); x += a.xStep())
			g.draw(new Line2D.Double(a.px(x), TOP, a.px(x), HEIGHT - BOTTOM));
		g.setColor(Color.DARK_GRAY);
		g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
	}

	private static void drawLine(final Graphics2D g, final Axes a, final Plot.Line l) {
		g.setColor(Color.decode(l.color()));
		g.setStroke(l.dashed() ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
				new float[] { 5, 4 }, 0) : new BasicStroke(1.8f));
		final Path2D path = new Path2D.Double();
		boolean open = false;
		for (int i = 0; i < l.x().length; i++) {
			if (!Double.isFinite(l.y()[i])) {
				open = false;
				continue;
			}
			if (open) path.lineTo(a.px(l.x()[i]), a.py(l.y()[i]));
			else path.moveTo(a.px(l.x()[i]), a.py(l.y()[i]));
			open = true;
		}
		g.draw(path);
		if (l.x().length <= 200)
			for (int i = 0; i < l.x().length; i++)
				if (Double.isFinite(l.y()[i]))
					g.fill(new Ellipse2D.Double(a.px(l.x()[i]) - 2.5, a.py(l.y()[i]) - 2.5, 5, 5));
	}

	private static void drawText(final Graphics2D g, final Axes a, final Plot p) {
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString(p.title(), LEFT, 18);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		final FontMetrics fm = g.getFontMetrics();
		for (double y = Math.ceil(a.y0() / a.yStep()) * a.yStep(); y <= a.y1() + 1e-9; y += a.yStep()) {
			final String s = Numbers.short3(Math.abs(y) < 1e-12 ? 0 : y);
			g.drawString(s, LEFT - 4 - fm.stringWidth(s), (int) a.py(y) + fm.getAscent() / 2 - 1);
		}
		for (double x = Math.ceil(a.x0() / a.xStep()) * a.xStep(); x <= a.x1(); x += a.xStep()) {
			final String s = String.format(Locale.ROOT, "%d", Math.round(x));
			g.drawString(s, (int) a.px(x) - fm.stringWidth(s) / 2, HEIGHT - BOTTOM + fm.getAscent() + 3);
		}
		g.drawString(p.xLabel(), LEFT + (WIDTH - LEFT - RIGHT - fm.stringWidth(p.xLabel())) / 2, HEIGHT - 6);
		final Graphics2D r = (Graphics2D) g.create();
		r.rotate(-Math.PI / 2);
		r.drawString(p.yLabel(), -(TOP + (HEIGHT - TOP - BOTTOM + fm.stringWidth(p.yLabel())) / 2), 14);
		r.dispose();
	}
}
