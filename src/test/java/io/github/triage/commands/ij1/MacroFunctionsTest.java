package io.github.triage.commands.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call() API of macros, in process. Shifts: the spec's worked example (steps 0→1 (10,5), 1→2 (8,3), 2→3 (12,7),
 * 3→4 (5,2), 4→5 (9,4) mm; cumulative 2:(18,8), 4:(35,17)). ImageJMacroIT runs the same through ImageJ 1.x.
 */
class MacroFunctionsTest {

	@TempDir
	Path tmp;

	@Test
	void filterAndForceSkipListIdsInRowOrder() throws IOException {
		final String config = resource("spec_example.csv");
		assertEquals("01,03,04,05", MacroFunctions.filter(config));
		// 00, 02, 07 are not used; 04 is used but auto-excluded.
		assertEquals("00,02,07,04", MacroFunctions.forceSkip(config));
	}

	@Test
	void cumulativeShiftsOfAllSlicesWithDifferentXYResolutions() throws IOException {
		final String csv = MacroFunctions.cumulativeShifts(resource("shifts_xy.csv"), "", "10,5", "false");
		assertEquals(List.of("slice_id,dx_mm,dy_mm,dx_px,dy_px", "00,0,0,0,0", "01,10,5,1000,1000",
			"02,18,8,1800,1600", "03,30,15,3000,3000", "04,35,17,3500,3400", "05,44,21,4400,4200"),
			List.of(csv.split("\n")));
	}

	@Test
	void cumulativeShiftsOfTheSpecSelectionWithoutPixels() throws IOException {
		final Path config = tmp.resolve("sel.csv");
		Files.writeString(config, "slice_id,use\n0,true\n1,false\n2,yes\n3,0\n4,1\n5,n\n");
		final String csv = MacroFunctions.cumulativeShifts(resource("shifts_xy.csv"), config.toString(), "", "");
		assertEquals("slice_id,dx_mm,dy_mm\n00,0,0\n02,18,8\n04,35,17", csv);
	}

	@Test
	void generateStampAndMergeWriteThroughTheModule() throws IOException {
		final Path out = tmp.resolve("slice_config.csv");
		assertEquals("6 slices, 4 used",
			MacroFunctions.generateFromShifts(resource("shifts_xy.csv"), out.toString(), "1", "1"));
		assertEquals("02,03", MacroFunctions.stamp(out.toString(), "2 3", "galvo_confidence", "0.7", "false", ""));
		final Path fragments = Files.createDirectories(tmp.resolve("fragments"));
		Files.writeString(fragments.resolve("slice_z03_manifest.csv"),
			"slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n"
				+ "3,zmorph,zmorph,,false,/w/slice_z03.ome.zarr\n");
		final Path merged = tmp.resolve("merged.csv");
		assertEquals("03", MacroFunctions.mergeFragments(out.toString(), fragments.toString(), merged.toString()));
		final List<String> lines = Files.readAllLines(merged);
		assertEquals("02,true,,0.7,,,,,,,,,,", lines.get(3));
		assertEquals("03,true,,0.7,,,,,,true,false,zmorph,,", lines.get(4));
	}

	@Test
	void generateFromAMosaicsFolder() throws IOException {
		final Path mosaics = Files.createDirectories(tmp.resolve("mosaics"));
		for (final String z : List.of("12", "4", "8")) Files.createDirectories(mosaics.resolve("mosaic_z" + z + ".ome.zarr"));
		final Path out = tmp.resolve("slice_config.csv");
		assertEquals("3 slices, 1 used", MacroFunctions.generateFromMosaics(mosaics.toString(), out.toString(), "12", "1"));
		assertEquals("04,08,12", String.join(",", Files.readAllLines(out).stream().skip(1).map(l -> l.split(",")[0])
			.toList()));
		assertEquals("08", MacroFunctions.filter(out.toString()));
		final String empty = MacroFunctions.generateFromMosaics(tmp.resolve("none").toString(), out.toString(), "", "");
		assertTrue(empty.startsWith("error: ") && empty.contains("none"), empty);
	}

	@Test
	void badInputReturnsAnErrorNamingTheProblemAndWritesNothing() throws IOException {
		final Path out = tmp.resolve("out.csv");
		final String missing = tmp.resolve("missing.csv").toString();
		assertEquals("error: " + missing + ": no such file", MacroFunctions.filter(missing));
		final String r = MacroFunctions.generateFromShifts(resource("shifts_xy.csv"), out.toString(), "", "two");
		assertTrue(MacroFunctions.isError(r) && r.contains("exclude_first 'two'"), r);
		final String res = MacroFunctions.cumulativeShifts(resource("shifts_xy.csv"), "", "0", "");
		assertTrue(res.startsWith("error: resolution '0'"), res);
		final String stamp = MacroFunctions.stamp(resource("spec_example.csv"), "1", "use", "perhaps", "", out.toString());
		assertTrue(stamp.contains("unknown boolean 'perhaps'"), stamp);
		assertFalse(Files.exists(out));
	}

	private String resource(final String name) throws IOException {
		final Path p = tmp.resolve(name);
		if (!Files.exists(p)) try (InputStream in = getClass().getResourceAsStream("/commands/" + name)) {
			Files.copy(in, p);
		}
		return p.toString();
	}
}
