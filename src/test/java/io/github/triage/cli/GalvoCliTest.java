package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.TiffStacks;
import io.github.triage.io.TileFiles;
import io.github.triage.ops.FloatImages;
import io.github.triage.slice.SliceConfig;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import picocli.CommandLine;

/** {@code triage galvo …} and {@code slice-config generate --detect-galvo} end to end on the reference tiles. */
class GalvoCliTest {
	@TempDir
	Path tmp;

	record Run(int code, String out, String err) {
	}

	static Run run(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final CommandLine cl = TriageCli.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		final int code = cl.execute(args);
		return new Run(code, out.toString(), err.toString());
	}

	static Path ref(final String rel) {
		try {
			return Path.of(GalvoCliTest.class.getResource("/galvo/galvo_expected.csv").toURI()).getParent().resolve(rel);
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void detectPrintsTheBandOfTilesAndAips() {
		final String wraps = ref("tiles/single/tile_01_band_wraps.tif").toString();
		final String aip = ref("aip/single/tile_01_band_wraps.tif").toString();
		final Run r = run("galvo", "detect", "--n-extra", "44", "--use-gpu", "off", wraps, aip);
		assertEquals(0, r.code(), r.err());
		final String[] lines = r.out().strip().split("\n");
		assertEquals("file,shift,band_start,confidence", lines[0]);
		// planted band at 211 of 226 rows wraps past the last row: shift (226 - 211 - 44) mod 226 = 197
		assertTrue(lines[1].startsWith(wraps + ",197,211,"), lines[1]);
		assertTrue(lines[2].startsWith(aip + ",197,211,"), lines[2]);
		assertEquals(lines[1].substring(wraps.length()), lines[2].substring(aip.length()));
	}

	@Test
	void detectSlicePrintsOneDecisionPerSliceFolder() {
		final Run r = run("galvo", "detect-slice", "--n-extra", "40", "--use-gpu", "off", ref("tiles/slice_z00").toString());
		assertEquals(0, r.code(), r.err());
		final String[] lines = r.out().strip().split("\n");
		assertEquals("slice,shift,confidence,galvo_fix", lines[0]);
		assertTrue(lines[1].matches("slice_z00,124,0\\.8\\d+,true"), lines[1]);
		// a high threshold turns the fix off and falls back to shift 0
		final Run hi = run("galvo", "detect-slice", "--n-extra", "40", "--threshold", "0.95", "--use-gpu", "off",
				ref("tiles/slice_z00").toString());
		assertTrue(hi.out().strip().split("\n")[1].matches("slice_z00,0,0\\.8\\d+,false"), hi.out());
	}

	@Test
	void detectSliceAndStampShareTheDetectionOptionsAndCheckThreads() {
		for (final String command : new String[] { "detect-slice", "stamp", "fix" }) {
			final String help = run("galvo", command, "--help").out();
			for (final String option : new String[] { "--threshold", "--n-samples", "--min-intensity", "--use-gpu" })
				assertTrue(help.contains(option), command + " " + option + "\n" + help);
		}
		final Run r = run("galvo", "detect-slice", "--n-extra", "40", "--threads", "0", ref("tiles/slice_z00").toString());
		assertEquals(2, r.code(), r.err());
		assertTrue(r.err().contains("--threads must be at least 1"), r.err());
	}

	@Test
	void fixRollsTheTileSoTheBandEndsUpLast() throws IOException {
		final Path out = tmp.resolve("fixed.tif");
		final Path in = ref("tiles/single/tile_02_near_end.tif");
		assertEquals(0, run("galvo", "fix", "--shift", "9", in.toString(), "-o", out.toString()).code());
		final Run r = run("galvo", "detect", "--n-extra", "52", "--use-gpu", "off", out.toString());
		assertTrue(r.out().contains(out + ",0,206,"), r.out()); // 258 rows - 52 = 206: the band is last
		// and to OME-Zarr: the same pixels
		final Path zarr = tmp.resolve("fixed.ome.zarr");
		assertEquals(0, run("galvo", "fix", "--shift", "9", in.toString(), "-o", zarr.toString()).code());
		assertArrayEquals(FloatImages.pixels(TiffStacks.read(out)), FloatImages.pixels(TileFiles.read(zarr, null)));
	}

	@Test
	void omeZarrTilesAreAccepted() throws IOException {
		final ArrayImg<FloatType, FloatArray> tile = TiffStacks.read(ref("tiles/single/tile_04_bright_edge_tile.tif"));
		final int w = (int) tile.dimension(0), h = (int) tile.dimension(1), d = (int) tile.dimension(2);
		final float[] px = FloatImages.pixels(tile);
		final Path zarr = tmp.resolve("tile_04.ome.zarr");
		OmeZarrWriter.write(zarr, d, h, w, z -> java.util.Arrays.copyOfRange(px, z * w * h, (z + 1) * w * h),
				new double[] { 1, 1, 1 }, "micrometer", 1, OmeZarrWriter.Compressor.ZLIB, new int[] { 4, 64, 64 });
		final Run r = run("galvo", "detect", "--n-extra", "20", "--use-gpu", "off", zarr.toString());
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains(zarr + ",89,41,"), r.out());
	}

	@Test
	void badInputExitsTwoNamingTheFileAndWritesNothing() throws IOException {
		final String tile = ref("tiles/single/tile_00_band_at_start.tif").toString();
		// n_extra >= height
		Run r = run("galvo", "detect", "--n-extra", "194", "--use-gpu", "off", tile);
		assertEquals(2, r.code());
		assertTrue(r.err().contains(tile) && r.err().contains("n_extra"), r.err());
		assertEquals("", r.out());
		// 2D where 3D is needed
		final Path out = tmp.resolve("o.tif");
		r = run("galvo", "fix", "--shift", "3", ref("aip/single/tile_00_band_at_start.tif").toString(), "-o", out.toString());
		assertEquals(2, r.code());
		assertTrue(r.err().contains("tile_00_band_at_start.tif") && r.err().contains("3D"), r.err());
		assertFalse(Files.exists(out));
		final Path aipSlice = tmp.resolve("aips/slice_z00");
		Files.createDirectories(aipSlice);
		Files.copy(ref("aip/slice_z00/tile_x00_y01_z00.tif"), aipSlice.resolve("tile_x00_y01_z00.tif"));
		r = run("galvo", "detect-slice", "--n-extra", "40", "--use-gpu", "off", aipSlice.toString());
		assertEquals(2, r.code());
		assertTrue(r.err().contains("tile_x00_y01_z00.tif") && r.err().contains("3D"), r.err());
		// empty folder
		final Path empty = tmp.resolve("empty");
		Files.createDirectories(empty);
		r = run("galvo", "detect-slice", "--n-extra", "40", "--use-gpu", "off", empty.toString());
		assertEquals(2, r.code());
		assertTrue(r.err().contains(empty.toString()) && r.err().contains("no tiles"), r.err());
		// unreadable file
		final Path junk = tmp.resolve("junk.tif");
		Files.writeString(junk, "not a tiff");
		r = run("galvo", "detect", "--n-extra", "4", "--use-gpu", "off", tile, junk.toString());
		assertEquals(2, r.code());
		assertTrue(r.err().contains(junk.toString()), r.err());
		assertEquals("", r.out(), "nothing printed when one of the files is bad");
		// NaN pixels
		final ArrayImg<FloatType, FloatArray> nan = ArrayImgs.floats(8, 30, 2);
		nan.randomAccess().setPositionAndGet(1, 2, 1).set(Float.NaN);
		final Path nanFile = tmp.resolve("nan.tif");
		TiffStacks.write(nanFile, nan);
		r = run("galvo", "detect", "--n-extra", "4", "--use-gpu", "off", nanFile.toString());
		assertEquals(2, r.code());
		assertTrue(r.err().contains(nanFile.toString()) && r.err().contains("NaN"), r.err());
	}

	@Test
	void stampAndGenerateMapTheirOptionsToTheStage() throws IOException {
		// slices z00 (band, n_extra 40): a copy of the reference folder under tiles/
		final Path tiles = tmp.resolve("tiles");
		copyTree(ref("tiles/slice_z00"), tiles.resolve("slice_z00"));
		final Path in = tmp.resolve("in.csv"), out = tmp.resolve("cfg/slice_config.csv");
		Files.writeString(in, "slice_id,use,notes\n00,true,keep me\n01,true,\n");
		Run r = run("galvo", "stamp", in.toString(), "-o", out.toString(), "--tiles-dir", tiles.toString(),
				"--n-extra", "40", "--use-gpu", "off");
		assertEquals(0, r.code(), r.err());
		assertEquals("true", SliceConfigFiles.read(out).get("00", "galvo_fix")); // the rest: GalvoStagesTest
		assertTrue(Files.exists(out.getParent().resolve("galvo_diagnostics/slice_z00_galvo.json")));

		// generate --detect-galvo from the same folder
		final Path gen = tmp.resolve("gen/slice_config.csv");
		r = run("slice-config", "generate", "--from-tiles", tiles.toString(), "-o", gen.toString(), "--detect-galvo",
				"--tiles-dir", tiles.toString(), "--galvo-threshold", "0.6", "--n-extra", "40", "--use-gpu", "off");
		assertEquals(0, r.code(), r.err());
		final SliceConfig g = SliceConfigFiles.read(gen);
		assertEquals(List.of("00"), g.ids());
		assertEquals("true", g.get("00", "galvo_fix"));
		assertTrue(Files.exists(gen.getParent().resolve("galvo_diagnostics/slice_z00_galvo.json")));
		// missing n_extra: error, nothing written
		final Path gen2 = tmp.resolve("gen2/slice_config.csv");
		r = run("slice-config", "generate", "--from-tiles", tiles.toString(), "-o", gen2.toString(), "--detect-galvo");
		assertEquals(2, r.code(), r.err());
		assertFalse(Files.exists(gen2));
	}

	@Test
	void detectSliceWritesAFragmentWithOutputAndDefaultsShowInHelp() throws IOException {
		final Path frag = tmp.resolve("fragments/slice_z00_galvo.csv");
		final Run r = run("galvo", "detect-slice", "--n-extra", "40", "--use-gpu", "off", ref("tiles/slice_z00").toString(),
				"-o", frag.toString());
		assertEquals(0, r.code(), r.err());
		assertEquals("slice_id,galvo_confidence,galvo_fix\n00,0.800,true\n", Files.readString(frag));
		assertTrue(Files.exists(frag.resolveSibling("galvo_diagnostics/slice_z00_galvo.json")));
		// the spec's threshold, the same on detect and detect-slice, shown by --help
		for (final String sub : new String[] { "detect", "detect-slice", "stamp" })
			assertTrue(run("galvo", sub, "--help").out().contains("Default: 0.6"), sub);
		assertTrue(run("slice-config", "generate", "--help").out().contains("Default: 0.6"));
	}

	static void copyTree(final Path from, final Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> s = Files.list(from)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				Files.copy(p, to.resolve(p.getFileName().toString()));
		}
	}
}
