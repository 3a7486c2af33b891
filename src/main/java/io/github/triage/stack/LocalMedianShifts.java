package io.github.triage.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.triage.slice.ShiftsTable;

/**
 * The reference pipeline's {@code local_median} excluded-slice mode (linumpy-stages.md §1 step 3), kept for
 * reproducing its outputs only: every row of the shifts file that touches an excluded slice gets the median of the
 * untouched rows at row positions {@code i − w .. i + w} (file order, itself and touched rows left out), or the
 * median of every untouched row when there is none nearby, or 0 when every row is touched. This throws away the
 * measured stage motion of those rows, so every later slice is misplaced by the difference.
 */
public final class LocalMedianShifts {
	private LocalMedianShifts() {
	}

	/**
	 * @param excluded the ids of excluded slices (only those that have a mosaic, as the reference)
	 * @param window   rows on each side ({@code --excluded_slice_window}, 2 in the pipeline)
	 * @return the table with the touched rows replaced, or {@code shifts} itself when no row is touched
	 */
	public static ShiftsTable apply(final ShiftsTable shifts, final Collection<Integer> excluded, final int window) {
		if (window < 0) throw new IllegalArgumentException("the window must be >= 0");
		final Set<Integer> ex = new TreeSet<>(excluded);
		final List<ShiftsTable.Shift> rows = shifts.shifts();
		final int n = rows.size();
		final boolean[] masked = new boolean[n];
		boolean any = false;
		for (int i = 0; i < n; i++) {
			masked[i] = ex.contains(rows.get(i).fixedId()) || ex.contains(rows.get(i).movingId());
			any |= masked[i];
		}
		if (!any) return shifts;
		final List<Integer> unmasked = new ArrayList<>();
		for (int i = 0; i < n; i++)
			if (!masked[i]) unmasked.add(i);
		final List<ShiftsTable.Shift> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final ShiftsTable.Shift s = rows.get(i);
			if (!masked[i]) {
				out.add(s);
				continue;
			}
			final List<Integer> near = new ArrayList<>();
			for (int j = Math.max(0, i - window); j <= Math.min(n - 1, i + window); j++)
				if (j != i && !masked[j]) near.add(j);
			final List<Integer> use = near.isEmpty() ? unmasked : near;
			out.add(new ShiftsTable.Shift(s.fixedId(), s.movingId(), median(rows, use, 0), median(rows, use, 1),
					median(rows, use, 2), median(rows, use, 3), s.line()));
		}
		return ShiftsTable.of(shifts.source(), out);
	}

	/** numpy's median of one column over the given rows (mean of the two middle values); 0 when none. */
	private static double median(final List<ShiftsTable.Shift> rows, final List<Integer> use, final int column) {
		if (use.isEmpty()) return 0;
		final double[] v = new double[use.size()];
		for (int k = 0; k < v.length; k++) {
			final ShiftsTable.Shift s = rows.get(use.get(k));
			v[k] = switch (column) {
			case 0 -> s.xShiftMm();
			case 1 -> s.yShiftMm();
			case 2 -> s.xShiftPx();
			default -> s.yShiftPx();
			};
		}
		Arrays.sort(v);
		final int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
	}
}
