package io.github.triage.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SanityAndImagesTest {

	@Test
	void everyValueWithinAHairOfTheThresholdIsNamed() {
		final List<String> w = Sanity.allNearThreshold("quality score", List.of(0.29, 0.31, 0.30, 0.305), 0.3);
		assertEquals(List.of("every one of the 4 quality score values lies within 0.02 of the threshold 0.3 (from 0.29 "
				+ "to 0.31): the decisions hang on noise"), w);
		assertTrue(Sanity.allNearThreshold("q", List.of(0.29, 0.5, 0.3), 0.3).isEmpty());
		assertTrue(Sanity.allNearThreshold("q", List.of(0.3, 0.3), 0.3).isEmpty(), "two values say nothing");
		assertTrue(Sanity.allNearThreshold("q", List.of(0.3, 0.3, 0.3), Double.NaN).isEmpty());
	}

	@Test
	void aStageExcludingMoreThanHalfIsNamed() {
		final Summary s = new Summary(10, 3, Map.of("quality", 6, "calibration", 1), Map.of());
		assertEquals(List.of("quality excluded 6 of 10 slices (60%): check its threshold and inputs"),
				Sanity.mostExcluded(s));
		assertTrue(Sanity.mostExcluded(new Summary(10, 5, Map.of("quality", 5), Map.of())).isEmpty(), "half is not most");
	}

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
