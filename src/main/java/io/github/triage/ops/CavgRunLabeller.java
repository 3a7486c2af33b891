package io.github.triage.ops;

import java.util.Arrays;

/**
 * 8-connected component labelling over runs: one scan finds the foreground runs of each row and joins each to the
 * runs of the row above that touch it (overlap or meet at a corner) in a union-find whose root is always the
 * component's first run in raster order. Labels then follow first pixels in raster order, exactly as a flood fill
 * started from each unlabelled pixel in raster order numbers them. Work buffers are reused. Not thread-safe.
 */
final class CavgRunLabeller {
	private int[] start = new int[256], end = new int[256], parent = new int[256], label = new int[256];

	int label(final float[] img, final int w, final int h, final float thr, final int[] labels) {
		int runs = 0, prevFirst = 0, prevEnd = 0; // runs of the row above: [prevFirst, prevEnd)
		for (int y = 0; y < h; y++) {
			final int o = y * w, first = runs;
			int p = prevFirst; // first run above that may still touch a run of this row
			int x = 0;
			while (x < w) {
				if (!(img[o + x] >= thr)) {
					x++;
					continue;
				}
				final int s = x;
				while (x < w && img[o + x] >= thr)
					x++;
				if (runs == start.length) grow();
				start[runs] = o + s;
				end[runs] = o + x - 1;
				parent[runs] = runs;
				// runs above with end >= s - 1 and start <= x (8-connectivity: corners touch)
				while (p < prevEnd && end[p] - (o - w) < s - 1)
					p++;
				for (int q = p; q < prevEnd && start[q] - (o - w) <= x; q++)
					union(q, runs);
				runs++;
			}
			prevFirst = first;
			prevEnd = runs;
		}
		Arrays.fill(labels, 0, w * h, 0);
		int next = 0;
		for (int r = 0; r < runs; r++) {
			final int root = find(r);
			final int lab = root == r ? ++next : label[root];
			label[r] = lab;
			Arrays.fill(labels, start[r], end[r] + 1, lab);
		}
		return next;
	}

	/** Joins two sets; the smaller run index (the earlier run in raster order) becomes the root. */
	private void union(final int a, final int b) {
		final int ra = find(a), rb = find(b);
		if (ra < rb) parent[rb] = ra;
		else if (rb < ra) parent[ra] = rb;
	}

	private int find(int r) {
		while (parent[r] != r) {
			parent[r] = parent[parent[r]]; // path halving
			r = parent[r];
		}
		return r;
	}

	private void grow() {
		final int n = 2 * start.length;
		start = Arrays.copyOf(start, n);
		end = Arrays.copyOf(end, n);
		parent = Arrays.copyOf(parent, n);
		label = Arrays.copyOf(label, n);
	}
}
