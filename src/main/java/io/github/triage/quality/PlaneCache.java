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
		final String key = s.sliceId() + "/" + z;
		float[] p = planes.get(key);
		if (p == null) {
			p = s.plane(z);
			if (p.length != s.width() * s.height())
				throw new IllegalStateException(s.label() + ": plane " + z + " has " + p.length + " values, expected "
						+ s.width() * s.height());
			reads++;
			planes.put(key, p);
		}
		return p;
	}

	/** A plane that is needed once (the has-data scan): served from the cache if there, else read and not kept. */
	float[] peek(final SliceSource s, final int z) {
		final float[] p = planes.get(s.sliceId() + "/" + z);
		if (p != null) return p;
		reads++;
		return s.plane(z);
	}

	/** Forgets every plane of a slice that is no longer needed. */
	void drop(final SliceSource s) {
		planes.keySet().removeIf(k -> k.startsWith(s.sliceId() + "/"));
	}

	long reads() {
		return reads;
	}
}
