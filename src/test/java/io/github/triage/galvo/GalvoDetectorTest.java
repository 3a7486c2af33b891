package io.github.triage.galvo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.triage.BadInputException;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.OpenClTestSupport;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** Stages 1 and 3 and the fix on synthetic tiles with planted bands, and by hand. */
class GalvoDetectorTest {
	private final ImageOps cpu = new CpuImageOps();

	@ParameterizedTest(name = "band at {0} of 200, factor {1}")
	@CsvSource({ "60, 0.5", "60, 1.6", "0, 0.5", "158, 0.5", "185, 0.5", "199, 1.7", "130, 0.6" })
	void findsPlantedBandsDarkerOrBrighterAnywhere(final int start, final double factor) {
		final int rows = 200, n = 40;
		final ArrayImg<FloatType, FloatArray> t = SyntheticTiles.tile(16, rows, 4, n, start, factor, 80, start);
		final TileDetection d = GalvoDetector.detect("t", t, n, cpu);
		assertEquals(start, d.bandStart());
		assertEquals(Math.floorMod(rows - start - n, rows), d.detectedShift());
		assertTrue(d.confidence() >= 0.6, "confidence " + d.presence());
		assertTrue(d.presence().contrast() > 0.5 && d.presence().sharpness() > 0.9, d.presence().toString());
		// after the fix the band sits in the last n rows and nothing is left to fix
		final TileDetection after = GalvoDetector.detect("t", GalvoFix.roll(t, d.detectedShift()), n, cpu);
		assertEquals(rows - n, after.bandStart());
		assertEquals(0, after.detectedShift());
		assertEquals(TileDetection.AT_END_CONFIDENCE, after.confidence());
		assertEquals(0, after.shiftAt(0.6));
	}

	@Test
	void similarityByHand() {
		// a 3-row band in 9 rows survives the width-5 median unchanged
		final double[] p = { 10, 10, 10, 0, 0, 0, 10, 10, 10 };
		final ShiftDetection d = ShiftDetector.detect(p, 3);
		// edges: d[3] = 10 and d[6] = 10, 3 apart → s = 3, shift = 9 - 3 - 3 = 3
		assertEquals(3, d.bandStart());
		assertEquals(3, d.shift());
		assertEquals(100, d.similarity()[3], 1e-12);
		for (int s = 0; s < 9; s++)
			if (s != 3) assertEquals(0, d.similarity()[s], 1e-12);
		// circular: the same band rolled past the last row is found at 7 (rows 7, 8, 0)
		final ShiftDetection w = ShiftDetector.detect(Profiles.roll(p, 4), 3);
		assertEquals(7, w.bandStart());
		assertEquals(Math.floorMod(9 - 7 - 3, 9), w.shift());
		assertEquals(8, w.shift());
	}

	@Test
	void flatProfileHasNoBand() {
		final TileDetection d = GalvoDetector.detectAip("flat", ArrayImgs.floats(new float[8 * 50], 8, 50), 10);
		assertFalse(d.shift().found());
		assertEquals(0, d.detectedShift());
		assertEquals(40, d.bandStart());
		assertEquals(0, d.confidence());
		assertEquals(0, d.presence().score());
	}

	@Test
	void presenceScoreByHand() {
		// 100 rows, band of 20 at rows 40..59 at 50 % of the level 100: the reference scores the window that
		// follows the band, [60, 80), against [30, 50) (half band) and [90, 100): img = (75 + 100)/2 = 87.5,
		// ret = 100 → contrast = min(1, (12.5/87.5)/0.15) = 0.952; sharpness 1 (edges against a flat profile);
		// z = 12.5 / std(profile) = 12.5 / 20 = 0.625 → anomaly 0.
		final double[] p = new double[100];
		for (int i = 0; i < 100; i++)
			p[i] = i >= 40 && i < 60 ? 50 : 100;
		final PresenceScore s = PresenceScorer.score(p, 20, 40);
		assertEquals(60, s.windowStart());
		assertEquals(87.5, s.imageMean(), 1e-9);
		assertEquals(100, s.returnMean(), 1e-9);
		assertEquals((12.5 / 87.5) / 0.15, s.contrast(), 1e-9);
		assertEquals(1, s.sharpness(), 1e-12);
		assertEquals(0, s.anomaly(), 1e-12);
		assertEquals(0.5 * s.contrast() + 0.3, s.score(), 1e-9);
		assertEquals(Interpretation.CLEAR, s.interpretation());
		// the same band rolled to wrap the last row scores the same (the reference gives 0.1 there)
		final PresenceScore w = PresenceScorer.score(Profiles.roll(p, 50), 20, 90);
		assertEquals(10, w.windowStart());
		assertTrue(w.score() >= 0.6, "wrapping band " + w);
		// a flat profile has nothing to score
		assertEquals(0, PresenceScorer.score(new double[100], 20, 40).score());
	}

