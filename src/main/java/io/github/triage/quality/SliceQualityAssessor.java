package io.github.triage.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;

/**
 * Scores each slice of a series against its previous and next available slice (spec "Quality Assessment"; formulas
 * of linumpy ed14efe, see docs/quality.md):
 * <ul>
 * <li>SSIM: planes floor(linspace(0, nz-1, sampleDepth)) of the pair (nz = the smaller depth; all planes when nz is
 * not larger than sampleDepth), cropped to the common Y/X, each min–max scaled, 7×7 uniform-window SSIM; mean over
 * planes, then over the neighbours that exist.</li>
 * <li>Edge: middle plane against the mean of the neighbours' matching planes (all cropped to the common Y/X), both
 * min–max scaled; Sobel magnitudes divided by their maxima; Pearson correlation, NaN or negative → 0.</li>
 * <li>Variance: population variance of the slice's sampled planes against that of the neighbours' matching planes,
 * 2 / (1 + |ln(ratio + 1e-10)|) clipped to [0, 1]. The spec means a consistency check against the neighbours; the
 * reference CPU path compares against a constant by mistake, so this follows its GPU path.</li>
 * </ul>
 * Slices are streamed: at any time only planes of the current slice and its two neighbours are held (a small
 * cache), so memory does not grow with the number of slices. Slices of one depth (the usual series) are walked once
 * per group of {@value PlaneGroups#GROUP} sampled planes ({@link PlaneGroups}: 3 × 4 planes held per worker);
 * otherwise slice by slice, holding the sampled planes of three slices. Planes needed together are read together
 * ({@link SliceSource#planes}), so chunks several planes deep are decoded once for all of them. Each pair's SSIM is
 * computed once and used by both slices (SSIM is symmetric).
 */
public final class SliceQualityAssessor {
	private final ImageOps ops;
	private final QualitySettings settings;
	/**
	 * This worker's scratch planes: an SSIM term's two normalised planes, a reference plane. A plane of 1024² is
	 * 4 MiB and a slice asks for dozens; made new each time, they kept the collector busy (and two workers waiting on
	 * it). Each assessor is one worker's, so they are never shared.
	 */
	private float[] scratchA = new float[0], scratchB = new float[0], scratchRef = new float[0];
	/** Planes the has-data scan reads together at most (they are not kept: a few planes at a time). */
	private static final int PEEK_GROUP = 4;

	public SliceQualityAssessor(final ImageOps ops, final QualitySettings settings) {
		this.ops = ops;
		this.settings = settings;
	}

	/**
	 * Assesses all slices in order, streaming: planes are dropped as soon as no score needs them.
	 *
	 * @param slices   sorted by slice id; at least two
	 * @param each     receives each slice's result, in order, once its run of slices is scored (may be null)
	 * @param listener progress in slices, warnings naming the slice (size mismatches,
	 *                 NaN values), cancel
	 */
	public List<SliceQuality> assess(final List<? extends SliceSource> slices, final Consumer<SliceQuality> each,
			final Listener listener) {
		return assess(slices, each, listener, 1);
	}

