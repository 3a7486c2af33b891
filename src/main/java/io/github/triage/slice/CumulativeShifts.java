package io.github.triage.slice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.triage.BadInputException;
import io.github.triage.Listener;

/**
 * Cumulative XY shifts of the selected slices, by slice id (never by array index). Steps are summed over the sorted
 * union of all ids in the shifts file, from the mm columns, starting at 0 for the smallest id; the values of the
 * selected slices are then taken. Gaps give a warning naming the ids, never a silent guess:
 * <ul>
 * <li>two consecutive ids of the union with no row: the step counts as 0;</li>
 * <li>a row joining ids that are not consecutive in the union (or going backwards): ignored;</li>
 * <li>a selected slice absent from the file: its cumulative shift is 0 (before centring).</li>
 * </ul>
 * Centring subtracts the value of the selected slice at index n/2 (rounded down) of the sorted selection.
 * Warnings go to the listener: the face decides where they go.
 */
public final class CumulativeShifts {
	/** One selected slice: its id, whether the shifts file has it, and its cumulative shift in mm. */
	public record Entry(int sliceId, boolean inShiftsFile, double dxMm, double dyMm) {
		/** X shift in pixels: mm · 1000 / resolution in µm. */
		public double dxPx(final double resolutionXUm) {
			return dxMm * 1000.0 / resolutionXUm;
		}

		/** Y shift in pixels: mm · 1000 / resolution in µm. */
		public double dyPx(final double resolutionYUm) {
			return dyMm * 1000.0 / resolutionYUm;
		}

		/** The id in slice_config form ("03"). */
		public String id() {
			return SliceConfig.normalizeId(Integer.toString(sliceId));
		}
	}

	private final List<Entry> entries;

	private CumulativeShifts(final List<Entry> entries) {
		this.entries = Collections.unmodifiableList(entries);
	}

	/**
	 * Computes the cumulative shifts of {@code selected} (ids in any order, duplicates ignored).
	 *
	 * @param center   subtract the value of the middle selected slice (index n/2 of the sorted selection)
	 * @param listener receives the gap warnings, each naming the ids concerned (may be null)
	 * @throws BadInputException when no slice is selected
	 */
	public static CumulativeShifts compute(final ShiftsTable shifts, final Collection<Integer> selected,
			final boolean center, final Listener listener) {
		final Listener warnings = Listener.orNone(listener);
		final List<Integer> sel = List.copyOf(new TreeSet<>(selected));
		final String source = shifts.source() == null ? "shifts" : shifts.source();
		if (sel.isEmpty()) throw new BadInputException(source + ": no slices selected, nothing to align");
		final List<Integer> all = shifts.ids();
		final Map<Integer, Integer> position = new HashMap<>();
		for (int i = 0; i < all.size(); i++) position.put(all.get(i), i);

		for (final ShiftsTable.Shift s : shifts.shifts()) {
			final int a = position.get(s.fixedId()), b = position.get(s.movingId());
			if (b == a + 1) continue;
			final String why = b > a + 1 ? "does not join consecutive slices of the file (" + all.get(a + 1) + " lies between)"
					: b == a ? "joins a slice to itself" : "goes backwards (moving id before fixed id)";
			warnings.warning(source + ": line " + s.line() + ": shift " + s.fixedId() + " -> " + s.movingId() + " " + why
					+ "; ignored");
		}
		final Map<Integer, double[]> cum = new HashMap<>();
		if (!all.isEmpty()) cum.put(all.get(0), new double[] { 0, 0 });
		for (int i = 0; i + 1 < all.size(); i++) {
			final int fixed = all.get(i), moving = all.get(i + 1);
			final double[] prev = cum.get(fixed);
			final ShiftsTable.Shift s = shifts.get(fixed, moving);
			if (s == null) {
				warnings.warning(source + ": no shift for consecutive slices " + fixed + " -> " + moving
						+ "; counted as 0");
				cum.put(moving, prev.clone());
			}
			else cum.put(moving, new double[] { prev[0] + s.xShiftMm(), prev[1] + s.yShiftMm() });
		}
		final List<Entry> entries = new ArrayList<>();
		for (final int id : sel) {
			final double[] c = cum.get(id);
			if (c == null) warnings.warning(source + ": selected slice " + id + " is not in the shifts file; its shift is 0");
			entries.add(new Entry(id, c != null, c == null ? 0 : c[0], c == null ? 0 : c[1]));
		}
		if (center) {
			final Entry mid = entries.get(entries.size() / 2);
			entries.replaceAll(e -> new Entry(e.sliceId(), e.inShiftsFile(), e.dxMm() - mid.dxMm(),
					e.dyMm() - mid.dyMm()));
		}
		return new CumulativeShifts(entries);
	}

	/** The selected slices in increasing id order. */
	public List<Entry> entries() {
		return entries;
	}
}
