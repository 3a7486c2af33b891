package io.github.triage.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.slice.CumulativeShifts;
import io.github.triage.slice.ShiftsTable;

/**
 * Where each selected slice goes on one common XY canvas, as linumpy's align-from-shifts places it
 * (linumpy-stages.md §1, steps 5–8): cumulative shifts by slice id over every id of the shifts file, converted to
 * pixels with each axis's resolution (sub-pixel, never rounded), optionally centred on the middle selected slice,
 * then moved so that the smallest offset is 0. The canvas is the bounding box of every placed slice (each with
 * its own width and height), rounded up.
 * <p>
 * Centring changes nothing in the result (the minimum is subtracted afterwards) but is kept so that the offsets
 * reported match linumpy's.
 */
public final class CommonSpace {
	/** One slice's size in pixels (X, Y) and its id. */
	public record SliceSize(int sliceId, int width, int height) {
	}

	/**
	 * One placed slice: its cumulative offset in pixels (after centring) and the shift applied on the canvas
	 * ({@code ax, ay} ≥ 0): canvas pixel (x, y) shows the slice's continuous pixel (x − ax, y − ay).
	 */
	public record Placement(int sliceId, boolean inShiftsFile, int width, int height, double offsetX,
			double offsetY, double ax, double ay) {
	}

	private final List<Placement> placements;
	private final int width, height;
	private final double x0, y0;
	private final List<String> warnings;

	private CommonSpace(final List<Placement> placements, final int width, final int height, final double x0,
			final double y0, final List<String> warnings) {
		this.placements = Collections.unmodifiableList(placements);
		this.width = width;
		this.height = height;
		this.x0 = x0;
		this.y0 = y0;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/**
	 * Places the slices.
	 *
	 * @param shifts        the pairwise shifts (mm columns are used)
	 * @param sizes         the selected slices, each with its size in pixels (any order)
	 * @param resolutionXMm pixel size along X, in mm
	 * @param resolutionYMm pixel size along Y, in mm
	 * @param center        subtract the offset of the middle selected slice (index n/2 of the sorted ids)
	 */
	public static CommonSpace place(final ShiftsTable shifts, final List<SliceSize> sizes, final double resolutionXMm,
			final double resolutionYMm, final boolean center) {
		if (!(resolutionXMm > 0) || !(resolutionYMm > 0))
			throw new BadInputException("the pixel size must be positive (got " + resolutionXMm + " × "
					+ resolutionYMm + " mm)");
		final Map<Integer, SliceSize> byId = new java.util.TreeMap<>();
		for (final SliceSize s : sizes) {
			if (s.width() < 1 || s.height() < 1)
				throw new BadInputException("slice " + s.sliceId() + " has an empty plane");
			if (byId.put(s.sliceId(), s) != null)
				throw new BadInputException("slice " + s.sliceId() + " is given twice");
		}
		// CumulativeShifts says "its shift is 0" for a selected slice absent from the file; say where it went instead.
		final List<String> warnings = new ArrayList<>();
		final CumulativeShifts cum = CumulativeShifts.compute(shifts, byId.keySet(), false, new Listener() {
			@Override
			public void warning(final String m) {
				if (!m.endsWith("is not in the shifts file; its shift is 0")) warnings.add(m);
			}
		});
		// As linumpy: µm per pixel = mm × 1000, then px = mm × 1000 / µm (same rounding as the reference).
		final double resXUm = resolutionXMm * 1000.0, resYUm = resolutionYMm * 1000.0;
		final List<CumulativeShifts.Entry> entries = cum.entries();
		final int n = entries.size();
		final double[] ox = new double[n], oy = new double[n];
		for (int i = 0; i < n; i++) {
			ox[i] = entries.get(i).dxPx(resXUm);
			oy[i] = entries.get(i).dyPx(resYUm);
		}
		if (center) {
			final double cx = ox[n / 2], cy = oy[n / 2];
			for (int i = 0; i < n; i++) {
				ox[i] -= cx;
				oy[i] -= cy;
			}
		}
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			minX = Math.min(minX, ox[i]);
			minY = Math.min(minY, oy[i]);
		}
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		final List<Placement> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final CumulativeShifts.Entry e = entries.get(i);
			final SliceSize s = byId.get(e.sliceId());
			maxX = Math.max(maxX, ox[i] + s.width());
			maxY = Math.max(maxY, oy[i] + s.height());
			out.add(new Placement(e.sliceId(), e.inShiftsFile(), s.width(), s.height(), ox[i], oy[i], ox[i] - minX,
					oy[i] - minY));
		}
		final double w = Math.ceil(maxX - minX), h = Math.ceil(maxY - minY);
		if (w > Integer.MAX_VALUE / 2 || h > Integer.MAX_VALUE / 2 || w * h > Integer.MAX_VALUE - 8)
			throw new BadInputException("the common canvas would be " + (long) w + " × " + (long) h
					+ " pixels: the shifts are far larger than the slices (wrong units in the shifts file?)");
		final List<Integer> fileIds = shifts.ids();
		for (final Placement p : out)
			if (!p.inShiftsFile())
				warnings.add("slice " + p.sliceId() + " is not in the shifts file"
						+ (shifts.source() == null ? "" : " " + shifts.source()) + ": placed where slice "
						+ (fileIds.isEmpty() ? "0" : fileIds.get(0)) + " (the file's first) would be, at canvas offset ("
						+ String.format(java.util.Locale.ROOT, "%.3f, %.3f", p.ax(), p.ay()) + ") px");
		return new CommonSpace(out, (int) w, (int) h, minX, minY, warnings);
	}

	/** The placed slices, by increasing id. */
	public List<Placement> placements() {
		return placements;
	}

	/** The placement of one slice, or null. */
	public Placement placement(final int sliceId) {
		for (final Placement p : placements)
			if (p.sliceId() == sliceId) return p;
		return null;
	}

	/** Canvas width (X) in pixels. */
	public int width() {
		return width;
	}

	/** Canvas height (Y) in pixels. */
	public int height() {
		return height;
	}

	/** The smallest X offset (the canvas origin, before it is moved to 0). */
	public double originX() {
		return x0;
	}

	/** The smallest Y offset. */
	public double originY() {
		return y0;
	}

	/** Gaps in the shifts file and selected slices absent from it, each naming the ids. */
	public List<String> warnings() {
		return warnings;
	}
}
