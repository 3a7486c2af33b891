package io.github.triage.commands;

import java.awt.Color;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import io.github.triage.BadInputException;
import io.github.triage.galvo.GalvoDetector;
import io.github.triage.galvo.PresenceScore;
import io.github.triage.galvo.TileDetection;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.ImageOps;

/**
 * Plugins > Triage > Galvo > Detect galvo shift: the return band of the current stack (a raw tile, Z planes of
 * X B-scans × Y A-lines; a single plane is taken as its AIP). Shows the A-line profile with the band marked and
 * a results table (shift, band start, score and its three parts); optionally rolls the stack in place. Macro:
 * {@code run("Detect galvo shift", "n_extra=40 threshold=0.6 apply_fix=true");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Galvo>Detect galvo shift", label = "Detect galvo shift",
		description = "Find the galvo-return band of the current tile and the shift that moves it to the end")
public class DetectGalvoShiftCommand extends DetectGalvoShiftFields {
	public static final String TABLE = "Galvo shift";

	private ResultsTable table;
	private Plot plot;

	@Override
	protected void execute() {
		if (imp == null) throw new BadInputException("no image open");
		final TileDetection d;
		try (ImageOps ops = ops(use_gpu)) {
			d = GalvoDetector.detect(imp.getTitle(), TiffStacks.fromImagePlus(imp), n_extra, ops);
		}
		shift = d.detectedShift();
		band_start = d.bandStart();
		confidence = d.confidence();
		fix_applied = apply_fix && confidence >= threshold && shift != 0;
		if (fix_applied) FixGalvoShiftCommand.rollInPlace(imp, shift);
		table = table(d);
		plot = plot(d);
		if (!isHeadless()) {
			table.show(TABLE);
			if (show_plot) plot.show();
		}
		log.info(String.format(java.util.Locale.ROOT, "Triage: %s: band at row %d, shift %d, confidence %.3f (%s)%s",
				imp.getTitle(), band_start, shift, confidence, d.presence().interpretation().text,
				fix_applied ? "; fix applied" : ""));
	}

	private ResultsTable table(final TileDetection d) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		final PresenceScore p = d.presence();
		rt.incrementCounter();
		rt.addValue("image", imp.getTitle());
		rt.addValue("n_extra", n_extra);
		rt.addValue("band_start", d.bandStart());
		rt.addValue("shift", d.detectedShift());
		rt.addValue("confidence", d.confidence());
		rt.addValue("score", p.score());
		rt.addValue("contrast (x0.5)", p.contrast());
		rt.addValue("sharpness (x0.3)", p.sharpness());
		rt.addValue("anomaly (x0.2)", p.anomaly());
		rt.addValue("interpretation", p.interpretation().text);
		rt.addValue("fix_applied", String.valueOf(fix_applied));
		return rt;
	}

	/** The A-line profile; the band's rows drawn over it in red (two pieces when it wraps past the last row). */
	private Plot plot(final TileDetection d) {
		final double[] prof = d.rowMeans();
		final double[] x = new double[prof.length];
		for (int i = 0; i < x.length; i++)
			x[i] = i;
		final Plot p = new Plot("Galvo profile: " + imp.getTitle(), "A-line row (Y)", "Mean intensity");
		p.setColor(Color.BLUE);
		p.add("line", x, prof);
		p.setColor(Color.RED);
		p.setLineWidth(2);
		final int rows = prof.length, n = d.shift().nExtra(), s = d.bandStart();
		final int firstLen = Math.min(n, rows - s);
		p.add("line", java.util.Arrays.copyOfRange(x, s, s + firstLen), java.util.Arrays.copyOfRange(prof, s, s + firstLen));
		if (firstLen < n) p.add("line", java.util.Arrays.copyOfRange(x, 0, n - firstLen),
				java.util.Arrays.copyOfRange(prof, 0, n - firstLen));
		p.setColor(Color.BLACK);
		p.addLabel(0.02, 0.08, String.format(java.util.Locale.ROOT, "band %d–%d, shift %d, confidence %.3f", s,
				(s + n - 1) % rows, d.detectedShift(), d.confidence()));
		return p;
	}

	private boolean isHeadless() {
		return ui == null || ui.isHeadless() || java.awt.GraphicsEnvironment.isHeadless();
	}

	/** The results table of the last run (for tests and scripts). */
	public ResultsTable resultsTable() {
		return table;
	}

	/** The profile plot of the last run. */
	public Plot profilePlot() {
		return plot;
	}
}
