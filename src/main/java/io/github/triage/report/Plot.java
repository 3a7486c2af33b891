package io.github.triage.report;

import java.util.List;

/**
 * A line plot as data, drawn by the renderer: lines, marked points, an optional horizontal threshold. Colours are
 * "#rrggbb" so that the core needs no toolkit.
 *
 * @param yMin      lower end of the Y axis; NaN to fit the data
 * @param yMax      upper end of the Y axis; NaN to fit the data
 * @param threshold a dashed horizontal line; NaN for none
 * @param caption   the legend in words, shown under the image (readable even where the image has no text)
 */
public record Plot(String title, String xLabel, String yLabel, double yMin, double yMax, List<Line> lines,
		List<Marks> marks, double threshold, String caption) {

	/** A polyline with a dot at each point. */
	public record Line(String label, double[] x, double[] y, String color, boolean dashed) {
	}

	/** Points marked with a cross (excluded slices). */
	public record Marks(String label, double[] x, double[] y, String color) {
	}

	/** Whether there is anything to draw. */
	public boolean isEmpty() {
		return lines.stream().allMatch(l -> l.x().length == 0);
	}
}
