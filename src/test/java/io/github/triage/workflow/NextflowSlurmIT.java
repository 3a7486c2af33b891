package io.github.triage.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.demo.WorkflowSeries;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/**
 * The slurm profile: -preview, then a run through fake sbatch / squeue / scancel that run each job script at once,
 * checking the #SBATCH headers carry the resources given per label; one slice's task fails and
 * --allow_failed_slices turns it into an excluded slice with the reason in the final config and the report.
 */
@Tag("slow")
class NextflowSlurmIT {
	@TempDir
	Path dir;

	@Test
	void jobHeadersCarryTheResourcesAndAFailedSliceIsExcludedWithItsReason() throws Exception {
		final Nextflow nf = new Nextflow();
		final WorkflowSeries.Inputs in = WorkflowSeries.write(dir.resolve("in"), 3);
		// a value starting with -- cannot follow --slurm_options on the command line: a params file carries it
		Files.writeString(dir.resolve("params.json"), "{\"slurm_options\": \"--account=lab42\"}\n");
		WorkflowSeries.breakTiles(in, 1);
		final Path out = dir.resolve("out");
		final String[] args = { "-profile", "slurm", "--mosaics", in.mosaics().toString(), "--tiles",
				in.tiles().toString(), "--n_extra", String.valueOf(WorkflowSeries.N_EXTRA), "--use_gpu", "off",
				"--slurm_queue", "testq", "-params-file", params(), "--per_slice_cpus", "3",
				"--per_slice_memory", "3 GB", "--per_slice_time", "1h", "--light_memory", "1 GB", "--light_time", "10m" };

		final Nextflow.Run preview = nf.run(dir, out, null, NextflowWorkflowIT.concat(args, "-preview"));
		assertEquals(0, preview.exit(), preview.output());
		assertFalse(Files.exists(dir.resolve("work")) && hasJobScripts(dir.resolve("work")), "-preview ran tasks");

		final Path bin = Files.createDirectories(dir.resolve("fake-slurm"));
		// sbatch runs the job script in its folder at once and reports a job id; the queue is then always empty,
		// so Nextflow reads the exit status the script left
		NextflowWorkflowIT.writeScript(bin.resolve("sbatch"), "#!/usr/bin/env bash\n"
				+ "bash \"${@: -1}\" >/dev/null 2>&1 || true\necho \"Submitted batch job $$\"\n");
		NextflowWorkflowIT.writeScript(bin.resolve("squeue"), "#!/usr/bin/env bash\nexit 0\n");
		NextflowWorkflowIT.writeScript(bin.resolve("scancel"), "#!/usr/bin/env bash\nexit 0\n");
		final Path fast = dir.resolve("fast.config");
		Files.writeString(fast, "executor {\n  pollInterval = '500ms'\n  queueStatInterval = '1s'\n}\n");
		final Nextflow.Run run = nf.run(dir, out, bin, NextflowWorkflowIT.concat(args, "--allow_failed_slices",
				"--max_retries", "0", "-c", fast.toString()));
		assertEquals(0, run.exit(), run.output());

		final List<Path> scripts = jobScripts(dir.resolve("work"));
		assertFalse(scripts.isEmpty());
		int perSlice = 0, light = 0;
		for (final Path s : scripts) {
			final List<String> headers = Files.readAllLines(s).stream().filter(l -> l.startsWith("#SBATCH")).toList();
			final String name = headers.stream().filter(h -> h.startsWith("#SBATCH -J")).findFirst().orElseThrow();
			assertTrue(headers.contains("#SBATCH -p testq"), s + ": " + headers);
			assertTrue(headers.contains("#SBATCH --account=lab42"), s + ": " + headers);
			if (name.contains("GALVO_SLICE") || name.contains("QUALITY_SLICE")) {
				perSlice++;
				assertTrue(headers.containsAll(List.of("#SBATCH -c 3", "#SBATCH --mem 3072M", "#SBATCH -t 01:00:00")),
						s + ": " + headers);
			}
			else {
				light++;
				assertTrue(headers.containsAll(List.of("#SBATCH --mem 1024M", "#SBATCH -t 00:10:00")), s + ": " + headers);
				assertTrue(headers.stream().noneMatch(h -> h.startsWith("#SBATCH -c")), s + ": " + headers);
			}
		}
		assertEquals(6, perSlice, "3 galvo + 3 quality jobs");
		assertTrue(light >= 4, "generate, merge, consolidate, finalise, report: " + light);

		final SliceConfig fin = SliceConfigFiles.read(out.resolve("slice_config_final.csv"));
		assertEquals(Boolean.FALSE, fin.getBoolean("01", SliceColumns.USE));
		final String note = fin.get("01", SliceColumns.NOTES);
		assertTrue(note.startsWith("task_failed: galvo detection failed") && note.contains("TIFF"), note);
		assertEquals(Boolean.TRUE, fin.getBoolean("02", SliceColumns.USE));
		assertTrue(Files.readString(out.resolve("report.html")).contains("task_failed: galvo detection failed"));
	}

	private String params() {
		return dir.resolve("params.json").toString();
	}

	private static boolean hasJobScripts(final Path work) throws Exception {
		return !jobScripts(work).isEmpty();
	}

	private static List<Path> jobScripts(final Path work) throws Exception {
		if (!Files.isDirectory(work)) return List.of();
		try (Stream<Path> s = Files.walk(work)) {
			return new ArrayList<>(s.filter(p -> p.getFileName().toString().equals(".command.run")).toList());
		}
	}
}
