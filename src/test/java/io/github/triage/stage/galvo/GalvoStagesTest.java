package io.github.triage.stage.galvo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.TiffStacks;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;

/** The galvo stages on the reference tiles, in temporary folders. */
class GalvoStagesTest {
	private final ImageOps cpu = new CpuImageOps();

	@TempDir
	Path tmp;

	static Path ref(final String rel) {
		try {
			return Path.of(GalvoStagesTest.class.getResource("/galvo/galvo_expected.csv").toURI()).getParent().resolve(rel);
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static void copyTree(final Path from, final Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> s = Files.list(from)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				Files.copy(p, to.resolve(p.getFileName().toString()));
		}
	}

	/** tiles/slice_z00, slice_z01, slice_z03 of the reference data (n_extra 32 fits all three). */
	private Path tiles() throws IOException {
		final Path tiles = tmp.resolve("tiles");
		for (final String s : List.of("slice_z00", "slice_z01", "slice_z03"))
			copyTree(ref("tiles/" + s), tiles.resolve(s));
		return tiles;
	}

	@Test
	void perSliceFragmentsMergeIntoTheSameConfigAsStampingTheFolder() throws IOException {
		final Path tiles = tiles();
		final Path in = tmp.resolve("in.csv");
		// slice 01 has a note to keep; 05 has no tiles; 03 is unused (a fragment must name a slice of the config)
		Files.writeString(in, "slice_id,use,notes\n00,true,\n01,true,keep me\n03,false,\n05,true,\n");

		// whole folder; both ways stamp the diagnostics with one date, as one run would (the date is all that may differ)
		final String date = "2026-01-02T03:04:05Z";
		final Path whole = tmp.resolve("whole/slice_config.csv");
		final StampStage.Result stamped = new StampStage().run(StampStage.Options.defaults(in, whole, tiles, 32)
				.withDate(date), cpu, Listener.NONE);
		assertEquals(List.of("00", "01", "03"), stamped.slices().stream().map(DetectedSlice::sliceId).toList());
		assertEquals(3, stamped.diagnostics().size());

		// per slice (a Nextflow fan-out), then one merge
		final Path fragments = tmp.resolve("fragments");
		for (final String s : List.of("slice_z03", "slice_z00", "slice_z01")) {
			final DetectSliceStage.Result r = new DetectSliceStage().run(DetectSliceStage.Options.defaults(
					tiles.resolve(s), fragments.resolve(s + "_galvo.csv"), 32).withDate(date), cpu, Listener.NONE);
			assertEquals(1, r.slices().size());
			assertTrue(Files.exists(r.fragment()));
		}
		final SliceConfig merged = SliceConfigFiles.read(in);
		merged.mergeFragments(SliceConfigFiles.readFragments(fragments), true); // stamp adds missing rows too
		final Path perSlice = tmp.resolve("per-slice/slice_config.csv");
		SliceConfigFiles.write(merged, perSlice);

		assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(perSlice),
				Files.readString(whole) + "\nvs\n" + Files.readString(perSlice));
		final SliceConfig c = SliceConfigFiles.read(whole);
		assertEquals("true", c.get("03", "galvo_fix"));
		assertEquals("keep me", c.get("01", "notes"));
		assertEquals("false", c.get("03", "use"));
		assertEquals("", c.get("05", "galvo_fix"));
		for (final String id : List.of("00", "01", "03"))
			assertArrayEquals(Files.readAllBytes(whole.resolveSibling("galvo_diagnostics/slice_z" + id + "_galvo.json")),
					Files.readAllBytes(fragments.resolve("galvo_diagnostics/slice_z" + id + "_galvo.json")), id);
	}

	@Test
	void stampWritesTheDecisionsAndTheirDiagnostics() throws IOException {
		final Path tiles = tmp.resolve("tiles");
		copyTree(ref("tiles/slice_z00"), tiles.resolve("slice_z00"));
		final Path in = tmp.resolve("in.csv"), out = tmp.resolve("cfg/slice_config.csv");
		Files.writeString(in, "slice_id,use,notes\n00,true,keep me\n01,true,\n");
		new StampStage().run(StampStage.Options.defaults(in, out, tiles, 40), cpu, Listener.NONE);
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals("true", c.get("00", "galvo_fix"));
		assertEquals("0.800", c.get("00", "galvo_confidence"));
		assertEquals("keep me", c.get("00", "notes"));
		assertEquals("", c.get("01", "galvo_fix"));
		final Path json = out.getParent().resolve("galvo_diagnostics/slice_z00_galvo.json");
		final Map<?, ?> diag = new Gson().fromJson(Files.readString(json, StandardCharsets.UTF_8), Map.class);
		assertEquals(124.0, diag.get("shift"));
		assertEquals(5, ((List<?>) diag.get("tiles_sampled")).size());
		assertEquals(2, ((List<?>) diag.get("tiles_skipped")).size());
		final Map<?, ?> first = (Map<?, ?>) ((List<?>) diag.get("tiles_sampled")).get(0);
		assertEquals(46.0, first.get("band_start"));
		assertEquals(210, ((List<?>) first.get("similarity")).size());
		assertTrue(first.containsKey("contrast") && first.containsKey("sharpness") && first.containsKey("anomaly"));
	}

