package io.github.triage.slice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.triage.BadInputException;
import io.github.triage.Listener;

/**
 * Rehoming correction of motor-position steps between slices (spec: rehomed / rehoming_reliable), on plain numbers.
 * <ol>
 * <li><b>Tile offset.</b> Per row and axis, {@code N = round(d / fov)}; when {@code N != 0} and
 * {@code |d - N·fov| < tolerance · |N| · fov} the step is a tile-column re-homing and {@code N·fov} is subtracted
 * (pixel column scaled with it).</li>
 * <li><b>Encoder glitch.</b> A step whose magnitude (after pass 1) exceeds {@code maxShiftMm} and that the next (or
 * else the previous) step along the id chain undoes ({@code |s + neighbour| < returnFraction · |s|}) is a glitch
 * pair. The first step takes the median of the nearby normal steps (chain rows -2..+2 around the large step, not
 * outliers, not in the pair; all normal steps when there are none) and the second takes what is left of the pair's
 * sum, so that every slice after the glitch keeps its measured position.</li>
 * <li>{@code reliable} = corrected step magnitude {@code <= maxShiftMm}.</li>
 * </ol>
 * Differences from the reference (linumpy ed14efe), which are its known faults: it corrects only the spike of a
 * glitch pair, so the return step keeps its large value and the glitch becomes a lasting offset; its tolerance is
 * 5 % of one FOV even for N = 2; it takes spike neighbours by row position, not by id chain; when it falls back to
 * the median of all normal steps it leaves the pixel columns unchanged.
 */
public final class Rehoming {
	/** Parameters; the reference's defaults are return fraction 0.4 and tolerance 0.05. */
	public record Params(double tileFovMm, double maxShiftMm, double returnFraction, double tileFovTolerance) {
		public Params {
			check("tile FOV (mm)", tileFovMm);
			check("max shift (mm)", maxShiftMm);
			check("return fraction", returnFraction);
			check("tile FOV tolerance", tileFovTolerance);
		}

		private static void check(final String what, final double v) {
			if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be > 0, got " + v);
		}
	}

	/** One transition {@code fixedId → movingId} in mm and pixels (pixels NaN when unknown). */
	public record Step(int fixedId, int movingId, double xMm, double yMm, double xPx, double yPx) {
		double magnitude() {
			return Math.hypot(xMm, yMm);
		}
	}

	/** Which pass changed a step. */
	public enum Correction {
		NONE(""), TILE_OFFSET("tile_offset"), GLITCH("spike");

		/** The label of the reference's diagnostics ("tile_offset", "spike", or empty). */
		public final String label;

		Correction(final String label) {
			this.label = label;
		}
	}

	/** A step after correction. */
	public record Result(Step step, Correction correction, boolean reliable) {
		public boolean changed() {
			return correction != Correction.NONE;
		}
	}

	private Rehoming() {
	}

