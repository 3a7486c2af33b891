package io.github.triage.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The report's sanity warnings are slice.DecisionSanity's (DecisionSanityTest, ReportStageTest). */
class ImagesTest {

	@Test
	void oneGreyScaleForTheWholeSeries() {
		final List<Images.Plane> planes = new ArrayList<>();
		final float[] dark = new float[100], bright = new float[100];
		for (int i = 0; i < 100; i++) {
			dark[i] = i / 10f;
			bright[i] = 100 + i;
		}
		planes.add(new Images.Plane(10, 10, dark));
		planes.add(new Images.Plane(10, 10, bright));
		final double[] w = Images.window(planes);
		assertTrue(w[0] <= 0.1 && w[1] >= 198, w[0] + " " + w[1]);
		// the dark slice stays dark: not stretched to its own range
		final Gray8 g = Images.toGray8(planes.get(0), w);
		for (final byte b : g.pixels()) assertTrue((b & 0xff) <= 13);
	}

	@Test
	void shrinkAveragesBlocksAndTrueAspectRepeatsRows() {
		final Images.Plane p = new Images.Plane(4, 2, new float[] { 1, 3, 5, 7, 1, 3, 5, 7 });
		assertArrayEquals(new float[] { 2, 6 }, Images.shrink(p, 2).pixels());
		assertEquals(3, Images.factorFor(300, 200, 100));
		final Images.Plane z = Images.trueAspect(new Images.Plane(1, 2, new float[] { 1, 2 }), 3, 1);
		assertArrayEquals(new float[] { 1, 1, 1, 2, 2, 2 }, z.pixels());
	}
}
