package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

import io.github.triage.demo.SyntheticOct;

/** Run OCT pipeline runs headless, as a macro would call it; a bad input cancels it. */
class OctCommandsTest extends HeadlessCommands {

	@TempDir
	Path tmp;

	@Test
	void runsHeadlessAndCancelsOnBadInput() throws Exception {
		final SyntheticOct.Inputs in = SyntheticOct.write(tmp.resolve("input"));
		final CommandModule m = commands.run(RunOctPipelineCommand.class, true, Map.of("mosaics_dir",
				in.mosaics().toFile(), "output_dir", tmp.resolve("run").toFile(), "use_gpu", "off")).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(Files.isRegularFile(tmp.resolve("run/slice_config_final.csv")));
		assertTrue(Files.isRegularFile(tmp.resolve("run/report.html")));
		final CommandModule bad = commands.run(RunOctPipelineCommand.class, true, Map.of("mosaics_dir",
				in.mosaics().toFile(), "output_dir", tmp.resolve("run2").toFile(), "shifts_file", in.shifts().toFile(),
				"use_gpu", "off")).get();
		assertTrue(bad.isCanceled());
		assertTrue(bad.getCancelReason().contains("tile field of view"), bad.getCancelReason());
	}
}