	/**
	 * Corrects the steps (in file order; ids need not be consecutive).
	 *
	 * @param listener warned for each glitch without normal steps to take a median from (may be null)
	 * @throws BadInputException when two steps leave from, or arrive at, the same slice
	 */
	public static List<Result> correct(final List<Step> input, final Params p, final Listener listener) {
		final int n = input.size();
		final Map<Integer, Integer> byFixed = new HashMap<>(), byMoving = new HashMap<>();
		for (int i = 0; i < n; i++) {
			final Step s = input.get(i);
			if (byFixed.put(s.fixedId, i) != null)
				throw new BadInputException("two shifts leave slice " + s.fixedId + "; the id chain is ambiguous");
			if (byMoving.put(s.movingId, i) != null)
				throw new BadInputException("two shifts arrive at slice " + s.movingId + "; the id chain is ambiguous");
		}
		final int[] next = new int[n], prev = new int[n];
		for (int i = 0; i < n; i++) {
			next[i] = byFixed.getOrDefault(input.get(i).movingId, -1);
			prev[i] = byMoving.getOrDefault(input.get(i).fixedId, -1);
		}

		final Step[] s = input.toArray(new Step[0]);
		final Correction[] how = new Correction[n];
		Arrays.fill(how, Correction.NONE);
		for (int i = 0; i < n; i++) {
			final double[] x = tileOffset(s[i].xMm, s[i].xPx, p), y = tileOffset(s[i].yMm, s[i].yPx, p);
			if (x != null || y != null) {
				s[i] = new Step(s[i].fixedId, s[i].movingId, x == null ? s[i].xMm : x[0], y == null ? s[i].yMm : y[0],
						x == null ? s[i].xPx : x[1], y == null ? s[i].yPx : y[1]);
				how[i] = Correction.TILE_OFFSET;
			}
		}

		final boolean[] outlier = new boolean[n];
		for (int i = 0; i < n; i++) outlier[i] = s[i].magnitude() > p.maxShiftMm;
		final boolean[] done = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (!outlier[i] || done[i]) continue;
			int a = -1, b = -1;
			if (next[i] >= 0 && !done[next[i]] && undoes(s[i], s[next[i]], p)) {
				a = i;
				b = next[i];
			}
			else if (prev[i] >= 0 && !done[prev[i]] && undoes(s[i], s[prev[i]], p)) {
				a = prev[i];
				b = i;
			}
			if (a < 0) continue;
			final List<Integer> window = new ArrayList<>();
			for (final int j : new int[] { prev[i], prev[i] < 0 ? -1 : prev[prev[i]], next[i],
					next[i] < 0 ? -1 : next[next[i]] })
				if (j >= 0 && j != a && j != b && !outlier[j]) window.add(j);
			if (window.isEmpty()) for (int j = 0; j < n; j++) if (j != a && j != b && !outlier[j]) window.add(j);
			if (window.isEmpty()) {
				Listener.orNone(listener).warning("glitch " + s[a].fixedId + " -> " + s[a].movingId + " -> "
						+ s[b].movingId + ": no normal step to take a median from; left as is");
				continue;
			}
			final double mx = median(window, s, 0), my = median(window, s, 1), mpx = median(window, s, 2),
					mpy = median(window, s, 3);
			final Step sa = s[a], sb = s[b];
			s[a] = new Step(sa.fixedId, sa.movingId, mx, my, mpx, mpy);
			s[b] = new Step(sb.fixedId, sb.movingId, sa.xMm + sb.xMm - mx, sa.yMm + sb.yMm - my, sa.xPx + sb.xPx - mpx,
					sa.yPx + sb.yPx - mpy);
			how[a] = how[b] = Correction.GLITCH;
			done[a] = done[b] = true;
		}

		final List<Result> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) out.add(new Result(s[i], how[i], s[i].magnitude() <= p.maxShiftMm));
		return out;
	}

	/** {mm, px} after removing a whole number of FOVs, or null when the step is no tile offset. */
	private static double[] tileOffset(final double d, final double px, final Params p) {
		final long k = Math.round(d / p.tileFovMm);
		if (k == 0) return null;
		final double off = k * p.tileFovMm;
		// Tolerance relative to the N·FOV jump (the reference uses one FOV whatever N: a known fault).
		if (!(Math.abs(d - off) < p.tileFovTolerance * Math.abs(k) * p.tileFovMm)) return null;
		return new double[] { d - off, px - off * px / d };
	}

	private static boolean undoes(final Step big, final Step other, final Params p) {
		return Math.hypot(big.xMm + other.xMm, big.yMm + other.yMm) < p.returnFraction * big.magnitude();
	}

	private static double median(final List<Integer> rows, final Step[] s, final int what) {
		final double[] v = new double[rows.size()];
		for (int k = 0; k < v.length; k++) {
			final Step st = s[rows.get(k)];
			v[k] = what == 0 ? st.xMm : what == 1 ? st.yMm : what == 2 ? st.xPx : st.yPx;
		}
		Arrays.sort(v);
		final int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
	}

	/**
	 * Stamps the decisions: each step's moving slice gets {@code rehomed} (whether its step was changed) and
	 * {@code rehoming_reliable}; a moving slice without a row gets one with use=false. Every other slice of the config
	 * has both columns cleared: this stage owns them, and values left from an earlier run would be stale (the
	 * reference keeps them, a known fault).
	 *
	 * @return the stamped slice ids, in step order
	 */
	public static List<String> stamp(final SliceConfig config, final List<Result> results) {
		final Map<String, Map<String, ?>> stamps = new LinkedHashMap<>();
		final Set<String> stamped = new HashSet<>();
		for (final Result r : results) {
			final String id = SliceConfig.normalizeId(Integer.toString(r.step().movingId()));
			stamps.put(id, Map.of(SliceColumns.REHOMED, r.changed(), SliceColumns.REHOMING_RELIABLE, r.reliable()));
			stamped.add(id);
		}
		final Map<String, Map<String, ?>> clear = new LinkedHashMap<>();
		for (final String id : config.ids())
			if (!stamped.contains(id)) clear.put(id, Map.of(SliceColumns.REHOMED, "", SliceColumns.REHOMING_RELIABLE, ""));
		config.stampMany(clear, false);
		config.stampMany(stamps, false);
		return List.copyOf(stamps.keySet());
	}
}
