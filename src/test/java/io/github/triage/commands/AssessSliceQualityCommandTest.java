package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceConfig;

/** The Fiji command, run headless through CommandService as a macro would. */
class AssessSliceQualityCommandTest {

	@Test
	void runsHeadlessAndReturnsTableAndPlot(@TempDir final Path dir) throws Exception {
		final Path mosaics = io.github.triage.cli.QualityCliTestData.synthetic(dir.resolve("m"), 4, 4, 24, 24);
		final Path out = dir.resolve("slice_config.csv");
		try (Context ctx = new Context(CommandService.class)) {
			final Map<String, Object> in = new HashMap<>();
			in.put("mosaics_dir", mosaics.toFile());
			in.put("output_csv", out.toFile());
			in.put("min_quality", 0.0);
			in.put("use_gpu", "off");
			in.put("existing_config", null);
			final CommandModule m = ctx.service(CommandService.class).run(AssessSliceQualityCommand.class, true, in).get();
			assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
			final ResultsTable t = (ResultsTable) m.getOutput("results");
			assertEquals(4, t.size());
			assertEquals("00", t.getStringValue("slice_id", 0));
			assertEquals("false", t.getStringValue("use", 0));
			assertEquals("calibration_slice", t.getStringValue("notes", 0));
			assertTrue(t.getValue("quality_score", 1) > 0.3, "smooth shared structure scores well");
			assertNotNull((ImagePlus) m.getOutput("plot"));
			final SliceConfig cfg = SliceConfigFiles.read(out);
			assertEquals(4, cfg.size());
			assertTrue(Files.isRegularFile(dir.resolve("slice_config_quality/quality_report.png")));
		}
	}

	@Test
	void anExistingConfigIsUpdatedAsOnTheCommandLine(@TempDir final Path dir) throws Exception {
		final Path mosaics = io.github.triage.cli.QualityCliTestData.synthetic(dir.resolve("m"), 3, 4, 16, 16);
		final Path existing = dir.resolve("old.csv");
		Files.writeString(existing, "slice_id,use,my_column\n01,true,x\n");
		final Path out = dir.resolve("slice_config.csv");
		try (Context ctx = new Context(CommandService.class)) {
			final Map<String, Object> in = new HashMap<>();
			in.put("mosaics_dir", mosaics.toFile());
			in.put("output_csv", out.toFile());
			in.put("use_gpu", "off");
			in.put("existing_config", existing.toFile()); // given: updated even without the checkbox, as the CLI
			final CommandModule m = ctx.service(CommandService.class).run(AssessSliceQualityCommand.class, true, in).get();
			assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
			assertEquals("x", SliceConfigFiles.read(out).get("01", "my_column"));
		}
	}

	@Test
	void badInputCancelsWithTheMessageAndWritesNothing(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("slice_config.csv");
		try (Context ctx = new Context(CommandService.class)) {
			final Map<String, Object> in = new HashMap<>();
			in.put("mosaics_dir", Files.createDirectories(dir.resolve("empty")).toFile());
			in.put("output_csv", out.toFile());
			in.put("use_gpu", "off");
			in.put("existing_config", (File) null);
			final CommandModule m = ctx.service(CommandService.class).run(AssessSliceQualityCommand.class, true, in).get();
			assertTrue(m.isCanceled());
			assertTrue(m.getCancelReason().contains("no slice mosaics"), m.getCancelReason());
			assertFalse(Files.exists(out));
		}
	}
}
