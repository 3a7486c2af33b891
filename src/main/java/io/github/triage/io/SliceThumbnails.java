package io.github.triage.io;

import io.github.triage.Listener;
import io.github.triage.quality.SliceSource;

import ij.process.FloatProcessor;

/**
 * A small picture of a slice for review dialogs: the average intensity projection (AIP) of at most
 * {@link #MAX_PLANES} evenly spaced planes of the coarsest pyramid level, block-averaged down to a given size.
 */
public final class SliceThumbnails {
	static final int MAX_PLANES = 8;

	private SliceThumbnails() {
	}

	/** The thumbnail of one mosaic, at most {@code maxSize} px on its longer side. */
	public static FloatProcessor aip(final MosaicFolder.Entry e, final int maxSize, final Listener listener) {
		SliceSource s = SliceVolumes.open(e, 0, listener);
		if (s instanceof SliceVolumes.ZarrSlice z && z.reader().levels() > 1)
			s = SliceVolumes.open(e, z.reader().levels() - 1, listener); // the coarsest level is enough
		final int w = s.width(), h = s.height(), d = s.depth();
		final double[] sum = new double[w * h];
		final int planes = Math.max(1, Math.min(MAX_PLANES, d));
		for (int k = 0; k < planes; k++) {
			final float[] p = s.plane((int) ((k + 0.5) * d / planes));
			for (int i = 0; i < sum.length; i++)
				sum[i] += Float.isFinite(p[i]) ? p[i] : 0;
		}
		final int step = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) maxSize));
		final int tw = Math.max(1, w / step), th = Math.max(1, h / step);
		final float[] out = new float[tw * th];
		for (int y = 0; y < th * step; y++)
			for (int x = 0; x < tw * step; x++)
				out[(y / step) * tw + x / step] += (float) (sum[y * w + x] / planes / (step * step));
		final FloatProcessor fp = new FloatProcessor(tw, th, out);
		fp.resetMinAndMax();
		return fp;
	}
}
