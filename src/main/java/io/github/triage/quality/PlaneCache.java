package io.github.triage.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few planes being compared, least recently used evicted: the assessor asks for the same plane several times
 * (SSIM, edges, variance) but memory must not grow with the number of slices, so the cache holds at most
 * {@code capacity} planes whatever the series length.
 */
final class PlaneCache {
	private final int capacity;
	private final LinkedHashMap<String, float[]> planes;
	private long reads;

	PlaneCache(final int capacity) {
		this.capacity = capacity;
		this.planes = new LinkedHashMap<>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(final Map.Entry<String, float[]> eldest) {
				return size() > PlaneCache.this.capacity;
			}
		};
	}

	float[] plane(final SliceSource s, final int z) {
		final String key = key(s, z);
		float[] p = planes.get(key);
		if (p == null) {
			p = checked(s, z, s.plane(z));
			reads++;
			planes.put(key, p);
		}
		return p;
	}

	/**
	 * Reads together the planes of {@code zs} not yet held and keeps them (a reader of chunks several planes deep
	 * decodes each chunk once for all of them, not once per plane). Skipped when they would take more than a third
	 * of the cache, whose three slices' planes must fit: they are then read one by one when asked for.
	 */
	void prefetch(final SliceSource s, final int[] zs) {
		final int[] missing = missing(s, zs);
		if (missing.length == 0 || missing.length > capacity / 3) return;
		final float[][] read = s.planes(missing);
		for (int k = 0; k < missing.length; k++)
			planes.put(key(s, missing[k]), checked(s, missing[k], read[k]));
		reads += missing.length;
	}

	/**
	 * Planes needed once (the has-data scan), in the order of {@code zs}: served from the cache where held, the
	 * others read together, at most {@code group} at a time, and not kept; {@code each} gets them in order.
	 */
	void peek(final SliceSource s, final int[] zs, final int group, final java.util.function.Consumer<float[]> each) {
		for (int from = 0; from < zs.length;) {
			// the next run of zs holding at most `group` planes to read
			int to = from, toRead = 0;
			while (to < zs.length && (planes.containsKey(key(s, zs[to])) || toRead < group)) {
				if (!planes.containsKey(key(s, zs[to]))) toRead++;
				to++;
			}
			final int[] run = java.util.Arrays.copyOfRange(zs, from, to);
			final int[] missing = missing(s, run);
			final float[][] read = missing.length == 0 ? new float[0][] : s.planes(missing);
			reads += missing.length;
			for (int k = 0, m = 0; k < run.length; k++) {
				final float[] held = planes.get(key(s, run[k]));
				each.accept(held != null ? held : checked(s, run[k], read[m++]));
			}
			from = to;
		}
	}

	/** The distinct planes of {@code zs} not held, in order of first appearance. */
	private int[] missing(final SliceSource s, final int[] zs) {
		return java.util.Arrays.stream(zs).distinct().filter(z -> !planes.containsKey(key(s, z))).toArray();
	}

	private static String key(final SliceSource s, final int z) {
		return s.sliceId() + "/" + z;
	}

	private static float[] checked(final SliceSource s, final int z, final float[] p) {
		if (p.length != s.width() * s.height())
			throw new IllegalStateException(s.label() + ": plane " + z + " has " + p.length + " values, expected "
					+ s.width() * s.height());
		return p;
	}

	/** Forgets planes {@code zs} of a slice. */
	void drop(final SliceSource s, final int[] zs) {
		for (final int z : zs)
			planes.remove(key(s, z));
	}

	/** Forgets every plane of a slice that is no longer needed (and whatever its reader keeps). */
	void drop(final SliceSource s) {
		planes.keySet().removeIf(k -> k.startsWith(s.sliceId() + "/"));
		s.release();
	}

	long reads() {
		return reads;
	}
}
