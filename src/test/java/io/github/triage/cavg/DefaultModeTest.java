package io.github.triage.cavg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;

/** Where the default (spec) mode parts from compat mode, and the input checks of both. */
class DefaultModeTest {

	/** Centred isotropic Gaussian, sigma in pixels, centre box/2 (0-based). */
	static float[] blob(final int box, final double sigma, final double amp) {
		final float[] img = new float[box * box];
		final int c = box / 2;
		for (int y = 0; y < box; y++)
			for (int x = 0; x < box; x++)
				img[y * box + x] = (float) (amp * Math.exp(-((x - c) * (x - c) + (y - c) * (y - c)) / (2 * sigma * sigma)));
		return img;
	}

	private static List<ClassStats> stats(final int n) {
		final List<ClassStats> s = new ArrayList<>();
		for (int i = 0; i < n; i++)
			s.add(new ClassStats(i + 1, 100, 10));
		return s;
	}

	private static ClassDecision one(final float[] img, final int box, final RejectionParams p) {
		return new ClassAverageRejector(new CpuImageOps(), p).reject(new float[][] { img }, box, stats(1), Listener.NONE)
				.get(0);
	}

	@Test
	void pruningComparesPixelsWithPixelsUnlessCompat() {
		// smpd 2: the blob's foreground (1101 px) is ~37 px wide, i.e. ~74 Å, more than the 64-px box only when read as Å
		final int box = 64;
		final RejectionParams spec = RejectionParams.of(Tier.P1, 120, 2.0);
		final ClassDecision d = one(blob(box, 12, 1), box, spec);
		final ClassDecision c = one(blob(box, 12, 1), box, spec.withCompatSimple(true));
		assertEquals(1, d.maskMeasures().components());
		assertEquals(0, d.maskMeasures().componentsPruned());
		assertFalse(d.maskRejects(), d.toString());
		assertEquals(1, c.maskMeasures().componentsPruned());
		assertTrue(c.maskRejects(), c.toString());
		assertEquals("no component after pruning", c.maskFailure());
	}

	@Test
	void populationThresholdIsExactInDefaultModeAndSinglePrecisionInCompat() {
		// sum 36000 × 0.0035 = 126 exactly; SIMPLE's float product is just above 126, so its ceiling is 127
		final List<ClassStats> s = List.of(new ClassStats(1, 126, 10), new ClassStats(2, 35874, 10));
		final float[][] imgs = { blob(32, 3, 1), blob(32, 3, 1) };
		final List<ClassDecision> d = new ClassAverageRejector(new CpuImageOps(), RejectionParams.of(Tier.P2, 40, 1))
				.reject(imgs, 32, s, Listener.NONE);
		final List<ClassDecision> c = new ClassAverageRejector(new CpuImageOps(),
				RejectionParams.of(Tier.P2, 40, 1).withCompatSimple(true)).reject(imgs, 32, s, Listener.NONE);
		assertEquals(126, d.get(0).populationThreshold());
		assertFalse(d.get(0).populationRejects());
		assertEquals(127, c.get(0).populationThreshold());
		assertTrue(c.get(0).populationRejects());
	}

	@Test
	void oddBoxesInDefaultModeOnly() {
		final int box = 63;
		final ClassDecision d = one(blob(box, 4, 1), box, RejectionParams.of(Tier.P1, 50, 1));
		assertFalse(d.maskRejects(), d.toString());
		assertEquals(0.0, d.maskMeasures().maxCentroidDistPx(), 1e-3, "blob centred on pixel 31 of 63");
		assertEquals(0, d.maskMeasures().pxOutsideDisc());
		final BadInputException e = assertThrows(BadInputException.class,
				() -> one(blob(box, 4, 1), box, RejectionParams.of(Tier.P1, 50, 1).withCompatSimple(true)));
		assertTrue(e.getMessage().contains("63"), e.getMessage());
	}

