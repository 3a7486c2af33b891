package io.github.triage.galvo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.CpuImageOps;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/** Stage 2 on the reference slices (planted truth) and on hand-made tile lists. */
class SliceDetectorTest {

	static List<TileSource> folder(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().endsWith(".tif")).sorted()
					.map(p -> (TileSource) new TileSource() {
						@Override
						public String name() {
							return p.getFileName().toString();
						}

						@Override
						public RandomAccessibleInterval<? extends RealType<?>> load() {
							return TiffStacks.read(p);
						}
					}).collect(Collectors.toList());
		}
	}

	@Test
	void galvoFixMatchesThePlantedTruthOnEverySlice() throws IOException {
		final Map<String, Integer> tileTrueShift = new HashMap<>();
		final Map<String, Integer> tissueTiles = new HashMap<>();
		for (final Map<String, String> r : GalvoReferenceData.tiles()) {
			tileTrueShift.put(r.get("file").replaceFirst(".*/", ""), Integer.parseInt(r.get("true_shift")));
			if (Double.parseDouble(r.get("aip_mean")) >= 20)
				tissueTiles.merge(r.get("file").replaceFirst("/.*", ""), 1, Integer::sum);
		}
		for (final Map<String, String> row : GalvoReferenceData.slices()) {
			final String slice = row.get("slice_folder");
			final int n = Integer.parseInt(row.get("n_extra")), rows = Integer.parseInt(row.get("rows"));
			final boolean planted = !row.get("true_polarity").equals("edge");
			final SliceDetection d = SliceDetector.detect(slice, folder(GalvoReferenceData.root().resolve("tiles").resolve(slice)),
					GalvoSettings.defaults(n), new CpuImageOps(), Listener.NONE);
			assertEquals(planted, d.galvoFix(), slice + ": " + d.reason());
			if (planted) {
				// the slice's shift is the best tile's exact shift (tiles of slice_z04 jitter by ±3 rows)
				assertEquals(tileTrueShift.get(d.best().name()), d.shift(), slice);
				assertEquals(Math.min(5, tissueTiles.get(slice)), d.detections().size(),
						slice + " samples 5 tiles above min_intensity when it has them");
				final int trueStart = Integer.parseInt(row.get("true_band_start"));
				assertTrue(Math.abs(ShiftDetection.shiftFor(rows, n, trueStart) - d.shift()) <= 3, slice);
			}
			else assertEquals(0, d.shift(), slice);
			for (final SliceDetection.Skipped s : d.skipped())
				assertTrue(s.mean() < 20, s.name());
		}
	}

	@Test
	void withoutBackgroundTheSampledTilesAreTheReferences() throws IOException {
		for (final Map<String, String> row : GalvoReferenceData.slices()) {
			final List<String> valid = List.of(row.get("valid_indices").split(";"));
			if (!valid.equals(List.of(row.get("sampled_indices").split(";")))) continue; // background among them
			final String slice = row.get("slice_folder");
			final List<TileSource> tiles = folder(GalvoReferenceData.root().resolve("tiles").resolve(slice));
			final SliceDetection d = SliceDetector.detect(slice, tiles,
					GalvoSettings.defaults(Integer.parseInt(row.get("n_extra"))), new CpuImageOps(), Listener.NONE);
			final List<String> expected = valid.stream().map(i -> tiles.get(Integer.parseInt(i)).name()).toList();
			assertEquals(expected, d.examined(), slice);
		}
	}

	@Test
	void backgroundCandidatesAreReplacedUpToThreeTimesNSamples() throws IOException {
		final SliceDetection d = SliceDetector.detect("slice_z03",
				folder(GalvoReferenceData.root().resolve("tiles/slice_z03")), GalvoSettings.defaults(32),
				new CpuImageOps(), Listener.NONE);
		// 8 of 10 tiles are background: all 10 are examined (cap 15), the 2 tissue tiles are detected.
		assertEquals(10, d.examined().size());
		assertEquals(8, d.skipped().size());
		assertEquals(2, d.detections().size());
		assertTrue(d.galvoFix());
		assertEquals(99, d.shift());
	}

	@Test
	void candidateOrderStartsWithLinumpysIndices() {
		assertEquals(List.of(4, 6, 9, 12, 15), SliceDetector.candidateOrder(20, 5).subList(0, 5));
		assertEquals(List.of(2, 3, 4, 5, 7), SliceDetector.candidateOrder(10, 5).subList(0, 5));
		assertEquals(10, SliceDetector.candidateOrder(10, 5).size());
		assertEquals(15, SliceDetector.candidateOrder(100, 5).size());
		assertEquals(List.of(0), SliceDetector.candidateOrder(1, 5));
	}

	private static TileDetection fake(final String name, final int shift, final double conf) {
		final ShiftDetection sd = new ShiftDetection(200, 40, new double[200], new double[200],
				Math.floorMod(200 - shift - 40, 200), shift, true);
		final PresenceScore ps = new PresenceScore(conf, 0, 0, 0, 0, 0, 0, Interpretation.of(conf));
		return new TileDetection(name, 50, new double[200], sd, ps);
	}

	@Test
	void consensusByHand() {
		final GalvoSettings s = GalvoSettings.defaults(40);
		// 98, 100 and 104 agree within max(40/4, 5) = 10; 150 does not → median(0.7, 0.8, 0.9)·sqrt(3/4)
		final SliceDetection d = SliceDetector.combine("s", s, 4, List.of(), List.of(),
				List.of(fake("a", 98, 0.7), fake("b", 100, 0.9), fake("c", 104, 0.8), fake("d", 150, 0.75)));
		assertEquals(3, d.consistent());
		assertEquals(List.of("a", "b", "c"), d.agreeing());
		assertEquals(0.8 * Math.sqrt(0.75), d.confidence(), 1e-12);
		assertEquals(100, d.shift()); // the most confident tile of the consensus
		assertTrue(d.galvoFix());
		// shifts compare circularly: 199 and 2 are 3 rows apart
		final SliceDetection w = SliceDetector.combine("w", s, 2, List.of(), List.of(),
				List.of(fake("a", 199, 0.8), fake("b", 2, 0.7)));
		assertEquals(2, w.consistent());
		assertEquals(0.75, w.confidence(), 1e-12);
		// two bands with one tile each: the more confident one, weighted by half; below threshold → 0, no fix
		final SliceDetection lo = SliceDetector.combine("lo", s, 2, List.of(), List.of(),
				List.of(fake("a", 10, 0.8), fake("b", 120, 0.7)));
		assertEquals(0.8 * Math.sqrt(0.5), lo.confidence(), 1e-12);
		assertEquals("a", lo.best().name());
		assertEquals(0, lo.shift());
		assertFalse(lo.galvoFix());
		// nothing above min_intensity
		final SliceDetection none = SliceDetector.combine("n", s, 3, List.of("a"), List.of(new SliceDetection.Skipped("a", 3)),
				List.of());
		assertNull(none.best());
		assertEquals(List.of(), none.agreeing());
		assertEquals(0, none.shift());
		assertFalse(none.galvoFix());
	}

	/** Issue 11's quality bar: four tiles agree on the band, one outlier is a little more confident. */
	@Test
	void oneConfidentOutlierAmongAgreeingTilesDoesNotSinkTheSlice() {
		final GalvoSettings s = GalvoSettings.defaults(40);
		final SliceDetection d = SliceDetector.combine("s", s, 20, List.of(), List.of(),
				List.of(fake("t04", 101, 0.78), fake("t06", 100, 0.80), fake("t09", 40, 0.85), fake("t12", 99, 0.76),
						fake("t15", 102, 0.79)));
		// the single-most-confident rule: 0.85·sqrt(1/5) = 0.38 < 0.6, no fix
		assertEquals(List.of("t04", "t06", "t12", "t15"), d.agreeing());
		assertEquals("t06", d.best().name());
		assertEquals(0.785 * Math.sqrt(0.8), d.confidence(), 1e-12);
		assertTrue(d.galvoFix(), d.reason());
		assertEquals(100, d.shift());
		// the diagnostics name the agreeing tiles and mark the outlier
		final java.util.Map<String, Object> diag = GalvoDiagnostics.of(d);
		assertEquals(d.agreeing(), diag.get("agreeing_tiles"));
		@SuppressWarnings("unchecked")
		final List<java.util.Map<String, Object>> sampled = (List<java.util.Map<String, Object>>) diag.get("tiles_sampled");
		assertEquals(List.of(true, true, false, true, true), sampled.stream().map(m -> m.get("agrees")).toList());
	}

	/** A slice whose tiles all disagree is not trusted, however confident one tile is. */
	@Test
	void tilesThatAllDisagreeGiveNoFix() {
		final SliceDetection d = SliceDetector.combine("s", GalvoSettings.defaults(40), 20, List.of(), List.of(),
				List.of(fake("a", 10, 0.95), fake("b", 60, 0.9), fake("c", 110, 0.9), fake("d", 160, 0.9)));
		assertEquals(1, d.consistent());
		assertFalse(d.galvoFix());
	}

	@Test
	void twoDimensionalTilesAreRejectedByName() {
		final TileSource flat = new TileSource() {
			@Override
			public String name() {
				return "flat.tif";
			}

			@Override
			public RandomAccessibleInterval<? extends RealType<?>> load() {
				return ArrayImgs.floats(8, 100);
			}
		};
		final BadInputException e = assertThrows(BadInputException.class,
				() -> SliceDetector.detect("s", List.of(flat), GalvoSettings.defaults(10), new CpuImageOps(), Listener.NONE));
		assertTrue(e.getMessage().contains("flat.tif") && e.getMessage().contains("3D"), e.getMessage());
	}
}
