package io.github.triage.io;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.gui.Plot;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.SliceQuality;
import io.github.triage.slice.SliceConfig;

/**
 * The quality report: a CSV with every raw metric and decision per slice, a plot of the score per slice (threshold
 * line, excluded slices marked) and per-slice JSON diagnostics. All written atomically; the plot renders headless.
 */
public final class QualityReports {
	public static final List<String> CSV_COLUMNS = List.of("slice_id", "depth", "height", "width", "has_data",
			"ssim_before", "ssim_after", "ssim", "edge", "variance", "quality_score", "calibration", "low_quality", "use",
			"note");

	private QualityReports() {
	}

	public static void writeCsv(final Path file, final List<SliceQuality> metrics,
			final List<QualityDecisions.Decision> decisions) throws IOException {
		final List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < metrics.size(); i++) {
			final SliceQuality q = metrics.get(i);
			final QualityDecisions.Decision d = decisions.get(i);
			rows.add(List.of(q.sliceId(), s(q.depth()), s(q.height()), s(q.width()), s(q.hasData()), f(q.ssimBefore()),
					f(q.ssimAfter()), f(q.ssim()), f(q.edge()), f(q.variance()), f(q.qualityScore()), s(d.calibration()),
					s(d.lowQuality()), s(d.use()), d.note()));
		}
		CsvTables.write(file, CSV_COLUMNS, rows);
	}

	/** The scores as the CLI prints them on stdout: slice_id, ssim, edge, variance, quality_score. */
	public static String scoresCsv(final List<SliceQuality> metrics) {
		final List<List<String>> rows = new ArrayList<>();
		for (final SliceQuality q : metrics)
			rows.add(List.of(q.sliceId(), f(q.ssim()), f(q.edge()), f(q.variance()), f(q.qualityScore())));
		return CsvTables.format(List.of("slice_id", "ssim", "edge", "variance", "quality_score"), rows);
	}

	private static String s(final Object v) {
		return String.valueOf(v);
	}

	/**
	 * The score-per-slice plot: blue line and circles; calibration slices as orange crosses, other excluded slices
	 * (low quality) as red crosses; the threshold as a dotted line.
	 */
	public static Plot plot(final List<SliceQuality> metrics, final List<QualityDecisions.Decision> decisions,
			final double minQuality) {
		final int n = metrics.size();
		final double[] x = new double[n], y = new double[n];
		final List<double[]> calib = new ArrayList<>(), low = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			x[i] = SliceConfig.idValue(metrics.get(i).sliceId());
			y[i] = metrics.get(i).qualityScore();
			final QualityDecisions.Decision d = decisions.get(i);
			if (d.calibration()) calib.add(new double[] { x[i], y[i] });
			else if (!d.use()) low.add(new double[] { x[i], y[i] });
		}
		final Plot plot = new Plot("Slice quality", "slice id", "quality score");
		plot.setSize(640, 360);
		plot.setLimits(x[0] - 0.5, x[n - 1] + 0.5, 0, 1);
		plot.setColor(Color.BLUE);
		plot.addPoints(x, y, Plot.LINE);
		plot.addPoints(x, y, Plot.CIRCLE);
		plot.setLineWidth(2);
		marks(plot, calib, new Color(255, 140, 0));
		marks(plot, low, Color.RED);
		plot.setLineWidth(1);
		if (minQuality > 0) {
			plot.setColor(Color.DARK_GRAY);
			plot.drawDottedLine(x[0] - 0.5, minQuality, x[n - 1] + 0.5, minQuality, 3);
		}
		plot.setColor(Color.BLACK);
		plot.addLabel(0.02, 0.08, (minQuality > 0 ? String.format(Locale.ROOT, "threshold %.3g (dotted); ", minQuality)
				: "") + "x = use=false (orange: calibration, red: low quality)");
		return plot;
	}

	private static void marks(final Plot plot, final List<double[]> pts, final Color c) {
		if (pts.isEmpty()) return;
		plot.setColor(c);
		plot.addPoints(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(),
				Plot.X);
	}

	public static void writePng(final Path file, final Plot plot) throws IOException {
		final ImagePlus imp = plot.getImagePlus();
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(imp.getBufferedImage(), "png", out)) throw new IOException(file + ": no PNG writer");
		});
	}

	/** One slice's diagnostics as a JSON-ready map: its metrics, decision, warnings and the run's settings. */
	public static Map<String, Object> diagnostics(final SliceQuality q, final QualityDecisions.Decision d,
			final Map<String, Object> run, final List<String> warnings) {
		final Map<String, Object> m = metrics(q, "quality");
		m.put("use", d.use());
		m.put("calibration", d.calibration());
		m.put("calibration_detected", d.calibrationDetected());
		m.put("low_quality", d.lowQuality());
		m.put("note", d.note());
		m.put("warnings", warnings);
		m.put("run", run);
		return m;
	}

	/** One slice's raw metrics, neighbours and score weights as a JSON-ready map. */
	public static Map<String, Object> metrics(final SliceQuality q, final String stage) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("slice_id", q.sliceId());
		m.put("stage", stage);
		m.put("depth", q.depth());
		m.put("height", q.height());
		m.put("width", q.width());
		m.put("has_data", q.hasData());
		m.put("previous_slice", q.previousId());
		m.put("next_slice", q.nextId());
		m.put("ssim_before", q.ssimBefore());
		m.put("ssim_after", q.ssimAfter());
		m.put("ssim", q.ssim());
		m.put("edge", q.edge());
		m.put("variance", q.variance());
		m.put("quality_score", q.qualityScore());
		m.put("weights", Map.of("ssim", SliceQuality.W_SSIM, "edge", SliceQuality.W_EDGE, "variance",
				SliceQuality.W_VARIANCE));
		return m;
	}

	private static String f(final double v) {
		return String.format(Locale.ROOT, "%.6f", v);
	}
}