	/**
	 * As {@link #assess(List, Consumer, Listener)} on up to {@code threads} threads: the series is cut into that many
	 * runs of consecutive slices, each streamed with its own plane cache and kernels (the SSIM of the pair across a
	 * cut is computed on both sides, the same number). The scores are those of one thread; {@code each} hears the
	 * slices in order once all are scored.
	 */
	public List<SliceQuality> assess(final List<? extends SliceSource> slices, final Consumer<SliceQuality> each,
			final Listener listener, final int threads) {
		if (slices.isEmpty()) throw new BadInputException("no slices to assess");
		if (slices.size() == 1) throw onlySlice(slices.get(0));
		for (final SliceSource s : slices)
			checkVolume(s);
		for (int i = 1; i < slices.size(); i++)
			warnIfSizesDiffer(slices.get(i - 1), slices.get(i), listener);
		final int n = slices.size(), runs = Math.max(1, Math.min(threads, n));
		final List<SliceQuality> out = new ArrayList<>(n);
		if (runs == 1) out.addAll(assessRun(slices, 0, n, each, listener));
		else {
			// a slice next to a cut is read by two runs: its reader (e.g. a Zarr slab cache) sees one at a time
			final List<SliceSource> shared = slices.stream().map(SliceQualityAssessor::locked).toList();
			final RunProgress progress = new RunProgress(runs, n);
			try {
				Workers.map(runs, runs, ops, o -> new SliceQualityAssessor(o, settings), listener,
						(r, a, l) -> a.assessRun(shared, r * n / runs, (r + 1) * n / runs, null,
								progress.of(r, r * n / runs, l))).forEach(out::addAll);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			if (each != null) out.forEach(each);
		}
		listener.progress(n, n, "done");
		return out;
	}

	/** A slice whose reads are serialised: a slice next to a cut is read by two runs. */
	private static SliceSource locked(final SliceSource s) {
		return new SliceSource.Wrapper(s) {
			@Override
			public float[] plane(final int z) {
				synchronized (s) {
					return s.plane(z);
				}
			}

			@Override
			public float[][] planes(final int[] zs) {
				synchronized (s) {
					return s.planes(zs);
				}
			}

			@Override
			public void release() {
				synchronized (s) {
					s.release();
				}
			}
		};
	}

	/** Slices {@code from..to-1}, streamed; the first one's SSIM with its predecessor is computed here. */
	private List<SliceQuality> assessRun(final List<? extends SliceSource> slices, final int from, final int to,
			final Consumer<SliceQuality> each, final Listener listener) {
		if (PlaneGroups.applies(slices, from, to)) {
			final List<SliceQuality> out = PlaneGroups.assess(this, slices, from, to, listener);
			if (each != null) out.forEach(each);
			return out;
		}
		final PlaneCache cache = newCache();
		final List<SliceQuality> out = new ArrayList<>(to - from);
		if (from > 0) prefetch(slices, from - 1, cache);
		prefetch(slices, from, cache);
		double ssimBefore = from > 0 ? pairSsim(slices.get(from - 1), slices.get(from), cache) : 0;
		for (int i = from; i < to; i++) {
			listener.checkCancelled();
			final SliceSource s = slices.get(i);
			listener.progress(i, slices.size(), s.label());
			final SliceSource before = i > 0 ? slices.get(i - 1) : null;
			final SliceSource after = i + 1 < slices.size() ? slices.get(i + 1) : null;
			if (after != null) prefetch(slices, i + 1, cache);
			final double ssimAfter = after != null ? pairSsim(s, after, cache) : 0;
			final SliceQuality q = assessOne(s, before, after, ssimBefore, ssimAfter, cache, listener);
			out.add(q);
			if (each != null) each.accept(q);
			if (before != null) cache.drop(before);
			ssimBefore = ssimAfter;
		}
		return out;
	}

	/**
	 * Assesses one slice against its previous and next available slices (either may be null, not both): the same
	 * numbers as {@link #assess} gives that slice in the whole series, so per-slice runs (one process per slice) and
	 * a whole-folder run agree exactly.
	 */
	public SliceQuality assessOne(final SliceSource s, final SliceSource before, final SliceSource after,
			final Listener listener) {
		if (before == null && after == null) throw onlySlice(s);
		for (final SliceSource v : new SliceSource[] { before, s, after })
			if (v != null) checkVolume(v);
		if (before != null) warnIfSizesDiffer(before, s, listener);
		if (after != null) warnIfSizesDiffer(s, after, listener);
		final PlaneCache cache = newCache();
		final List<SliceSource> three = Arrays.asList(before, s, after);
		for (int k = 0; k < 3; k++)
			if (three.get(k) != null) prefetch(three, k, cache);
		// Argument order as in assess(): the pair is always (earlier slice, later slice).
		final double ssimBefore = before != null ? pairSsim(before, s, cache) : 0;
		final double ssimAfter = after != null ? pairSsim(s, after, cache) : 0;
		return assessOne(s, before, after, ssimBefore, ssimAfter, cache, listener);
	}

	/**
	 * Reads together every plane of slice {@code i} that its pairs, its own scores and its neighbours' scores will
	 * ask for (the has-data scan apart): the SSIM planes of both pairs, the variance planes, the middle plane, and
	 * the planes the neighbours take from it as reference. The same planes are then served from the cache, so the
	 * scores do not change; only the reading is grouped.
	 */
	private void prefetch(final List<? extends SliceSource> slices, final int i, final PlaneCache cache) {
		final SliceSource s = slices.get(i);
		final SliceSource before = i > 0 ? slices.get(i - 1) : null;
		final SliceSource after = i + 1 < slices.size() ? slices.get(i + 1) : null;
		final TreeSet<Integer> zs = new TreeSet<>();
		for (final SliceSource n : new SliceSource[] { before, after })
			if (n != null) {
				for (final int z : ssimPlanes(Math.min(s.depth(), n.depth())))
					zs.add(z);
				// n's variance and edge scores read this slice's planes as their reference, clamped to its depth
				for (final int z : variancePlanes(n))
					zs.add(Math.min(z, s.depth() - 1));
				zs.add(Math.min(n.depth() / 2, s.depth() - 1));
			}
		if (before != null || after != null) {
			for (final int z : variancePlanes(s))
				zs.add(z);
			zs.add(s.depth() / 2);
		}
		cache.prefetch(s, zs.stream().mapToInt(Integer::intValue).toArray());
	}

	/** The planes compared in a pair whose smaller depth is {@code nz}. */
	int[] ssimPlanes(final int nz) {
		final int sd = settings.sampleDepth();
		return sd > 0 && nz > sd ? PlaneMath.linspaceFloor(nz, sd) : PlaneMath.linspaceFloor(nz, nz);
	}

	/** The planes of {@code s} whose variance is measured. */
	int[] variancePlanes(final SliceSource s) {
		final int sd = settings.sampleDepth();
		return PlaneMath.linspaceFloor(s.depth(), Math.max(1, sd > 0 ? Math.min(sd, s.depth()) : s.depth()));
	}

	private PlaneCache newCache() {
		final int sd = settings.sampleDepth();
		return new PlaneCache(3 * (sd > 0 ? sd : 4) + 6);
	}

	private static BadInputException onlySlice(final SliceSource s) {
		return new BadInputException(s.label()
				+ " is the only slice: quality is measured against neighbouring slices, so at least two are needed");
	}

	private static void checkVolume(final SliceSource s) {
		if (s.depth() < 1 || s.height() < 1 || s.width() < 1)
			throw new BadInputException(s.label() + ": empty volume (" + s.depth() + " × " + s.height() + " × "
					+ s.width() + ")");
	}

	/** Warns, naming the later slice {@code b}, when a pair's planes differ in size. */
	private static void warnIfSizesDiffer(final SliceSource a, final SliceSource b, final Listener listener) {
		if (a.height() != b.height() || a.width() != b.width())
			listener.warning(b.label() + ": plane size " + b.height() + " × " + b.width() + " (Y × X) differs from slice "
					+ a.sliceId() + " (" + a.height() + " × " + a.width() + "); they are compared on the common "
					+ Math.min(a.height(), b.height()) + " × " + Math.min(a.width(), b.width()) + " top-left region");
	}

	private SliceQuality assessOne(final SliceSource s, final SliceSource before, final SliceSource after,
			final double ssimBefore, final double ssimAfter, final PlaneCache cache, final Listener listener) {
		return quality(s, before, after, ssimBefore, ssimAfter, hasData(s, cache, listener),
				() -> edgeScore(s, before, after, cache), () -> varianceScore(s, before, after, cache));
	}

	/** A slice's result from its parts; the edge and variance scores are asked for only when it has data. */
	static SliceQuality quality(final SliceSource s, final SliceSource before, final SliceSource after,
			final double ssimBefore, final double ssimAfter, final boolean hasData,
			final DoubleSupplier edgeScore, final DoubleSupplier varianceScore) {
		final String prevId = before != null ? before.sliceId() : null, nextId = after != null ? after.sliceId() : null;
		if (!hasData)
			return new SliceQuality(s.sliceId(), s.depth(), s.height(), s.width(), false, prevId, nextId, 0, 0, 0, 0, 0, 0);
		final int n = (before != null ? 1 : 0) + (after != null ? 1 : 0);
		final double ssim = n == 0 ? 0 : ((before != null ? ssimBefore : 0) + (after != null ? ssimAfter : 0)) / n;
		final double edge = n == 0 ? 0 : edgeScore.getAsDouble();
		final double variance = n == 0 ? 0 : varianceScore.getAsDouble();
		return new SliceQuality(s.sliceId(), s.depth(), s.height(), s.width(), true, prevId, nextId,
				before != null ? ssimBefore : 0, after != null ? ssimAfter : 0, ssim, edge, variance,
				SliceQuality.score(ssim, edge, variance));
	}

	/** linumpy's has-data test on every max(1, nz/8)-th plane: not constant and std >= 1e-6. */
	private static boolean hasData(final SliceSource s, final PlaneCache cache, final Listener listener) {
		final PlaneMath.Moments m = new PlaneMath.Moments();
		cache.peek(s, hasDataPlanes(s), PEEK_GROUP, m::add);
		return hasData(s, m, listener);
	}

	/** The planes of the has-data scan: every max(1, nz/8)-th. */
	static int[] hasDataPlanes(final SliceSource s) {
		final int step = Math.max(1, s.depth() / 8);
		return IntStream.iterate(0, z -> z < s.depth(), z -> z + step).toArray();
	}

	/** The has-data decision from the moments of {@link #hasDataPlanes}, in order; warns about NaN values. */
	static boolean hasData(final SliceSource s, final PlaneMath.Moments m, final Listener listener) {
		if (Double.isNaN(m.variance())) {
			listener.warning(s.label() + ": contains NaN values; scored as a slice without data (0)");
			return false;
		}
		return m.max > m.min && Math.sqrt(m.variance()) >= 1e-6;
	}

	/** Mean SSIM over the sampled planes of a pair of slices. */
	double pairSsim(final SliceSource a, final SliceSource b, final PlaneCache cache) {
		final int[] zs = ssimPlanes(Math.min(a.depth(), b.depth()));
		double total = 0;
		for (final int z : zs)
			total += ssimTerm(a, b, z, cache);
		return total / zs.length;
	}

	/** One sampled plane's SSIM for a pair (its common Y/X), 0 where NaN: {@link #pairSsim} is their mean. */
	double ssimTerm(final SliceSource a, final SliceSource b, final int z, final PlaneCache cache) {
		final int h = Math.min(a.height(), b.height()), w = Math.min(a.width(), b.width());
		// linumpy shrinks the window for small planes: min(win, min(h, w) - 1), made odd, at least 3.
		int win = Math.min(settings.window(), Math.min(h, w) - 1);
		if (win % 2 == 0) win--;
		if (win < 3) win = 3;
		scratchA = sized(scratchA, w * h);
		scratchB = sized(scratchB, w * h);
		final float[] pa = PlaneMath.normalise(PlaneMath.crop(cache.plane(a, z), a.width(), a.height(), w, h), scratchA);
		final float[] pb = PlaneMath.normalise(PlaneMath.crop(cache.plane(b, z), b.width(), b.height(), w, h), scratchB);
		if (Math.min(h, w) < win) {
			// Too small for any SSIM window: the reference falls back to the correlation of the planes.
			final double c = PlaneMath.pearson(pa, pb);
			return Double.isNaN(c) ? 0 : Math.max(0, c);
		}
		final double v = ops.ssimMean(FloatImages.wrap(pa, w, h), FloatImages.wrap(pb, w, h), win);
		return Double.isNaN(v) ? 0 : v; // NaN pixels in a neighbour: no similarity rather than NaN scores
	}

	double edgeScore(final SliceSource s, final SliceSource before, final SliceSource after,
			final PlaneCache cache) {
		final int mid = s.depth() / 2;
		int h = s.height(), w = s.width();
		for (final SliceSource n : new SliceSource[] { before, after })
			if (n != null) {
				h = Math.min(h, n.height());
				w = Math.min(w, n.width());
			}
		final float[] ref = reference(before, after, mid, w, h, cache);
		final float[] v = PlaneMath.crop(cache.plane(s, mid), s.width(), s.height(), w, h);
		scratchA = sized(scratchA, w * h);
		scratchB = sized(scratchB, w * h);
		// the edge maps are the kernels' own new arrays: divided in place
		final float[] ev = PlaneMath.divideByMax(sobel(PlaneMath.normalise(v, scratchA), w, h));
		final float[] er = PlaneMath.divideByMax(sobel(PlaneMath.normalise(ref, scratchB), w, h));
		final double c = PlaneMath.pearson(ev, er);
		return Double.isNaN(c) ? 0 : Math.max(0, c);
	}

	private float[] sobel(final float[] p, final int w, final int h) {
		return FloatImages.pixels(ops.sobelMagnitude(FloatImages.wrap(p, w, h)));
	}

	private double varianceScore(final SliceSource s, final SliceSource before, final SliceSource after,
			final PlaneCache cache) {
		final VarianceSums v = new VarianceSums();
		for (final int z : variancePlanes(s))
			v.add(s, before, after, z, cache, this);
		return v.score();
	}

	/** The variance score's moments: the slice's sampled planes and their references, added plane by plane in order. */
	static final class VarianceSums {
		private final PlaneMath.Moments vm = new PlaneMath.Moments(), rm = new PlaneMath.Moments();

		void add(final SliceSource s, final SliceSource before, final SliceSource after, final int z,
				final PlaneCache cache, final SliceQualityAssessor worker) {
			// With both neighbours the reference is cropped to their common Y/X; with one it is that neighbour's plane.
			final int h = before != null && after != null ? Math.min(before.height(), after.height())
					: (before != null ? before : after).height();
			final int w = before != null && after != null ? Math.min(before.width(), after.width())
					: (before != null ? before : after).width();
			vm.add(cache.plane(s, z));
			rm.add(worker.reference(before, after, z, w, h, cache));
		}

		double score() {
			final double varRef = rm.variance();
			if (varRef == 0 || Double.isNaN(varRef) || Double.isNaN(vm.variance())) return 0;
			final double score = 2.0 / (1.0 + Math.abs(Math.log(vm.variance() / varRef + 1e-10)));
			return Math.min(1, Math.max(0, score));
		}
	}

	/**
	 * Plane z (clamped to each neighbour's depth) of one neighbour, or the float mean of both, cropped to w × h; read
	 * it before asking again (the mean is this worker's scratch plane).
	 */
	private float[] reference(final SliceSource before, final SliceSource after, final int z, final int w, final int h,
			final PlaneCache cache) {
		if (before == null || after == null) {
			final SliceSource n = before != null ? before : after;
			return PlaneMath.crop(cache.plane(n, Math.min(z, n.depth() - 1)), n.width(), n.height(), w, h);
		}
		final float[] b = PlaneMath.crop(cache.plane(before, Math.min(z, before.depth() - 1)), before.width(),
				before.height(), w, h);
		final float[] a = PlaneMath.crop(cache.plane(after, Math.min(z, after.depth() - 1)), after.width(),
				after.height(), w, h);
		final float[] out = scratchRef = sized(scratchRef, w * h);
		for (int i = 0; i < out.length; i++)
			out[i] = 0.5f * b[i] + 0.5f * a[i];
		return out;
	}

	private static float[] sized(final float[] buffer, final int n) {
		return buffer.length == n ? buffer : new float[n];
	}
}