	@Test
	void interpretationBands() {
		assertEquals(Interpretation.NONE, Interpretation.of(0.1));
		assertEquals(Interpretation.WEAK, Interpretation.of(0.3));
		assertEquals(Interpretation.BORDERLINE, Interpretation.of(0.45));
		assertEquals(Interpretation.MILD, Interpretation.of(0.55));
		assertEquals(Interpretation.CLEAR, Interpretation.of(0.6));
	}

	@Test
	void thresholdDecidesTheShift() {
		final ArrayImg<FloatType, FloatArray> t = SyntheticTiles.tile(16, 120, 3, 20, 30, 0.5, 80, 3);
		final TileDetection d = GalvoDetector.detect("t", t, 20, cpu);
		assertEquals(70, d.detectedShift());
		assertEquals(70, d.shiftAt(0.6));
		assertEquals(0, d.shiftAt(Math.nextUp(d.confidence())));
	}

	@Test
	void rollMovesRowsCircularlyAlongY() {
		// 2 columns, 4 rows, 2 planes; value = 100 z + 10 y + x
		final float[] px = new float[16];
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 2; x++)
					px[(z * 4 + y) * 2 + x] = 100 * z + 10 * y + x;
		final float[] out = FloatImages.pixels(GalvoFix.roll(ArrayImgs.floats(px, 2, 4, 2), 1));
		// numpy roll by 1: row 3 comes first
		assertArrayEquals(new float[] { 30, 31, 0, 1, 10, 11, 20, 21, 130, 131, 100, 101, 110, 111, 120, 121 }, out);
		assertArrayEquals(px, FloatImages.pixels(GalvoFix.roll(ArrayImgs.floats(px, 2, 4, 2), -4)));
		assertArrayEquals(out, FloatImages.pixels(GalvoFix.roll(ArrayImgs.floats(px, 2, 4, 2), -3)));
		// in place on plane arrays (any pixel type) gives the same pixels
		final float[] p0 = Arrays.copyOfRange(px, 0, 8), p1 = Arrays.copyOfRange(px, 8, 16);
		final short[] s0 = new short[8];
		for (int i = 0; i < 8; i++)
			s0[i] = (short) p0[i];
		GalvoFix.rollPlanesInPlace(new Object[] { p0, p1, s0 }, 2, 4, 1);
		assertArrayEquals(Arrays.copyOfRange(out, 0, 8), p0);
		assertArrayEquals(Arrays.copyOfRange(out, 8, 16), p1);
		assertArrayEquals(new short[] { 30, 31, 0, 1, 10, 11, 20, 21 }, s0);
	}

	@Test
	void badInputNamesTheTile() {
		final ArrayImg<FloatType, FloatArray> t = SyntheticTiles.tile(8, 50, 2, 10, 5, 0.5, 80, 1);
		BadInputException e = assertThrows(BadInputException.class, () -> GalvoDetector.detect("a.tif", t, 50, cpu));
		assertTrue(e.getMessage().startsWith("a.tif") && e.getMessage().contains("n_extra"), e.getMessage());
		t.randomAccess().setPositionAndGet(3, 7, 1).set(Float.NaN);
		e = assertThrows(BadInputException.class, () -> GalvoDetector.detect("b.tif", t, 10, cpu));
		assertTrue(e.getMessage().startsWith("b.tif") && e.getMessage().contains("NaN"), e.getMessage());
	}

	@Test
	void clij2AipGivesTheSameDetection() {
		final ImageOps gpu = OpenClTestSupport.clij2();
		final ArrayImg<FloatType, FloatArray> t = SyntheticTiles.tile(24, 90, 6, 18, 70, 0.55, 60, 9);
		assertArrayEquals(FloatImages.pixels(cpu.meanZProjection(t)), FloatImages.pixels(gpu.meanZProjection(t)), 1e-3f);
		final TileDetection c = GalvoDetector.detect("t", t, 18, cpu), g = GalvoDetector.detect("t", t, 18, gpu);
		assertEquals(c.bandStart(), g.bandStart());
		assertEquals(c.detectedShift(), g.detectedShift());
		assertEquals(c.confidence(), g.confidence(), 1e-4);
	}
}
