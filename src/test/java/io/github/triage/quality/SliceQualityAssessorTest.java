package io.github.triage.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.ops.CpuImageOps;

class SliceQualityAssessorTest {

	/** A slice whose planes are a shared smooth pattern plus noise, or constant; records plane reads. */
	static class Fake implements SliceSource {
		final String id;
		final int d, h, w;
		final float constant;
		final List<String> reads;

		Fake(final int id, final int d, final int h, final int w, final float constant, final List<String> reads) {
			this.id = String.format("%02d", id);
			this.d = d;
			this.h = h;
			this.w = w;
			this.constant = constant;
			this.reads = reads;
		}

		@Override
		public Shape shape() {
			return new Shape(id, "slice " + id, d, h, w);
		}

		@Override
		public float[] plane(final int z) {
			reads.add(id);
			final float[] p = new float[h * w];
			if (!Float.isNaN(constant)) {
				Arrays.fill(p, constant);
				return p;
			}
			final Random r = new Random(Integer.parseInt(id) * 31L + z);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					p[y * w + x] = (float) (Math.sin(x / 2.0) * Math.cos(y / 3.0) + 0.1 * r.nextGaussian());
			return p;
		}
	}

	@Test
	void aSliceWithoutDataScoresZeroAndItsNeighboursStillScore() {
		final List<String> reads = new ArrayList<>();
		final List<SliceSource> s = List.of(new Fake(0, 4, 20, 20, Float.NaN, reads),
				new Fake(1, 4, 20, 20, 7f, reads), new Fake(2, 4, 20, 20, Float.NaN, reads));
		final List<SliceQuality> q = new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT).assess(s, null,
				Listener.NONE);
		assertFalse(q.get(1).hasData());
		assertEquals(0, q.get(1).qualityScore());
		assertEquals(0, q.get(1).ssim());
		assertTrue(q.get(0).hasData());
		// against a constant neighbour: the variance ratio is 0 → score 0; the edge map is flat → correlation 0
		assertEquals(0, q.get(0).variance(), 1e-12);
		assertEquals(0, q.get(0).edge(), 1e-12);
		assertEquals(SliceQuality.score(q.get(0).ssim(), 0, 0), q.get(0).qualityScore(), 1e-12);
	}

	@Test
	void aSliceWithNaNIsWarnedAboutAndScoresZero() {
		final List<String> reads = new ArrayList<>();
		final WarningList warnings = new WarningList();
		final List<SliceSource> s = List.of(new Fake(0, 2, 12, 12, Float.NaN, reads),
				new Fake(1, 2, 12, 12, Float.NaN, reads) {
					@Override
					public float[] plane(final int z) {
						final float[] p = super.plane(z);
						p[5] = Float.NaN;
						return p;
					}
				});
		final List<SliceQuality> q = new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT).assess(s, null,
				warnings);
		assertFalse(q.get(1).hasData());
		assertEquals(0, q.get(1).qualityScore());
		assertTrue(warnings.stream().anyMatch(w -> w.startsWith("slice 01") && w.contains("NaN")), warnings.toString());
		assertTrue(Double.isFinite(q.get(0).qualityScore()), "the neighbour still gets a number");
	}

	@Test
	void identicalNeighboursScoreOne() {
		final List<String> reads = new ArrayList<>();
		// the same pattern everywhere (constant id → same noise seed): SSIM 1, edge 1, variance 1
		final Fake same = new Fake(5, 3, 16, 16, Float.NaN, reads);
		final List<SliceSource> distinct = List.of(wrap(same, "00"), wrap(same, "01"), wrap(same, "02"));
		final List<SliceQuality> q = new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT)
				.assess(distinct, null, Listener.NONE);
		for (final SliceQuality r : q)
			assertEquals(1.0, r.qualityScore(), 1e-9, r.sliceId());
	}

	@Test
	void slicesAreStreamedNeverReadingBackBehindTheWindow() {
		final List<String> reads = new ArrayList<>();
		final List<SliceSource> s = new ArrayList<>();
		for (int i = 0; i < 12; i++)
			s.add(new Fake(i, 12, 16, 16, Float.NaN, reads));
		new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT).assess(s, null, Listener.NONE);
		// the series is walked once per group of planes; within a walk, once slice k is read no slice before k-2 is
		// read again: only a three-slice window is ever live
		int walks = 1, maxSeen = -1;
		for (final String r : reads) {
			final int id = Integer.parseInt(r);
			if (id < maxSeen - 2) {
				walks++;
				maxSeen = id;
			}
			maxSeen = Math.max(maxSeen, id);
		}
		// 12 planes sampled (the has-data scan takes every plane at this depth): 3 groups of 4
		assertEquals(3, walks, "walks over the series");
		// and each plane is read once
		assertEquals(12 * 12, reads.size(), "plane reads");
	}

	@Test
	void planeGroupsGiveExactlyTheSliceBySliceScores() {
		final List<String> reads = new ArrayList<>();
		for (final int sd : new int[] { 0, 2, 5 }) {
			final List<SliceSource> s = new ArrayList<>();
			for (int i = 0; i < 7; i++)
				s.add(new Fake(i, 13, 18 - (i == 3 ? 2 : 0), 17, i == 5 ? 4f : Float.NaN, reads));
			final SliceQualityAssessor a = new SliceQualityAssessor(new CpuImageOps(), QualitySettings.ofSampleDepth(sd));
			final List<SliceQuality> grouped = a.assess(s, null, Listener.NONE);
			for (int i = 0; i < s.size(); i++) {
				// one slice against its neighbours: the slice-by-slice path
				final SliceQuality one = a.assessOne(s.get(i), i > 0 ? s.get(i - 1) : null,
						i + 1 < s.size() ? s.get(i + 1) : null, Listener.NONE);
				assertEquals(one, grouped.get(i), "sample depth " + sd + ", slice " + i);
			}
			// the same with two runs, cut in the middle
			assertEquals(grouped, a.assess(s, null, Listener.NONE, 2), "two runs, sample depth " + sd);
		}
	}

	@Test
	void oneSliceIsAnErrorNamingIt() {
		final BadInputException e = assertThrows(BadInputException.class,
				() -> new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT).assess(
						List.of(new Fake(3, 2, 8, 8, Float.NaN, new ArrayList<>())), null, Listener.NONE));
		assertTrue(e.getMessage().startsWith("slice 03"), e.getMessage());
	}

	@Test
	void decisionsMarkCalibrationAndLowQuality() {
		final List<SliceQuality> q = new ArrayList<>();
		final int[] depths = { 30, 10, 10, 10, 25 };
		final double[] scores = { 0.9, 0.2, 0.31, 0.29999, 0.8 };
		for (int i = 0; i < 5; i++)
			q.add(new SliceQuality("0" + i, depths[i], 8, 8, true, null, null, 0, 0, 0, 0, 0, scores[i]));
		List<QualityDecisions.Decision> d = QualityDecisions.decide(q, new QualityDecisions.Options(0, true, 1.5, 0.3));
		assertEquals("calibration_slice", d.get(0).note()); // 30 / median 10 = 3 > 1.5
		assertTrue(d.get(0).calibrationDetected());
		assertEquals("low_quality (quality_score<0.3)", d.get(1).note());
		assertTrue(d.get(2).use());
		assertFalse(d.get(3).use());
		assertTrue(d.get(4).use()); // thick, but not among the first three
		d = QualityDecisions.decide(q, new QualityDecisions.Options(2, false, 1.5, 0));
		assertEquals(List.of(false, false, true, true, true), d.stream().map(QualityDecisions.Decision::use).toList());
		assertEquals("calibration_slice", d.get(1).note());
		// median of an even count is the mean of the middle two: (10 + 20) / 2 = 15; 25 / 15 > 1.5
		assertEquals(List.of("02"), CalibrationDetector.detect(List.of("00", "01", "02", "03"), new int[] { 10, 20, 25, 10 }, 1.5));
	}

	private static SliceSource wrap(final SliceSource s, final String id) {
		return new SliceSource.Wrapper(s) {
			@Override
			public Shape shape() {
				return new Shape(id, "slice " + id, s.depth(), s.height(), s.width());
			}
		};
	}

}
