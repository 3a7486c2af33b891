package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.slice.TestFiles;

class SliceConfigCliTest {
	@TempDir
	Path tmp;

	private static String s(final Path p) {
		return p.toString();
	}

	@Test
	void helpListsTheSubcommands() {
		final CliRun r = CliRun.of("slice-config", "--help");
		assertEquals(0, r.exit(), r.toString());
		for (final String c : List.of("generate", "stamp", "merge-fragments", "filter", "force-skip"))
			assertTrue(r.out().contains(c), c + "\n" + r);
	}

	@Test
	void generateFromShiftsWithExclusions() throws IOException {
		final Path shifts = TestFiles.resource("reference/oct/shifts/series_missing_pair/shifts_xy.csv");
		final Path out = tmp.resolve("cfg/slice_config.csv");
		final CliRun r = CliRun.of("slice-config", "generate", "--from-shifts", s(shifts), "--exclude", "12", "17",
				"--exclude", "99", "--exclude-first", "1", "-o", s(out));
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.err().contains("warning") && r.err().contains("99"), r.toString());
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals(List.of("10", "11", "12", "14", "15", "17", "18", "19"), c.ids());
		assertEquals(List.of("11", "14", "15", "18", "19"), c.filterSlicesToUse());
		assertEquals("calibration_slice", c.get("10", SliceColumns.NOTES));
		assertEquals(String.join(",", SliceColumns.CANONICAL), Files.readAllLines(out).get(0));
	}

	@Test
	void generateFromMosaicsAndTiles() throws IOException {
		final Path mosaics = Files.createDirectories(tmp.resolve("mosaics"));
		Files.createDirectories(mosaics.resolve("mosaic_grid_3d_z03.ome.zarr"));
		Files.createDirectories(mosaics.resolve("mosaic_grid_3d_z00.ome.zarr"));
		Files.writeString(mosaics.resolve("slice_z12.tif"), "");
		Files.writeString(mosaics.resolve("slice_z07.txt"), "");
		Files.writeString(mosaics.resolve("shifts_xy.csv"), "");
		final Path out = tmp.resolve("m.csv");
		CliRun r = CliRun.of("slice-config", "generate", "--from-mosaics", s(mosaics), "-o", s(out));
		assertEquals(0, r.exit(), r.toString());
		assertEquals(List.of("00", "03", "12"), SliceConfigFiles.read(out).ids());

		final Path tiles = Files.createDirectories(tmp.resolve("tiles"));
		for (final String d : List.of("slice_z01", "slice_z02", "slice_z104", "other_z05"))
			Files.createDirectories(tiles.resolve(d));
		Files.writeString(tiles.resolve("slice_z09"), "a file, not a tile folder");
		final Path out2 = tmp.resolve("t.csv");
		r = CliRun.of("slice-config", "generate", "--from-tiles", s(tiles), "-o", s(out2));
		assertEquals(0, r.exit(), r.toString());
		// one slice-id rule for every scan: any folder whose name has one z<NN> word is a slice's tile folder
		assertEquals(List.of("01", "02", "05", "104"), SliceConfigFiles.read(out2).ids());

		r = CliRun.of("slice-config", "generate", "--from-tiles", s(mosaics), "-o", s(tmp.resolve("none.csv")));
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains(s(mosaics)), r.toString());
		assertFalse(Files.exists(tmp.resolve("none.csv")));

		r = CliRun.of("slice-config", "generate", "--from-tiles", s(tiles), "--from-mosaics", s(mosaics), "-o", s(out2));
		assertEquals(2, r.exit(), "two sources are refused\n" + r);
	}

	@Test
	void stampSetsColumnsAndAppendsNotes() throws IOException {
		final Path in = TestFiles.resource("slice/spec_example.csv");
		final Path out = tmp.resolve("stamped.csv");
		CliRun r = CliRun.of("slice-config", "stamp", s(in), "-o", s(out), "--slice", "1", "--set", "use=no",
				"--set", "notes=bad cut, re-imaged", "--set", "galvo_confidence=0.500", "--append-notes");
		assertEquals(0, r.exit(), r.toString());
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals(Boolean.FALSE, c.getBoolean("01", SliceColumns.USE));
		assertEquals("bad cut, re-imaged", c.get("01", SliceColumns.NOTES));
		assertEquals("0.500", c.get("01", SliceColumns.GALVO_CONFIDENCE));
		r = CliRun.of("slice-config", "stamp", s(out), "-o", s(out), "--slice", "01", "--slice", "0",
				"--set", "notes=k=v", "--append-notes");
		assertEquals(0, r.exit(), r.toString());
		final SliceConfig c2 = SliceConfigFiles.read(out);
		assertEquals("bad cut, re-imaged; k=v", c2.get("01", SliceColumns.NOTES));
		assertEquals("calibration_slice; k=v", c2.get("00", SliceColumns.NOTES));
		assertEquals(c.ids(), c2.ids());

		// --manual: the note says the use change was made by hand, today
		r = CliRun.of("slice-config", "stamp", s(out), "-o", s(out), "--slice", "2", "--set", "use=false", "--manual");
		assertEquals(0, r.exit(), r.toString());
		assertTrue(SliceConfigFiles.read(out).get("02", SliceColumns.NOTES)
				.endsWith("use=false by hand on " + java.time.LocalDate.now()), SliceConfigFiles.read(out).get("02", "notes"));

		// options may come before IN
		r = CliRun.of("slice-config", "stamp", "--slice", "9", "--set", "notes=new", s(out), "-o", s(out));
		assertEquals(0, r.exit(), r.toString());
		assertEquals(Boolean.FALSE, SliceConfigFiles.read(out).getBoolean("09", SliceColumns.USE));
	}

	@Test
	void badInputExitsTwoAndWritesNothing() throws IOException {
		final Path in = TestFiles.resource("slice/spec_example.csv");
		final Path out = tmp.resolve("out.csv");
		Files.writeString(out, "previous content\n");
		CliRun r = CliRun.of("slice-config", "stamp", s(in), "-o", s(out), "--slice", "1", "--set", "use=perhaps");
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("perhaps") && r.err().contains("'use'"), r.toString());
		assertEquals("previous content\n", Files.readString(out));

		final Path bad = tmp.resolve("bad.csv");
		Files.writeString(bad, "slice_id,use\n1,true\n1,false\n");
		r = CliRun.of("slice-config", "stamp", s(bad), "-o", s(out), "--slice", "1", "--set", "use=true");
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains(s(bad)) && r.err().contains("line 3") && r.err().contains("duplicate"), r.toString());
		assertEquals("previous content\n", Files.readString(out));

		r = CliRun.of("slice-config", "filter", s(tmp.resolve("missing.csv")));
		assertEquals(2, r.exit(), r.toString());
		assertTrue(r.err().contains("missing.csv"), r.toString());

		r = CliRun.of("slice-config", "stamp", s(in), "-o", s(out), "--slice", "1");
		assertEquals(2, r.exit(), "--set is required\n" + r);
		try (var files = Files.list(tmp)) {
			assertEquals(List.of("bad.csv", "out.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(),
					"no stray temporary files");
		}
	}

	@Test
	void filterAndForceSkipPrintIds() {
		final Path in = TestFiles.resource("slice/spec_example.csv");
		CliRun r = CliRun.of("slice-config", "filter", s(in));
		assertEquals(0, r.exit(), r.toString());
		assertEquals("01\n03\n04\n05\n", r.out().replace("\r\n", "\n"));
		r = CliRun.of("slice-config", "force-skip", s(in));
		assertEquals(0, r.exit(), r.toString());
		assertEquals("00\n02\n07\n04\n", r.out().replace("\r\n", "\n"));
	}

	@Test
	void mergeFragments() throws IOException {
		final Path in = TestFiles.resource("slice/spec_example.csv");
		final Path frag = Files.createDirectories(tmp.resolve("interpolate_missing_slice"));
		final String header = "slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n";
		Files.writeString(frag.resolve("slice_z07_manifest.csv"), header + "7,zmorph,zmorph,,false,x\n");
		final Path out = tmp.resolve("final.csv");
		CliRun r = CliRun.of("slice-config", "merge-fragments", s(in), s(frag), "-o", s(out));
		assertEquals(0, r.exit(), r.toString());
		final SliceConfig c = SliceConfigFiles.read(out);
		assertEquals(Boolean.TRUE, c.getBoolean("07", SliceColumns.INTERPOLATED));
		assertEquals(Boolean.FALSE, c.getBoolean("07", SliceColumns.USE));
		assertEquals(7, c.size());

		Files.writeString(frag.resolve("slice_z06_manifest.csv"), header + "6,zmorph,zmorph,,false,x\n");
		r = CliRun.of("slice-config", "merge-fragments", s(in), s(frag), "-o", s(tmp.resolve("y.csv")));
		assertEquals(2, r.exit(), "a fragment for a slice not in the config\n" + r);
		assertTrue(r.err().contains("slice 06") && r.err().contains("slice_z06_manifest.csv"), r.toString());
		assertFalse(Files.exists(tmp.resolve("y.csv")));

		r = CliRun.of("slice-config", "merge-fragments", s(in), s(tmp.resolve("nofolder")), "-o", s(tmp.resolve("x.csv")));
		assertEquals(2, r.exit(), r.toString());
		assertFalse(Files.exists(tmp.resolve("x.csv")));
	}
}
