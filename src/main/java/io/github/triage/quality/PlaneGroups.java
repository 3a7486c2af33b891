package io.github.triage.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.github.triage.Listener;

/**
 * A run of slices of one depth assessed a few planes at a time: the planes every score samples (SSIM, variance,
 * middle plane, has-data scan) are cut into groups of {@link #GROUP} in Z order, and for each group the run is
 * walked slice by slice holding that group's planes of three consecutive slices only. So a worker holds about
 * 3 × {@value #GROUP} planes whatever the sample depth (slice by slice it held every sampled plane of three slices),
 * and each slice is read once per group, its planes of a group together (one decoding per chunk several planes
 * deep). Every sum and running moment takes the same values in the same order as slice by slice (each score's
 * planes come in increasing Z), so the scores are bit for bit those of {@link SliceQualityAssessor}'s slice-by-slice
 * path, which slices of unequal depths still take.
 */
final class PlaneGroups {
	/** Planes of one slice held at once: a worker holds three slices' (48 MiB of 1024 × 1024 planes). */
	static final int GROUP = 4;

	private final SliceQualityAssessor a;
	private final List<? extends SliceSource> slices;
	private final int from, to, lo, hi, n;
	private final int[] ssimZs, varZs, hasZs, kept;
	private final int mid;
	private final PlaneCache cache = new PlaneCache(3 * GROUP + 3);
	private final double[] ssim, edge;
	private final PlaneMath.Moments[] has;
	private final SliceQualityAssessor.VarianceSums[] variance;

	private PlaneGroups(final SliceQualityAssessor a, final List<? extends SliceSource> slices, final int from,
			final int to) {
		this.a = a;
		this.slices = slices;
		this.from = from;
		this.to = to;
		this.n = slices.size();
		this.lo = Math.max(0, from - 1);
		this.hi = Math.min(n - 1, to);
		final SliceSource first = slices.get(from);
		ssimZs = a.ssimPlanes(first.depth());
		varZs = a.variancePlanes(first);
		hasZs = SliceQualityAssessor.hasDataPlanes(first);
		mid = first.depth() / 2;
		kept = union(ssimZs, varZs, new int[] { mid });
		final int m = hi - lo + 1;
		ssim = new double[m];
		edge = new double[m];
		has = new PlaneMath.Moments[m];
		variance = new SliceQualityAssessor.VarianceSums[m];
		for (int k = 0; k < m; k++) {
			has[k] = new PlaneMath.Moments();
			variance[k] = new SliceQualityAssessor.VarianceSums();
		}
	}

	/** Whether slices {@code from..to-1} and their neighbours all have one depth (this path's condition). */
	static boolean applies(final List<? extends SliceSource> slices, final int from, final int to) {
		final int d = slices.get(from).depth();
		for (int i = Math.max(0, from - 1); i <= Math.min(slices.size() - 1, to); i++)
			if (slices.get(i).depth() != d) return false;
		return true;
	}

	/** Slices {@code from..to-1}, scored against their neighbours (read, not scored, across the run's ends). */
	static List<SliceQuality> assess(final SliceQualityAssessor a, final List<? extends SliceSource> slices,
			final int from, final int to, final Listener listener) {
		return new PlaneGroups(a, slices, from, to).run(listener);
	}

	private List<SliceQuality> run(final Listener listener) {
		final int[] all = union(kept, hasZs, new int[0]);
		final int groups = (all.length + GROUP - 1) / GROUP;
		int reported = -1;
		try {
			for (int g = 0; g < groups; g++) {
				final int[] group = Arrays.copyOfRange(all, g * GROUP, Math.min(all.length, (g + 1) * GROUP));
				final int[] keptHere = within(group, kept);
				for (int i = lo; i <= hi; i++) {
					listener.checkCancelled();
					final SliceSource s = slices.get(i);
					final boolean scored = i >= from && i < to;
					// progress in slices of the series, as slice by slice (from..to-1): the share of this run's
					// (group, slice) steps done
					final int done = from + (g * (to - from) + i - from) / groups;
					if (scored && done != reported) listener.progress(reported = done, n, s.label());
					cache.prefetch(s, scored ? group : keptHere);
					if (scored) {
						for (final int z : within(group, hasZs))
							has[i - lo].add(cache.plane(s, z));
						cache.drop(s, without(group, kept)); // has-data planes nothing else reads
					}
					if (i > lo) for (final int z : within(group, ssimZs))
						ssim[i - 1 - lo] += a.ssimTerm(slices.get(i - 1), s, z, cache);
					if (i - 1 >= from && i - 1 < to) scoreGroup(i - 1, group);
					if (i - 2 >= lo) cache.drop(slices.get(i - 2), group);
				}
				if (hi < to) scoreGroup(hi, group); // the series' last slice: no next slice
				for (int i = Math.max(lo, hi - 1); i <= hi; i++)
					cache.drop(slices.get(i), group);
			}
		}
		finally {
			for (int i = lo; i <= hi; i++)
				slices.get(i).release();
		}
		final List<SliceQuality> out = new ArrayList<>(to - from);
		for (int j = from; j < to; j++) {
			final int k = j - lo;
			final double before = j > 0 ? ssim[k - 1] / ssimZs.length : 0;
			final double after = j + 1 < n ? ssim[k] / ssimZs.length : 0;
			out.add(SliceQualityAssessor.quality(slices.get(j), neighbour(j - 1), neighbour(j + 1), before, after,
					SliceQualityAssessor.hasData(slices.get(j), has[k], listener), () -> edge[k],
					() -> variance[k].score()));
		}
		return out;
	}

	/** Slice j's variance planes and (when the group has it) edge score for this group's planes. */
	private void scoreGroup(final int j, final int[] group) {
		final SliceSource s = slices.get(j), before = neighbour(j - 1), after = neighbour(j + 1);
		for (final int z : within(group, varZs))
			variance[j - lo].add(s, before, after, z, cache, a);
		if (Arrays.binarySearch(group, mid) >= 0) edge[j - lo] = a.edgeScore(s, before, after, cache);
	}

	private SliceSource neighbour(final int i) {
		return i >= 0 && i < n ? slices.get(i) : null;
	}

	/** The sorted distinct values of all three. */
	private static int[] union(final int[] x, final int[] y, final int[] z) {
		final TreeSet<Integer> u = new TreeSet<>();
		for (final int[] v : new int[][] { x, y, z })
			for (final int e : v)
				u.add(e);
		return u.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The values of {@code group} (sorted) that are in {@code set}, in order. */
	private static int[] within(final int[] group, final int[] set) {
		return IntStream.of(group).filter(z -> IntStream.of(set).anyMatch(v -> v == z)).toArray();
	}

	private static int[] without(final int[] group, final int[] set) {
		return IntStream.of(group).filter(z -> IntStream.of(set).noneMatch(v -> v == z)).toArray();
	}
}
