package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** The Stack commands run headless, as a macro would call them. */
class StackCommandsTest extends HeadlessCommands {

	@TempDir
	Path tmp;

	@Test
	void alignThenAssembleHeadless() throws Exception {
		final Path r = Paths.get(getClass().getResource("/io/github/triage/stack/align").toURI());
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