	@Test
	void stampReportsEveryProblemAtOnceAndWritesNothing() throws IOException {
		final Path tiles = tmp.resolve("tiles");
		copyTree(ref("tiles/slice_z00"), tiles.resolve("raw_a")); // no slice id in the name
		final Path out = tmp.resolve("out/slice_config.csv");
		final BadInputException e = assertThrows(BadInputException.class, () -> new StampStage().run(
				new StampStage.Options(tmp.resolve("missing.csv"), out, tiles, 0, 1.5, 5, 20), cpu, Listener.NONE));
		final String m = e.getMessage();
		assertTrue(m.contains("missing.csv") && m.contains("n_extra") && m.contains("threshold")
				&& m.contains("raw_a") && m.contains("slice id"), m);
		assertFalse(m.contains("--"), "no flag names in stage messages: " + m);
		assertFalse(Files.exists(out.getParent()));
	}

	@Test
	void aFolderGivenForAnOutputTableIsRefusedFirst() throws IOException {
		final Path folder = Files.createDirectories(tmp.resolve("a-folder"));
		final Path wraps = ref("tiles/single/tile_01_band_wraps.tif");
		final BadInputException t = assertThrows(BadInputException.class, () -> new DetectTileStage().run(
				new DetectTileStage.Options(List.of(wraps), folder, 44, DetectTileStage.Options.DEFAULT_THRESHOLD), cpu,
				Listener.NONE));
		assertEquals(folder + ": output table is a folder, not a file", t.getMessage());
		final BadInputException s = assertThrows(BadInputException.class, () -> new DetectSliceStage().run(
				DetectSliceStage.Options.defaults(ref("tiles/slice_z00"), folder, 40), cpu, Listener.NONE));
		assertEquals(folder + ": output fragment is a folder, not a file", s.getMessage());
		try (var left = Files.list(folder)) {
			assertEquals(0, left.count());
		}
	}

	@Test
	void detectSliceWithoutOutputDecidesAndWritesNothing() throws IOException {
		final DetectSliceStage.Result r = new DetectSliceStage().run(DetectSliceStage.Options.defaults(
				ref("tiles/slice_z00"), null, 40), cpu, Listener.NONE);
		assertEquals(124, r.slices().get(0).detection().shift());
		assertTrue(r.slices().get(0).detection().galvoFix());
		assertNull(r.fragment());
		// a higher threshold falls back to shift 0
		final DetectSliceStage.Result hi = new DetectSliceStage().run(new DetectSliceStage.Options(
				ref("tiles/slice_z00"), null, 40, 0.95, 5, 20), cpu, Listener.NONE);
		assertEquals(0, hi.slices().get(0).detection().shift());
		assertFalse(hi.slices().get(0).detection().galvoFix());
	}

	@Test
	void detectTileDefaultsToTheSpecThreshold() throws IOException {
		assertEquals(0.6, DetectTileStage.Options.DEFAULT_THRESHOLD);
		final Path wraps = ref("tiles/single/tile_01_band_wraps.tif"), out = tmp.resolve("tiles.csv");
		final DetectTileStage.Result r = new DetectTileStage().run(new DetectTileStage.Options(List.of(wraps), out, 44,
				DetectTileStage.Options.DEFAULT_THRESHOLD), cpu, Listener.NONE);
		assertEquals(197, r.tiles().get(0).shift());
		assertEquals(211, r.tiles().get(0).detection().bandStart());
		assertTrue(Files.readString(out).startsWith("file,shift,band_start,confidence\n" + wraps + ",197,211,"));
		// at a threshold above its confidence the tile reports shift 0
		final double above = Math.nextUp(r.tiles().get(0).detection().confidence());
		assertEquals(0, new DetectTileStage().run(new DetectTileStage.Options(List.of(wraps), null, 44, above), cpu,
				Listener.NONE).tiles().get(0).shift());
	}

	@Test
	void tileFoldersAreOrderedBySliceIdAndAmbiguousNamesRefused() throws IOException {
		final Path root = tmp.resolve("root");
		for (final String s : List.of("slice_z100", "slice_z99", "slice_z7"))
			Files.createDirectories(root.resolve(s));
		for (final String s : List.of("slice_z100", "slice_z99", "slice_z7"))
			Files.copy(ref("tiles/slice_z00/tile_x00_y00_z00.tif"), root.resolve(s).resolve("t.tif"));
		assertEquals(List.of("07", "99", "100"),
				TileFiles.sliceFolders(root).stream().map(TileFiles.SliceFolder::sliceId).toList());
		Files.createDirectories(root.resolve("slice_z03_z04"));
		Files.copy(ref("tiles/slice_z00/tile_x00_y00_z00.tif"), root.resolve("slice_z03_z04/t.tif"));
		final BadInputException e = assertThrows(BadInputException.class, () -> TileFiles.sliceFolders(root));
		assertTrue(e.getMessage().contains("slice_z03_z04") && e.getMessage().contains("ambiguous"), e.getMessage());
	}
}
