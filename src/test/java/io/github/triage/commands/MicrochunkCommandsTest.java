package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.triage.demo.SyntheticParticleStars;

/** The microchunk commands run headless through SciJava on a simulated stream, as a macro or script would. */
class MicrochunkCommandsTest extends HeadlessCommands {

	@TempDir
	Path tmp;

	private Map<String, Object> params(final Path project, final Path imports, final String timeout) {
		final Map<String, Object> m = new HashMap<>();
		m.put("project", project.toFile());
		m.put("import_glob", imports.resolve("*.star").toString());
		m.put("mskdiam", 50.0);
		m.put("classifier", "simulate");
		m.put("pass1_particles", 100);
		m.put("pass2_particles", 150);
		m.put("ref_particles", 300);
		m.put("classes", 10);
		m.put("last_import_timeout", timeout);
		m.put("poll", "5ms");
		m.put("use_gpu", "off");
		return m;
	}

	@Test
	void streamToTheFinishedStateThenTheStatusTableAndTheLatestSheet() throws Exception {
		final Path imports = tmp.resolve("imports"), project = tmp.resolve("project");
		SyntheticParticleStars.write(imports, 40, 25, 4);
		final CommandModule run = commands.run(MicrochunkStreamCommand.class, true, params(project, imports, "0s")).get();
		assertFalse(run.isCanceled(), run.getCancelReason());
		final String summary = (String) run.getOutput("summary");
		assertTrue(summary.startsWith("finished;"), summary);
		assertTrue(Files.exists(project.resolve("microchunks_match_combined.star")));

		final CommandModule st = commands.run(MicrochunkStatusCommand.class, true, Map.of("project", project.toFile())).get();
		assertFalse(st.isCanceled(), st.getCancelReason());
		final ResultsTable t = (ResultsTable) st.getOutput("status_table");
		final long chunks = Files.readAllLines(project.resolve("status.csv")).size() - 1;
		assertEquals(chunks, t.size());
		assertEquals("p1_001", t.getStringValue("chunk", 0));
		assertEquals("complete", t.getStringValue("state", 0));
		assertTrue(t.getValue("particles", 0) > 100, "particles of p1_001: " + t.getValue("particles", 0));
		final ImagePlus sheet = (ImagePlus) st.getOutput("contact_sheet");
		assertNotNull(sheet, "the latest match chunk's contact sheet");
		assertTrue(sheet.getTitle().startsWith("match_"), sheet.getTitle());
		assertTrue(sheet.getWidth() > 100 && sheet.getHeight() > 100);
	}

	@Test
	void cancelStopsTheStreamBetweenSteps() throws Exception {
		final Path imports = tmp.resolve("imports"), project = tmp.resolve("project");
		SyntheticParticleStars.write(imports, 4, 30, 0);
		final ModuleService modules = context.service(ModuleService.class);
		final Module m = modules.createModule(commands.getCommand(MicrochunkStreamCommand.class));
		// an hour's last-import timeout: the stream waits for imports until cancelled
		final Future<Module> f = modules.run(m, true, params(project, imports, "1h"));
		final long until = System.currentTimeMillis() + 60_000;
		while (!Files.exists(project.resolve("status.csv")) && System.currentTimeMillis() < until)
			Thread.sleep(20);
		((CommandModule) m).cancel("test");
		f.get(60, TimeUnit.SECONDS);
		final String summary = (String) m.getOutput("summary");
		assertTrue(summary != null && summary.startsWith("cancelled"), String.valueOf(summary));
	}

	@Test
	void noStatusIsACleanFailure() throws Exception {
		final CommandModule st = commands.run(MicrochunkStatusCommand.class, true, Map.of("project", tmp.toFile())).get();
		assertTrue(st.isCanceled());
		assertTrue(st.getCancelReason().contains("no status.csv"), st.getCancelReason());
	}
}
