package io.github.triage.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.triage.BadInputException;

/**
 * Z placement of aligned slices by slice id, so that a missing slice leaves its slot empty and the Z scale stays
 * true (linumpy places by list order and closes gaps silently). Slice {@code id} owns the slot starting at
 * {@code (id − first id) × T} planes, T being the slice thickness in planes; its planes from {@code firstPlane}
 * on go there, and those past T planes run into the next slot (the known overlap between consecutive sections).
 * Where two slices overlap, the later one wins where it has data (a value ≠ 0; 0 is "no data", which is why the
 * alignment stage writes 0 outside each footprint), or, with the blend, a cosine (Hann) ramp goes from the earlier
 * to the later one across the overlap, over the voxels where both have data.
 */
public final class ZLayout {
	/** One slot: a slice id, where its first kept plane lands, and how many planes it brings (0 for a gap). */
	public record Slot(int sliceId, int z0, int planes) {
		public boolean gap() {
			return planes == 0;
		}
	}

	/** One slice's plane contributing to an output plane. */
	public record Part(int sliceId, int plane) {
	}

	private final List<Slot> slots;
	private final int depth, firstPlane, thickness;

	private ZLayout(final List<Slot> slots, final int depth, final int firstPlane, final int thickness) {
		this.slots = Collections.unmodifiableList(slots);
		this.depth = depth;
		this.firstPlane = firstPlane;
		this.thickness = thickness;
	}

	/**
	 * The slice thickness in planes: {@code thicknessMm / resolutionZMm}, rounded (not truncated: 0.15 / 0.0125 is
	 * 12, where linumpy's {@code int()} gives 11).
	 */
	public static int planesPerSlice(final double thicknessMm, final double resolutionZMm) {
		if (!(thicknessMm > 0)) throw new BadInputException("the slice thickness must be positive (got " + thicknessMm + " mm)");
		if (!(resolutionZMm > 0)) throw new BadInputException("the Z voxel size must be positive (got " + resolutionZMm + " mm)");
		final long t = Math.round(thicknessMm / resolutionZMm);
		if (t < 1)
			throw new BadInputException("a slice thickness of " + thicknessMm + " mm is less than half a plane ("
					+ resolutionZMm + " mm)");
		if (t > 1_000_000) throw new BadInputException("a slice thickness of " + thicknessMm + " mm is " + t + " planes of "
				+ resolutionZMm + " mm: wrong unit?");
		return (int) t;
	}

	/**
	 * Lays out the slices.
	 *
	 * @param depths     the depth (planes) of each slice to place, by id; slices not in it are gaps
	 * @param thickness  slice thickness in planes (≥ 1)
	 * @param firstPlane the first plane kept of every slice (≥ 0)
	 * @throws BadInputException when no slice brings a plane
	 */
	public static ZLayout of(final Map<Integer, Integer> depths, final int thickness, final int firstPlane) {
		if (thickness < 1) throw new IllegalArgumentException("the thickness must be >= 1 plane");
		if (firstPlane < 0) throw new BadInputException("the first plane must be >= 0 (got " + firstPlane + ")");
		final TreeMap<Integer, Integer> placed = new TreeMap<>();
		depths.forEach((id, d) -> {
			if (d > firstPlane) placed.put(id, d - firstPlane);
		});
		if (placed.isEmpty())
			throw new BadInputException("no slice has planes from the first plane (" + firstPlane + ") on; nothing to stack");
		final int first = placed.firstKey(), last = placed.lastKey();
		final List<Slot> slots = new ArrayList<>();
		long depth = (long) (last - first + 1) * thickness;
		for (int id = first; id <= last; id++) {
			final long z0 = (long) (id - first) * thickness;
			final int n = placed.getOrDefault(id, 0);
			depth = Math.max(depth, z0 + n);
			slots.add(new Slot(id, (int) z0, n));
		}
		if (depth > Integer.MAX_VALUE - 8) throw new BadInputException("the stacked volume would have " + depth + " planes");
		return new ZLayout(slots, (int) depth, firstPlane, thickness);
	}

	/** Every slot from the first to the last placed slice, gaps included, by id. */
	public List<Slot> slots() {
		return slots;
	}

	/** The ids of the empty slots. */
	public List<Integer> gaps() {
		return slots.stream().filter(Slot::gap).map(Slot::sliceId).toList();
	}

	/** Planes of the output volume. */
	public int depth() {
		return depth;
	}

	public int thickness() {
		return thickness;
	}

	public int firstPlane() {
		return firstPlane;
	}

	/** The slice planes that land on output plane {@code z}, by increasing slice id. */
	public List<Part> at(final int z) {
		final List<Part> out = new ArrayList<>(2);
		for (final Slot s : slots)
			if (z >= s.z0 && z < s.z0 + s.planes) out.add(new Part(s.sliceId, firstPlane + z - s.z0));
		return out;
	}

	/** The last output plane (exclusive) of the slot of {@code sliceId}. */
	private Slot slot(final int sliceId) {
		for (final Slot s : slots)
			if (s.sliceId == sliceId) return s;
		throw new IllegalArgumentException("no slot for slice " + sliceId);
	}

	/**
	 * Output plane {@code z} from the planes of {@link #at(int) at(z)}, in that order.
	 *
	 * @param planes one plane per part, all of {@code out.length} values
	 * @param blend  cosine blend across overlaps (else the later slice wins where it has data)
	 * @param out    receives the plane (zeros where no slice has data)
	 */
	public void combine(final int z, final List<float[]> planes, final boolean blend, final float[] out) {
		final List<Part> parts = at(z);
		if (planes.size() != parts.size()) throw new IllegalArgumentException("one plane per part is needed");
		java.util.Arrays.fill(out, 0f);
		if (parts.isEmpty()) return;
		System.arraycopy(planes.get(0), 0, out, 0, out.length);
		for (int k = 1; k < parts.size(); k++) {
			final float[] v = planes.get(k);
			if (!blend) {
				for (int i = 0; i < out.length; i++)
					if (v[i] != 0) out[i] = v[i];
				continue;
			}
			final Slot prev = slot(parts.get(k - 1).sliceId()), next = slot(parts.get(k).sliceId());
			final double w = hann(z - next.z0, prev.z0 + prev.planes - next.z0);
			for (int i = 0; i < out.length; i++) {
				final float e = out[i], m = v[i];
				if (m == 0) continue;
				out[i] = e == 0 ? m : (float) ((1 - w) * e + w * m);
			}
		}
	}

	/** Weight of the later slice at position {@code i} of an overlap of {@code n} planes: 0 → 1, half cosine. */
	static double hann(final int i, final int n) {
		if (n <= 1) return 0.5;
		return 0.5 * (1 - Math.cos(Math.PI * i / (n - 1)));
	}
}
