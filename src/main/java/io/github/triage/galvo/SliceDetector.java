package io.github.triage.galvo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;

/**
 * Stage 2 of the spec: one shift for a slice from a few of its tiles.
 * <p>
 * Tiles are sorted by name (deterministic). The first candidates are linumpy's: n_samples indices evenly
 * spaced over the middle 60 % of the list (edge tiles are often background). As the spec asks, when some of
 * them are background (mean below min_intensity), more candidates are examined, up to 3 × n_samples in all,
 * until n_samples tiles pass: the rest of an evenly spaced grid over the whole list, nearest to the middle
 * first. Every passing tile is detected (stages 1 and 3).
 * <p>
 * The decision is the consensus of the detected tiles: the band (shift) that the most tiles agree on, agreeing
 * meaning shifts within max(n_extra / 4, 5) rows (circularly; linumpy ed14efe's tolerance). Its confidence is
 * the median confidence of the agreeing tiles times sqrt(agreeing / detections). The spec's Stage 2 rests on
 * tissue tiles giving "consistent, high-confidence results": the median asks the agreeing tiles to be confident
 * (one lucky tile does not carry it), the square root keeps the reference's distrust of a slice whose tiles
 * disagree. The reference instead takes the single most confident tile and weights it by the share agreeing
 * with it, so one confident outlier among agreeing tiles sinks the slice. Below the threshold the shift falls
 * back to 0. All passing detections count, not only those above the threshold as the spec's sketch keeps.
 */
public final class SliceDetector {
	private SliceDetector() {
	}

	public static SliceDetection detect(final String slice, final List<? extends TileSource> tiles,
			final GalvoSettings settings, final ImageOps ops, final Listener progress) {
		return detect(slice, tiles, settings, ops, progress, 1);
	}

	/** As {@link #detect(String, List, GalvoSettings, ImageOps, Listener)}, reading tiles on up to {@code threads}. */
	public static SliceDetection detect(final String slice, final List<? extends TileSource> tiles,
			final GalvoSettings settings, final ImageOps ops, final Listener progress, final int threads) {
		if (tiles.isEmpty()) throw new BadInputException(slice + ": no tiles");
		final List<TileSource> sorted = new ArrayList<>(tiles);
		sorted.sort(Comparator.comparing(TileSource::name));
		final List<Integer> order = candidateOrder(sorted.size(), settings.nSamples());

		final List<String> examined = new ArrayList<>();
		final List<SliceDetection.Skipped> skipped = new ArrayList<>();
		final List<TileDetection> detections = new ArrayList<>();
		// Candidates in batches of as many as are still needed: the tiles examined are those one thread examines.
		int next = 0;
		while (detections.size() < settings.nSamples() && next < order.size()) {
			if (progress.isCancelled()) throw new CancellationException("cancelled at " + slice);
			final List<Integer> batch = order.subList(next, Math.min(order.size(),
					next + settings.nSamples() - detections.size()));
			final int base = next;
			next += batch.size();
			final List<TileDetection> found;
			try {
				found = Workers.map(batch.size(), threads, ops, o -> o, progress, (i, o, l) -> {
					final TileSource src = sorted.get(batch.get(i));
					l.progress(base + i, order.size(), slice + ": " + src.name());
					return GalvoDetector.detectAip(src.label(), src.aip(o), settings.nExtra()).withName(src.name());
				});
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			for (final TileDetection det : found) {
				examined.add(det.name());
				if (det.aipMean() < settings.minIntensity()) skipped.add(new SliceDetection.Skipped(det.name(), det.aipMean()));
				else detections.add(det);
			}
		}
		progress.progress(order.size(), order.size(), slice);
		return combine(slice, settings, sorted.size(), examined, skipped, detections);
	}

	/**
	 * Combines tile detections into the slice's decision (exposed for tests and other faces): the band with the
	 * most support, the median confidence of the tiles that support it, weighted by the share that do.
	 */
	static SliceDetection combine(final String slice, final GalvoSettings s, final int nTiles,
			final List<String> examined, final List<SliceDetection.Skipped> skipped,
			final List<TileDetection> detections) {
		if (detections.isEmpty())
			return new SliceDetection(slice, s, nTiles, examined, skipped, detections, null, List.of(), 0, 0, false);
		final int tol = tolerance(s.nExtra());
		// every detection is a candidate band; its support is the detections within the tolerance of it
		TileDetection anchor = null;
		List<TileDetection> agreeing = List.of();
		double anchorMedian = Double.NEGATIVE_INFINITY;
		for (final TileDetection a : detections) {
			final List<TileDetection> group = new ArrayList<>();
			for (final TileDetection d : detections)
				if (circularDistance(a.detectedShift(), d.detectedShift(), a.shift().rows()) <= tol) group.add(d);
			final double median = medianConfidence(group);
			// most support, then the more confident consensus, then the more confident tile; first one on ties
			final boolean better = anchor == null || group.size() > agreeing.size()
					|| group.size() == agreeing.size() && (median > anchorMedian
							|| median == anchorMedian && a.confidence() > anchor.confidence());
			if (better) {
				anchor = a;
				agreeing = group;
				anchorMedian = median;
			}
		}
		final double conf = anchorMedian * Math.sqrt((double) agreeing.size() / detections.size());
		final boolean confident = conf >= s.threshold();
		final int shift = confident ? anchor.detectedShift() : 0;
		final List<String> names = agreeing.stream().map(TileDetection::name).toList();
		return new SliceDetection(slice, s, nTiles, examined, skipped, detections, anchor, names, conf, shift,
				confident && shift != 0);
	}

	/** Tiles agree on the band when their shifts lie within max(n_extra / 4, 5) rows (linumpy ed14efe). */
	static int tolerance(final int nExtra) {
		return Math.max(nExtra / 4, 5);
	}

	private static int circularDistance(final int a, final int b, final int rows) {
		final int diff = Math.floorMod(a - b, rows);
		return Math.min(diff, rows - diff);
	}

	private static double medianConfidence(final List<TileDetection> group) {
		final double[] c = group.stream().mapToDouble(TileDetection::confidence).sorted().toArray();
		final int m = c.length / 2;
		return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
	}

	/**
	 * Indices to examine, in order: linumpy's n_samples over the middle 60 %, then the rest of an evenly
	 * spaced grid of min(3 × n_samples, N) indices over the whole list, nearest to the middle first; at most
	 * 3 × n_samples in all.
	 */
	static List<Integer> candidateOrder(final int n, final int nSamples) {
		final LinkedHashSet<Integer> out = new LinkedHashSet<>();
		final int lo = (int) (0.2 * n), hi = Math.max((int) (0.8 * n) - 1, lo);
		out.addAll(linspace(lo, hi, Math.min(nSamples, n)));
		final List<Integer> grid = linspace(0, n - 1, Math.min(3 * nSamples, n));
		final double mid = (n - 1) / 2.0;
		grid.sort(Comparator.comparingDouble((Integer i) -> Math.abs(i - mid)).thenComparing(i -> i));
		for (final int i : grid)
			if (out.size() < 3 * nSamples) out.add(i);
		return new ArrayList<>(out);
	}

	/** numpy linspace(a, b, k) truncated to int, de-duplicated, in order. */
	static List<Integer> linspace(final int a, final int b, final int k) {
		final LinkedHashSet<Integer> out = new LinkedHashSet<>();
		if (k == 1) out.add(a);
		else {
			final double step = (double) (b - a) / (k - 1); // numpy's arithmetic, so truncation agrees
			for (int i = 0; i < k; i++)
				out.add((int) (i * step + a));
		}
		return new ArrayList<>(out);
	}
}
