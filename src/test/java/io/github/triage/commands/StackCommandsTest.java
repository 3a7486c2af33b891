package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** The Stack commands run headless, as a macro would call them. */
class StackCommandsTest {
	private static Context context;

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, LogService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void alignThenAssembleHeadless() throws Exception {
		final Path r = Paths.get(getClass().getResource("/io/github/triage/stack/align").toURI());
		final CommandService commands = context.service(CommandService.class);
		final CommandModule a = commands.run(AlignSlicesFromShiftsCommand.class, true, Map.of("mosaics_dir",
				r.resolve("inputs").toFile(), "shifts_file", r.resolve("shifts_xy.csv").toFile(), "slice_config",
				r.resolve("slice_config.csv").toFile(), "output_dir", tmp.resolve("aligned").toFile())).get();
		assertFalse(a.isCanceled(), a.getCancelReason());
		assertTrue(Files.isDirectory(tmp.resolve("aligned/slice_z07_normalize.ome.zarr")));
		final CommandModule s = commands.run(AssembleVolumeCommand.class, true, Map.of("aligned_dir",
				tmp.resolve("aligned").toFile(), "slice_thickness_mm", 0.01, "output",
				tmp.resolve("v.ome.zarr").toFile())).get();
		assertFalse(s.isCanceled(), s.getCancelReason());
		assertTrue(Files.isDirectory(tmp.resolve("v.ome.zarr")));
		final CommandModule bad = commands.run(AssembleVolumeCommand.class, true, Map.of("aligned_dir",
				tmp.resolve("none").toFile(), "slice_thickness_mm", 0.01, "output", tmp.resolve("w.ome.zarr").toFile())).get();
		assertTrue(bad.isCanceled());
	}
}
