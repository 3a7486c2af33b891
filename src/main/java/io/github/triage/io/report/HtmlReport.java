package io.github.triage.io.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.triage.report.Gray8;
import io.github.triage.report.Plot;
import io.github.triage.report.ReportModel;
import io.github.triage.report.SliceAudit;
import io.github.triage.report.Summary;
import io.github.triage.report.Thumbnail;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: styles inline, every image a PNG {@code data:}
 * URI, no script, no network. It reads the same when e-mailed, archived or printed.
 */
public final class HtmlReport {
	private HtmlReport() {
	}

	public static String render(final ReportModel m) {
		final StringBuilder b = new StringBuilder(1 << 16);
		b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>").append(esc(m.title()))
				.append("</title>\n<style>\n").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n");
		b.append("<header><h1>").append(esc(m.title())).append("</h1><p>Written ").append(esc(m.provenance().date()))
				.append(" by Triage ").append(esc(m.provenance().version())).append("</p></header>\n");
		b.append("<nav><a href=\"#summary\">Summary</a><a href=\"#plots\">Plots</a><a href=\"#slices\">Slices</a>");
		if (!m.orthoViews().isEmpty()) b.append("<a href=\"#volume\">Volume</a>");
		b.append("<a href=\"#audit\">Audit trail</a><a href=\"#run\">Run</a></nav>\n");
		summary(b, m);
		plots(b, m.plots());
		slices(b, m.thumbnails());
		volume(b, m.orthoViews());
		audit(b, m);
		run(b, m);
		b.append("<footer>Triage ").append(esc(m.provenance().version()))
				.append(" · this page needs no network and no script; its images are inside it.</footer>\n</body>\n</html>\n");
		return b.toString();
	}