	@Test
	void offCentreAndSpillingBlobsAreRejectedByMask() {
		final int box = 64;
		final float[] img = new float[box * box];
		// blob at (50, 32): centroid 18 px from the centre, beyond the 12.5-px mask radius
		for (int y = 0; y < box; y++)
			for (int x = 0; x < box; x++)
				img[y * box + x] = (float) Math.exp(-((x - 50) * (x - 50) + (y - 32) * (y - 32)) / 18.0);
		final ClassDecision d = one(img, box, RejectionParams.of(Tier.P1, 25, 1));
		assertTrue(d.maskRejects());
		assertTrue(d.maskMeasures().centroidsOutside() >= 1, d.toString());
		assertEquals("off-centre component", d.maskFailure());
		// a centred blob wider than a small disc: kept centroid, too many pixels outside
		final ClassDecision w = one(blob(box, 6, 1), box, RejectionParams.of(Tier.P1, 16, 1));
		assertEquals(0, w.maskMeasures().centroidsOutside());
		assertTrue(w.maskMeasures().pxOutsideDisc() > 10, w.toString());
		assertTrue(w.maskRejects());
	}

	@Test
	void emptyStackAndCountMismatchNameBothCounts() {
		final ClassAverageRejector r = new ClassAverageRejector(new CpuImageOps(), RejectionParams.of(Tier.P1, 50, 1));
		final BadInputException empty = assertThrows(BadInputException.class,
				() -> r.reject(new float[0][], 32, stats(3), Listener.NONE));
		assertTrue(empty.getMessage().contains("0 class averages") && empty.getMessage().contains("3 rows"),
				empty.getMessage());
		final BadInputException mismatch = assertThrows(BadInputException.class,
				() -> r.reject(new float[][] { new float[1024], new float[1024] }, 32, stats(3), Listener.NONE));
		assertTrue(mismatch.getMessage().contains("2 class averages") && mismatch.getMessage().contains("3 rows"),
				mismatch.getMessage());
	}

	@Test
	void badPixelsAndPopulationsNameTheClass() {
		final ClassAverageRejector r = new ClassAverageRejector(new CpuImageOps(), RejectionParams.of(Tier.P1, 50, 1));
		final float[][] imgs = { new float[1024], new float[1024] };
		imgs[1][5 * 32 + 7] = Float.NaN;
		final BadInputException nan = assertThrows(BadInputException.class, () -> r.reject(imgs, 32, stats(2), Listener.NONE));
		assertTrue(nan.getMessage().startsWith("Class 2") && nan.getMessage().contains("x 7, y 5"), nan.getMessage());
		imgs[1][5 * 32 + 7] = Float.POSITIVE_INFINITY;
		assertThrows(BadInputException.class, () -> r.reject(imgs, 32, stats(2), Listener.NONE));
		final float[][] ok = { new float[1024], new float[1024] };
		final BadInputException neg = assertThrows(BadInputException.class, () -> r.reject(ok, 32,
				List.of(new ClassStats(1, 5, 10), new ClassStats(2, -1, 10)), Listener.NONE));
		assertTrue(neg.getMessage().startsWith("Class 2") && neg.getMessage().contains("-1"), neg.getMessage());
	}

	@Test
	void progressPerClassAndCancellation() {
		final int[] calls = { 0 };
		final ClassAverageRejector r = new ClassAverageRejector(new CpuImageOps(), RejectionParams.of(Tier.P1, 50, 1));
		r.reject(new float[][] { blob(32, 3, 1), blob(32, 3, 2), blob(32, 3, 3) }, 32, stats(3),
				Listener.ofProgress((done, total, what) -> {
					calls[0]++;
					assertEquals(3, total);
				}));
		assertEquals(3, calls[0]);
		final Listener cancelled = new Listener() {
			@Override
			public void progress(final int done, final int total, final String what) {
			}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(java.util.concurrent.CancellationException.class,
				() -> r.reject(new float[][] { blob(32, 3, 1) }, 32, stats(1), cancelled));
	}
}
