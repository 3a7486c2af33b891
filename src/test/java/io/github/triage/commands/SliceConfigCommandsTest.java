package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;

/** The slice_config SciJava commands, run headless through CommandService as a macro or headless Fiji would. */
class SliceConfigCommandsTest {

	private static final String HEADER = "slice_id,use,quality_score,galvo_confidence,galvo_fix,rehomed,"
		+ "rehoming_reliable,auto_excluded,auto_exclude_reason,interpolated,interpolation_failed,"
		+ "interpolation_method_used,interpolation_fallback_reason,notes";

	private static Context context;
	private static CommandService commands;
	private static final List<String> warnings = new ArrayList<>();

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, LogService.class);
		commands = context.service(CommandService.class);
		context.service(LogService.class).addLogListener(m -> {
			if (m.level() == LogLevel.WARN) warnings.add(m.text());
		});
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	// ------------------------------------------------------------------------------------------- generate

	@Test
	void generateFromShiftsMarksCalibrationAndExcludedSlices() throws Exception {
		final Path out = tmp.resolve("sub/slice_config.csv");
		final CommandModule m = run(GenerateSliceConfigCommand.class, "shifts_file", resource("shifts_xy.csv").toFile(),
			"exclude", "1", "exclude_first", 1, "output_file", out.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(List.of(HEADER, "00,false,,,,,,,,,,,,calibration_slice", "01,false,,,,,,,,,,,,excluded",
			"02,true,,,,,,,,,,,,", "03,true,,,,,,,,,,,,", "04,true,,,,,,,,,,,,", "05,true,,,,,,,,,,,,"),
			Files.readAllLines(out));
	}

	@Test
	void generateFromMosaicsUsesTheZIdsOfTheFolder() throws Exception {
		final Path mosaics = Files.createDirectories(tmp.resolve("mosaics"));
		for (final String name : List.of("mosaic_grid_3d_z10.ome.zarr", "mosaic_grid_3d_z03.ome.zarr",
			"mosaic_grid_3d_z05.ome.zarr")) Files.createDirectories(mosaics.resolve(name));
		Files.writeString(mosaics.resolve("notes_z99.txt"), "not a mosaic");
		final Path out = tmp.resolve("slice_config.csv");
		warnings.clear();
		final CommandModule m = run(GenerateSliceConfigCommand.class, "mosaics_dir", mosaics.toFile(), "exclude",
			"5, 7", "exclude_first", 0, "output_file", out.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(List.of(HEADER, "03,true,,,,,,,,,,,,", "05,false,,,,,,,,,,,,excluded", "10,true,,,,,,,,,,,,"),
			Files.readAllLines(out));
		assertTrue(warnings.stream().anyMatch(w -> w.contains("07") && w.contains("no such slice")), warnings.toString());
	}

	@Test
	void generateNeedsExactlyOneSourceAndWritesNothingOtherwise() throws Exception {
		final Path out = tmp.resolve("slice_config.csv");
		final CommandModule both = run(GenerateSliceConfigCommand.class, "shifts_file",
			resource("shifts_xy.csv").toFile(), "mosaics_dir", tmp.toFile(), "output_file", out.toFile());
		assertTrue(both.isCanceled());
		assertTrue(both.getCancelReason().contains("either a shifts file or a mosaics folder"), both.getCancelReason());
		final CommandModule none = run(GenerateSliceConfigCommand.class, "output_file", out.toFile());
		assertTrue(none.isCanceled());
		final CommandModule missing = run(GenerateSliceConfigCommand.class, "shifts_file",
			tmp.resolve("nope.csv").toFile(), "output_file", out.toFile());
		assertTrue(missing.isCanceled());
		assertTrue(missing.getCancelReason().contains("nope.csv"), missing.getCancelReason());
		assertFalse(Files.exists(out));
	}

	// --------------------------------------------------------------------------------------------- review

	@Test
	void reviewSetsUseAndAppendsNotesOfListedSlicesOnly() throws Exception {
		final Path in = resource("spec_example.csv");
		final List<String> before = Files.readAllLines(in);
		final Path out = tmp.resolve("reviewed.csv");
		final CommandModule m = run(ReviewSliceConfigCommand.class, "config_file", in.toFile(), "slices", "3 05",
			"use", "false", "notes", "checked by eye", "append_notes", true, "output_file", out.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<String> expected = new ArrayList<>(before);
		expected.set(5, "03,false,0.756,0.512,false,true,true,false,,false,false,,,"
			+ "rehomed after tile-column expansion; checked by eye");
		expected.set(7, "05,false,0.834,0.923,true,false,,false,,false,false,,,checked by eye");
		assertEquals(expected, Files.readAllLines(out));
		assertEquals(before, Files.readAllLines(in), "input changed although output_file was given");
	}

	@Test
	void reviewWithoutOutputSavesInPlaceAndCanReplaceNotes() throws Exception {
		final Path in = copy("spec_example.csv");
		final CommandModule m = run(ReviewSliceConfigCommand.class, "config_file", in.toFile(), "slices", "0",
			"use", "unchanged", "notes", "thick calibration slice", "append_notes", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals("00,false,0.000,0.234,false,false,,false,,false,false,,,thick calibration slice",
			Files.readAllLines(in).get(1));
	}

	@Test
	void reviewWithoutEditsWritesNothing() throws Exception {
		final Path in = copy("spec_example.csv");
		final byte[] before = Files.readAllBytes(in);
		final long modified = Files.getLastModifiedTime(in).toMillis();
		final CommandModule m = run(ReviewSliceConfigCommand.class, "config_file", in.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertArrayEquals(before, Files.readAllBytes(in));
		assertEquals(modified, Files.getLastModifiedTime(in).toMillis());
	}

	@Test
	void reviewOfAnUnknownSliceFailsAndLeavesTheFile() throws Exception {
		final Path in = copy("spec_example.csv");
		final byte[] before = Files.readAllBytes(in);
		final CommandModule m = run(ReviewSliceConfigCommand.class, "config_file", in.toFile(), "slices", "3 9",
			"use", "false");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("slice 09 is not in the config"), m.getCancelReason());
		assertArrayEquals(before, Files.readAllBytes(in), "slice 03 was saved although 09 failed");
	}

	@Test
	void reviewOfABadFileNamesFileLineAndColumn() throws Exception {
		final Path in = copy("bad_boolean.csv");
		final CommandModule m = run(ReviewSliceConfigCommand.class, "config_file", in.toFile(), "slices", "1",
			"use", "false");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains(in.toString()) && m.getCancelReason().contains("line 3")
			&& m.getCancelReason().contains("'use'"), m.getCancelReason());
	}

	@Test
	void reviewFromATableNeedsAnOpenTable() throws Exception {
		final CommandModule m = run(ReviewSliceConfigCommand.class, "config_file", copy("spec_example.csv").toFile(),
			"from_table", "no such table");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no open table named 'no such table'"), m.getCancelReason());
	}

	// ---------------------------------------------------------------------------------------------- stamp

	@Test
	void stampSetsOneColumnAndAddsUnknownSlicesUnused() throws Exception {
		final Path in = resource("spec_example.csv");
		final Path out = tmp.resolve("stamped.csv");
		final CommandModule m = run(StampSliceConfigCommand.class, "config_file", in.toFile(), "slices", "1 4 9",
			"column", "rehomed", "value", "Yes", "output_file", out.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<String> lines = Files.readAllLines(out);
		assertTrue(lines.contains("01,true,0.812,0.891,true,true,,false,,false,false,,,"), lines.toString());
		assertTrue(lines.contains("04,true,0.744,0.189,false,true,,true,noisy cluster (3 consecutive),false,false,,,"),
			lines.toString());
		assertTrue(lines.contains("09,false,,,,true,,,,,,,,"), lines.toString());
		assertEquals(9, lines.size());
	}

	@Test
	void stampRejectsABadBooleanAndWritesNothing() throws Exception {
		final Path out = tmp.resolve("stamped.csv");
		final CommandModule m = run(StampSliceConfigCommand.class, "config_file", resource("spec_example.csv").toFile(),
			"slices", "1", "column", "use", "value", "perhaps", "output_file", out.toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("perhaps") && m.getCancelReason().contains("slice 01"),
			m.getCancelReason());
		assertFalse(Files.exists(out));
	}

	// ------------------------------------------------------------------------------------------------------

	private static CommandModule run(final Class<? extends Command> command, final Object... keyValues)
		throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return commands.run(command, true, inputs).get();
	}

	private Path resource(final String name) throws IOException {
		final Path p = tmp.resolve("res").resolve(name);
		if (!Files.exists(p)) {
			Files.createDirectories(p.getParent());
			try (InputStream in = getClass().getResourceAsStream("/commands/" + name)) {
				Files.copy(in, p);
			}
		}
		return p;
	}

	private Path copy(final String name) throws IOException {
		return Files.copy(resource(name), tmp.resolve(name));
	}
}