	private static void summary(final StringBuilder b, final ReportModel m) {
		final Summary s = m.summary();
		b.append("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"boxes\">");
		box(b, "slices in", s.slices(), "");
		box(b, "used", s.used(), "ok");
		box(b, "excluded", s.excluded(), s.excluded() > 0 ? "bad" : "");
		box(b, "warnings", m.warnings().size(), m.warnings().isEmpty() ? "" : "warn");
		b.append("</div>\n");
		if (!s.excludedBy().isEmpty()) {
			b.append("<table class=\"narrow\"><tr><th>excluded by</th><th>slices</th><th>why</th></tr>\n");
			for (final Map.Entry<String, Integer> e : s.excludedBy().entrySet()) {
				b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"num\">").append(e.getValue())
						.append("</td><td>");
				final StringBuilder why = new StringBuilder();
				s.reasons().get(e.getKey()).forEach((r, n) -> why.append(why.length() > 0 ? "; " : "").append(r)
						.append(n > 1 ? " (" + n + ")" : ""));
				b.append(esc(why.toString())).append("</td></tr>\n");
			}
			b.append("</table>\n");
		}
		if (m.warnings().isEmpty()) b.append("<p class=\"okline\">No warnings.</p>\n");
		else {
			b.append("<div class=\"warnings\"><b>Warnings</b><ul>");
			for (final String w : m.warnings()) b.append("<li>").append(esc(w)).append("</li>");
			b.append("</ul></div>\n");
		}
		b.append("</section>\n");
	}

	private static void box(final StringBuilder b, final String label, final int n, final String kind) {
		b.append("<div class=\"box ").append(kind).append("\"><span>").append(n).append("</span>").append(esc(label))
				.append("</div>");
	}

	private static void plots(final StringBuilder b, final List<Plot> plots) {
		b.append("<section id=\"plots\"><h2>Plots</h2>\n");
		if (plots.isEmpty()) b.append("<p class=\"none\">No per-slice numbers were given (quality, galvo, shifts, "
				+ "pairwise metrics).</p>\n");
		b.append("<div class=\"plots\">");
		for (final Plot p : plots) {
			final PlotImages.Rendered r = PlotImages.render(p);
			b.append("<figure class=\"plot\"><img alt=\"").append(esc(p.title())).append("\" width=\"")
					.append(PlotImages.WIDTH).append("\" height=\"").append(PlotImages.HEIGHT).append("\" src=\"")
					.append(dataUri(r.image())).append("\"><figcaption><b>").append(esc(p.title())).append(".</b> ")
					.append(esc(p.caption()));
			if (r.textProblem() != null)
				b.append(" <i>(axis numbers not drawn: ").append(esc(r.textProblem())).append(")</i>");
			b.append("</figcaption></figure>\n");
		}
		b.append("</div></section>\n");
	}

	private static void slices(final StringBuilder b, final List<Thumbnail> thumbs) {
		b.append("<section id=\"slices\"><h2>Slices</h2>\n");
		if (thumbs.isEmpty()) {
			b.append("<p class=\"none\">No mosaics folder given: no pictures of the slices.</p></section>\n");
			return;
		}
		b.append("<p>One picture per slice, all with the same grey scale, so a dark or empty slice shows as such. "
				+ "Excluded slices are framed in red with the stage and reason.</p>\n<div class=\"thumbs\">");
		for (final Thumbnail t : thumbs) {
			b.append("<figure class=\"thumb").append(t.used() ? "" : " excluded").append("\">");
			if (t.image() != null)
				b.append("<img alt=\"slice ").append(esc(t.sliceId())).append("\" width=\"").append(t.image().width())
						.append("\" height=\"").append(t.image().height()).append("\" src=\"").append(dataUri(t.image()))
						.append("\">");
			else b.append("<div class=\"noimg\">no picture</div>");
			b.append("<figcaption><b>").append(esc(t.sliceId())).append("</b> ");
			if (!t.used()) b.append("<span class=\"why\">").append(esc(t.setBy())).append(": ").append(esc(t.note()))
					.append("</span>");
			else if (!t.note().isEmpty()) b.append("<span>").append(esc(t.note())).append("</span>");
			b.append("</figcaption></figure>");
		}
		b.append("</div></section>\n");
	}

	private static void volume(final StringBuilder b, final List<ReportModel.OrthoView> views) {
		if (views.isEmpty()) return;
		b.append("<section id=\"volume\"><h2>Assembled volume</h2>\n<p>Middle planes of the assembled volume, "
				+ "Z drawn to scale.</p><div class=\"ortho\">");
		// small volumes (coarse levels) are enlarged to a readable size, pixels kept sharp
		int longest = 1;
		for (final ReportModel.OrthoView v : views) longest = Math.max(longest, Math.max(v.image().width(), v.image().height()));
		final double k = Math.max(1, Math.min(6, 420.0 / longest));
		for (final ReportModel.OrthoView v : views)
			b.append("<figure><img alt=\"").append(esc(v.name())).append("\" width=\"")
					.append(Math.round(v.image().width() * k)).append("\" height=\"")
					.append(Math.round(v.image().height() * k)).append("\" src=\"").append(dataUri(v.image()))
					.append("\"><figcaption>").append(esc(v.name())).append("</figcaption></figure>");
		b.append("</div></section>\n");
	}

	private static void audit(final StringBuilder b, final ReportModel m) {
		b.append("<section id=\"audit\"><h2>Audit trail</h2>\n<p>One row per slice: whether it goes into the volume, "
				+ "the stage that decided and why, then every slice_config column.</p>\n<div class=\"scroll\"><table "
				+ "class=\"audit\"><tr><th>slice</th><th>used</th><th>set by</th><th>reason / what was done</th>");
		for (final String c : m.columns()) if (!c.equals("slice_id")) b.append("<th>").append(esc(c)).append("</th>");
		b.append("</tr>\n");
		for (final SliceAudit.Row r : m.audit()) {
			b.append("<tr").append(r.used() ? "" : " class=\"excluded\"").append("><td>").append(esc(r.sliceId()))
					.append("</td><td>").append(r.used() ? "yes" : "<b>no</b>").append("</td><td>").append(esc(r.setBy()))
					.append("</td><td>").append(esc(r.reason())).append("</td>");
			for (final String c : m.columns())
				if (!c.equals("slice_id")) b.append("<td>").append(esc(r.cells().getOrDefault(c, ""))).append("</td>");
			b.append("</tr>\n");
		}
		b.append("</table></div></section>\n");
	}

	private static void run(final StringBuilder b, final ReportModel m) {
		b.append("<section id=\"run\"><h2>Run</h2>\n<table class=\"narrow\"><tr><th>Triage version</th><td>")
				.append(esc(m.provenance().version())).append("</td></tr><tr><th>date</th><td>")
				.append(esc(m.provenance().date())).append("</td></tr>\n");
		m.provenance().inputs().forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td><code>")
				.append(esc(v)).append("</code></td></tr>\n"));
		b.append("</table>\n");
		m.provenance().settings().forEach((stage, s) -> {
			b.append("<h3>Settings: ").append(esc(stage)).append("</h3><table class=\"narrow\">");
			s.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
					.append("</td></tr>"));
			b.append("</table>\n");
		});
		b.append("</section>\n");
	}

	static String dataUri(final Gray8 g) {
		final BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
		System.arraycopy(g.pixels(), 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0,
				g.pixels().length);
		return dataUri(img);
	}

	static String dataUri(final BufferedImage img) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // in memory: only a missing writer can fail
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
	}

	/** Text for HTML content and attribute values. */
	static String esc(final String s) {
		if (s == null) return "";
		final StringBuilder b = new StringBuilder(s.length());
		for (final char c : s.toCharArray())
			switch (c) {
			case '<' -> b.append("&lt;");
			case '>' -> b.append("&gt;");
			case '&' -> b.append("&amp;");
			case '"' -> b.append("&quot;");
			default -> b.append(c);
			}
		return b.toString();
	}
}
