package io.github.triage.cavg;

import java.util.Arrays;

import io.github.triage.cavg.ClassDecision.MaskMeasures;

/**
 * Criterion 3 after labelling: measures each 8-connected component, prunes those spanning the image and judges
 * the survivors against the mask disc. Reuses its per-component arrays between classes. Not thread-safe.
 */
final class MaskGeometry {
	private int[] count = new int[64];
	private double[] sx = new double[64], sy = new double[64], maxD2 = new double[64];

	/** Outcome of one class: the measures and the failure ("" when kept). */
	record Result(MaskMeasures measures, String failure) {
		boolean rejects() {
			return !failure.isEmpty();
		}
	}

	/**
	 * @param labels     component labels 1..n (0 background), box × box, X fastest
	 * @param n          number of components
	 * @param otsu       the Otsu threshold that made the foreground (for the record)
	 * @param foreground foreground pixel count (for the record)
	 */
	Result judge(final int[] labels, final int n, final int box, final RejectionParams p, final float otsu,
			final int foreground) {
		ensure(n + 1);
		Arrays.fill(count, 0, n + 1, 0);
		Arrays.fill(sx, 0, n + 1, 0);
		Arrays.fill(sy, 0, n + 1, 0);
		Arrays.fill(maxD2, 0, n + 1, 0);
		for (int y = 0, i = 0; y < box; y++)
			for (int x = 0; x < box; x++, i++) {
				final int l = labels[i];
				if (l == 0) continue;
				count[l]++;
				sx[l] += x;
				sy[l] += y;
			}
		for (int l = 1; l <= n; l++) {
			sx[l] /= count[l];
			sy[l] /= count[l];
		}
		for (int y = 0, i = 0; y < box; y++)
			for (int x = 0; x < box; x++, i++) {
				final int l = labels[i];
				if (l == 0) continue;
				final double dx = x - sx[l], dy = y - sy[l], d2 = dx * dx + dy * dy;
				if (d2 > maxD2[l]) maxD2[l] = d2;
			}
		// SIMPLE's centre is pixel box/2 + 1 (1-based), i.e. box/2 0-based; for odd boxes that is the true centre.
		final double c = box / 2;
		final double rad = p.maskRadiusPx();
		int pruned = 0, kept = 0, outside = 0, largest = 0;
		double maxCentroid = Double.NaN;
		for (int l = 1; l <= n; l++) {
			final double diamPx = 2 * Math.sqrt(maxD2[l]);
			// Compat: SIMPLE compares the diameter in Å with the box in pixels; the spec means pixels against pixels.
			final double diam = p.compatSimple() ? diamPx * p.smpd() : diamPx;
			if (diam > box) {
				pruned++;
				count[l] = -count[l]; // mark pruned
				continue;
			}
			kept++;
			final double dist = Math.hypot(sx[l] - c, sy[l] - c);
			if (!(dist <= maxCentroid)) maxCentroid = dist;
			if (dist > rad) outside++;
			if (largest == 0 || count[l] > count[largest]) largest = l; // strict: ties keep the lowest label
		}
		int pxOut = -1;
		if (largest != 0) {
			pxOut = 0;
			final double rad2 = rad * rad;
			for (int y = 0, i = 0; y < box; y++)
				for (int x = 0; x < box; x++, i++)
					if (labels[i] == largest) {
						final double dx = x - c, dy = y - c;
						if (dx * dx + dy * dy > rad2) pxOut++;
					}
		}
		final String failure;
		if (kept == 0) failure = n == 0 ? "no component" : "no component after pruning";
		else if (outside > 0) failure = "off-centre component";
		else if (pxOut > p.maskOutsidePx()) failure = pxOut + " px outside disc";
		else failure = "";
		final MaskMeasures m = new MaskMeasures(otsu, foreground, n, pruned, kept, largest == 0 ? 0 : count[largest],
				kept == 0 ? Double.NaN : maxCentroid, outside, pxOut, rad);
		return new Result(m, failure);
	}

	private void ensure(final int size) {
		if (count.length >= size) return;
		final int s = Math.max(size, 2 * count.length);
		count = new int[s];
		sx = new double[s];
		sy = new double[s];
		maxD2 = new double[s];
	}
}
