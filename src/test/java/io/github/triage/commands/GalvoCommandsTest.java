package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.galvo.GalvoFix;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.FloatImages;
import io.github.triage.slice.SliceConfig;

/** The galvo Fiji commands run headless through CommandService, on the reference tiles. */
class GalvoCommandsTest {
	private static Context context;
	private static CommandService commands;

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static Path ref(final String rel) {
		try {
			return Path.of(GalvoCommandsTest.class.getResource("/galvo/galvo_expected.csv").toURI()).getParent().resolve(rel);
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void detectReportsTheBandAndAppliesTheFixInPlace() throws Exception {
		final ImagePlus imp = TiffStacks.toImagePlus(TiffStacks.read(ref("tiles/single/tile_01_band_wraps.tif")), "wraps");
		final float[] before = FloatImages.pixels(TiffStacks.fromImagePlus(imp)).clone();
		final CommandModule m = commands.run(DetectGalvoShiftCommand.class, true, Map.of("imp", imp, "n_extra", 44,
				"threshold", 0.6, "apply_fix", true, "show_plot", true, "use_gpu", "off")).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(211, m.getOutput("band_start"));
		assertEquals(197, m.getOutput("shift"));
		assertTrue((double) m.getOutput("confidence") >= 0.6);
		assertEquals(true, m.getOutput("fix_applied"));
		final DetectGalvoShiftCommand cmd = (DetectGalvoShiftCommand) m.getDelegateObject();
		assertEquals(0.5 * cmd.resultsTable().getValue("contrast (x0.5)", 0) + 0.3 * cmd.resultsTable().getValue("sharpness (x0.3)", 0)
				+ 0.2 * cmd.resultsTable().getValue("anomaly (x0.2)", 0), cmd.resultsTable().getValue("score", 0), 1e-9);
		assertNotNull(cmd.profilePlot());
		// the stack was rolled in place by 197 rows
		assertArrayEquals(FloatImages.pixels(GalvoFix.roll(FloatImages.wrap(before, imp.getWidth(), 226, 8), 197)),
				FloatImages.pixels(TiffStacks.fromImagePlus(imp)));
	}

	@Test
	void badInputCancelsWithTheMessage() throws Exception {
		final ImagePlus imp = TiffStacks.toImagePlus(TiffStacks.read(ref("tiles/single/tile_03_low_contrast.tif")), "low");
		final CommandModule m = commands.run(DetectGalvoShiftCommand.class, true,
				Map.of("imp", imp, "n_extra", 170, "use_gpu", "off")).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("low") && m.getCancelReason().contains("n_extra"), m.getCancelReason());
	}

	@Test
	void fixRollsInPlaceOrIntoANewImage() throws Exception {
		final ImagePlus imp = TiffStacks.toImagePlus(TiffStacks.read(ref("tiles/single/tile_02_near_end.tif")), "near");
		final float[] before = FloatImages.pixels(TiffStacks.fromImagePlus(imp)).clone();
		CommandModule m = commands.run(FixGalvoShiftCommand.class, true, Map.of("imp", imp, "shift", 9, "in_place", false)).get();
		final ImagePlus fixed = (ImagePlus) m.getOutput("fixed");
		final float[] expected = FloatImages.pixels(GalvoFix.roll(FloatImages.wrap(before, imp.getWidth(), 258, 8), 9));
		assertArrayEquals(expected, FloatImages.pixels(TiffStacks.fromImagePlus(fixed)));
		assertArrayEquals(before, FloatImages.pixels(TiffStacks.fromImagePlus(imp)), "original untouched");
		m = commands.run(FixGalvoShiftCommand.class, true, Map.of("imp", imp, "shift", 9, "in_place", true)).get();
		assertArrayEquals(expected, FloatImages.pixels(TiffStacks.fromImagePlus(imp)));
	}

	@Test
	void sliceCommandStampsTheConfig() throws Exception {
		final Path tiles = tmp.resolve("tiles/slice_z03");
		Files.createDirectories(tiles);
		try (var s = Files.list(ref("tiles/slice_z03"))) {
			for (final Path p : (Iterable<Path>) s::iterator)
				Files.copy(p, tiles.resolve(p.getFileName().toString()));
		}
		final Path cfg = tmp.resolve("slice_config.csv");
		Files.writeString(cfg, "slice_id,use\n03,true\n");
		final CommandModule m = commands.run(DetectGalvoSlicesCommand.class, true, Map.of("tiles_dir",
				new File(tmp.resolve("tiles").toString()), "n_extra", 32, "config_file", cfg.toFile(), "use_gpu", "off")).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final DetectGalvoSlicesCommand cmd = (DetectGalvoSlicesCommand) m.getDelegateObject();
		assertEquals(1, cmd.resultsTable().size());
		assertEquals(99, cmd.resultsTable().getValue("shift", 0));
		assertEquals("true", cmd.resultsTable().getStringValue("galvo_fix", 0));
		assertEquals("true", SliceConfigFiles.read(cfg).get("03", "galvo_fix"));
		assertTrue(Files.exists(tmp.resolve("galvo_diagnostics/slice_z03_galvo.json")));
	}
}
