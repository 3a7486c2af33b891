package io.github.triage.stage.galvo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.galvo.GalvoSettings;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.Warnings;
import io.github.triage.stage.slice.GenerateSliceConfigStage;

/** What the galvo stages say when the tiles do not cover the slices, or when their decisions are fragile. */
class GalvoWarningsTest {
	private final ImageOps cpu = new CpuImageOps();

	@TempDir
	Path tmp;

	private Path tiles() throws IOException {
		final Path tiles = tmp.resolve("tiles");
		GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/slice_z00"), tiles.resolve("slice_z00"));
		Files.createDirectories(tiles.resolve("slice_z02")); // a slice folder left empty
		return tiles;
	}

	@Test
	void stampNamesEachSliceWithoutATileFolder() throws IOException {
		final Path in = tmp.resolve("in.csv");
		Files.writeString(in, "slice_id,use\n00,true\n01,true\n02,true\n");
		final Warnings w = new Warnings();
		new StampStage().run(StampStage.Options.defaults(in, tmp.resolve("out.csv"), tiles(), 40), cpu, w);
		assertTrue(w.list.stream().anyMatch(m -> m.contains("slice 01: no tile folder in")), w.list.toString());
		assertTrue(w.list.stream().anyMatch(m -> m.contains("slice 02: no tile folder in")), w.list.toString());
		assertTrue(w.list.stream().anyMatch(m -> m.contains("slice_z02: no tiles")), w.list.toString());
		assertTrue(w.list.stream().noneMatch(m -> m.contains("slice 00")), w.list.toString());
		assertEquals("", SliceConfigFiles.read(tmp.resolve("out.csv")).get("01", "galvo_fix"));
	}

	@Test
	void generateWithGalvoDetectionNamesEachSliceWithoutATileFolder() throws IOException {
		// ids from a raw folder with slices 00 and 02; galvo tiles only for 00
		final Path raw = tmp.resolve("raw");
		for (final String s : List.of("slice_z00", "slice_z02"))
			GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/slice_z00"), raw.resolve(s));
		GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/slice_z00"), tmp.resolve("galvo-tiles/slice_z00"));
		final Warnings w = new Warnings();
		final GenerateSliceConfigStage.Options o = new GenerateSliceConfigStage.Options(
				GenerateSliceConfigStage.Source.TILES, raw, List.of(), 0, tmp.resolve("gen.csv"),
				new GenerateSliceConfigStage.Galvo(tmp.resolve("galvo-tiles"), GalvoSettings.defaults(40)));
		new GenerateSliceConfigStage().run(o, cpu, w);
		assertTrue(w.list.stream().anyMatch(m -> m.contains("slice 02: no tile folder in")), w.list.toString());
	}

	@Test
	void detectSliceOverAFolderNamesAnEmptySliceFolder() throws IOException {
		final Warnings w = new Warnings();
		final DetectSliceStage.Result r = new DetectSliceStage().run(DetectSliceStage.Options.defaults(tiles(), null, 40),
				cpu, w);
		assertEquals(1, r.slices().size());
		assertTrue(w.list.stream().anyMatch(m -> m.contains("slice_z02: no tiles")), w.list.toString());
	}

	@Test
	void confidencesAllWithinAHairOfTheThresholdWarn() throws IOException {
		final Path slice = tmp.resolve("three");
		for (final String s : List.of("slice_z00", "slice_z01", "slice_z02"))
			GalvoStagesTest.copyTree(GalvoStagesTest.ref("tiles/slice_z00"), slice.resolve(s));
		final Warnings quiet = new Warnings();
		final double c = new DetectSliceStage().run(DetectSliceStage.Options.defaults(slice, null, 40), cpu, quiet)
				.slices().get(0).detection().confidence();
		assertTrue(quiet.list.isEmpty(), quiet.list.toString());
		final Warnings w = new Warnings();
		final DetectSliceStage.Options near = new DetectSliceStage.Options(slice, null, 40, c - 0.01,
				DetectSliceStage.Options.DEFAULT_N_SAMPLES, DetectSliceStage.Options.DEFAULT_MIN_INTENSITY);
		new DetectSliceStage().run(near, cpu, w);
		assertEquals(1, w.list.size(), w.list.toString());
		assertTrue(w.list.get(0).startsWith("galvo: every slice's score (3,"), w.list.get(0));
	}
}
