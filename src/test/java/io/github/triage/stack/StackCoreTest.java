package io.github.triage.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.triage.BadInputException;
import io.github.triage.slice.ShiftsTable;

/** The pure geometry: ITK's edge rules, numpy's percentile, the local median, Z layout by id. */
class StackCoreTest {

	@Test
	void itkLinearEdgeRules() {
		// 3 × 1 input; shifted by 0.25 px: canvas x shows input c = x − 0.25.
		final float[] in = { 10, 20, 40 };
		final ItkLinear rs = new ItkLinear(3, 1, 5, 1, 0.25, 0);
		final float[] out = new float[5];
		rs.resample(in, out, -1);
		// x=0: c=−0.25 ≥ −0.5 → inside, clamped to b=0, no blend → 10. x=1: c=0.75 → 10+0.75·10. x=2: c=1.75 → 20+0.75·20.
		// x=3: c=2.75 ≥ 2.5 → outside (fill). x=4: outside.
		assertEquals(List.of(10f, 17.5f, 35f, -1f, -1f), List.of(out[0], out[1], out[2], out[3], out[4]));
		// Shift 0.6: x=0 → c=−0.6 outside; x=3: c=2.4 < 2.5 → inside, neighbour past the edge replaced → 40.
		final ItkLinear rs2 = new ItkLinear(3, 1, 4, 1, 0.6, 0);
		rs2.resample(in, new float[4], 0);
		assertFalse(rs2.inside(0, 0));
		assertTrue(rs2.inside(3, 0));
		final float[] o2 = new float[4];
		rs2.resample(in, o2, 0);
		assertEquals(40f, o2[3]);
		assertEquals(10 + 0.4f * 10, o2[1], 1e-6);
	}

	@Test
	void itkLinearBilinear() {
		final float[] in = { 0, 1, 10, 11 }; // 2 × 2
		final ItkLinear rs = new ItkLinear(2, 2, 3, 3, 0.5, 0.5);
		final float[] out = new float[9];
		rs.resample(in, out, 0);
		assertEquals(0f, out[0]); // c = (−0.5, −0.5): inside, clamped
		assertEquals(5.5f, out[4], 1e-6); // c = (0.5, 0.5)
	}

	@Test
	void percentileAsNumpy() {
		final int n = 20011;
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) (((double) i * i * 0.6180339887) % 1.0 - 0.1);
		// numpy 2.4: np.percentile(v[v > 0], q) with the same float32 values, split here into planes of 1000.
		final int planes = (n + 999) / 1000;
		final java.util.function.IntFunction<float[]> plane = z -> java.util.Arrays.copyOfRange(v, z * 1000,
				Math.min(n, z * 1000 + 1000));
		assertEquals(0.008595283143222332, PositivePercentile.of(planes, plane, 1), 1e-9);
		assertEquals(0.44888949394226074, PositivePercentile.of(planes, plane, 50), 1e-8);
		assertEquals(0.8992156386375427, PositivePercentile.of(planes, plane, 99.9), 1e-8);
		assertEquals(0, PositivePercentile.of(1, z -> new float[] { 0, -1 }, 1));
	}

	@Test
	void localMedianReplacesRowsTouchingExcludedSlices() {
		final List<ShiftsTable.Shift> rows = new java.util.ArrayList<>();
		final double[] x = { 1, 2, 100, 100, 5, 6 };
		for (int k = 0; k < 6; k++)
			rows.add(new ShiftsTable.Shift(k, k + 1, x[k], -x[k], Double.NaN, Double.NaN, k + 2));
		final ShiftsTable t = LocalMedianShifts.apply(ShiftsTable.of("s", rows), List.of(3), 2);
		// Rows 2 (2→3) and 3 (3→4) are touched. Row 2: rows 0, 1, 4 → median 2; row 3: rows 1, 4, 5 → 5.
		assertEquals(2, t.shifts().get(2).xShiftMm());
		assertEquals(5, t.shifts().get(3).xShiftMm());
		assertEquals(-5, t.shifts().get(3).yShiftMm());
		assertEquals(1, t.shifts().get(0).xShiftMm());
	}

	@Test
	void canvasIsTheBoundingBoxOfPlacedSlices() {
		final ShiftsTable t = ShiftsTable.of("s", List.of(new ShiftsTable.Shift(0, 1, 0.5, -0.25, 0, 0, 2)));
		final CommonSpace s = CommonSpace.place(t, List.of(new CommonSpace.SliceSize(0, 10, 8),
				new CommonSpace.SliceSize(1, 4, 20)), 0.125, 0.125, true);
		// Slice 1 at (+4, −2) px; canvas X: 0..max(10, 4+4) = 10; Y: −2..max(8, 18) → 20.
		assertEquals(10, s.width());
		assertEquals(20, s.height());
		assertEquals(2, s.placement(0).ay());
		assertEquals(0, s.placement(1).ay());
		assertEquals(4, s.placement(1).ax());
	}

	@Test
	void zLayoutByIdWithGaps() {
		assertEquals(12, ZLayout.planesPerSlice(0.15, 0.0125)); // rounded, where int() gives 11
		assertThrows(BadInputException.class, () -> ZLayout.planesPerSlice(0.001, 0.01));
		final ZLayout z = ZLayout.of(Map.of(2, 10, 5, 10), 4, 3);
		assertEquals(List.of(3, 4), z.gaps());
		assertEquals(3 * 4 + 7, z.depth());
		assertEquals(List.of(new ZLayout.Part(2, 3)), z.at(0));
		assertEquals(List.of(new ZLayout.Part(2, 9)), z.at(6)); // overlap into the empty slot of 3
		assertEquals(List.of(), z.at(7));
		assertEquals(List.of(new ZLayout.Part(5, 3)), z.at(12));
		assertEquals(0.0, ZLayout.hann(0, 3));
		assertEquals(1.0, ZLayout.hann(2, 3), 1e-12);
	}
}
