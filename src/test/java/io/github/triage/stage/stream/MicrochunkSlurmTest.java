package io.github.triage.stage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cavg.Tier;

/**
 * The slurm scheduler against fake {@code sbatch}/{@code squeue}/{@code sacct} on PATH: sbatch runs the job script
 * at once (except the very first job, which it drops: a vanished job, retried once), squeue and sacct know no
 * job. The stream runs in a child JVM (the fakes must be on its PATH).
 */
class MicrochunkSlurmTest {
	@TempDir
	Path tmp;

	@Test
	void slurmJobsRunThroughSbatchAndAVanishedJobIsRetried() throws Exception {
		final Path bin = Files.createDirectories(tmp.resolve("bin"));
		final Path state = Files.createDirectories(tmp.resolve("slurm"));
		script(bin.resolve("sbatch"), """
				#!/bin/sh
				for a; do s="$a"; done
				n=$(cat "$FAKE_SLURM/next" 2>/dev/null || echo 100)
				echo $((n + 1)) > "$FAKE_SLURM/next"
				echo "$n $s" >> "$FAKE_SLURM/submitted"
				grep -q -- '--cpus-per-task=3' "$s" || echo "no cpus in $s" >> "$FAKE_SLURM/errors"
				grep -q -- '--partition=gpu' "$s" || echo "no partition in $s" >> "$FAKE_SLURM/errors"
				if [ "$n" != 100 ]; then sh "$s" > /dev/null 2>&1; fi
				echo "$n;cluster"
				""");
		script(bin.resolve("squeue"), "#!/bin/sh\nexit 0\n");
		script(bin.resolve("sacct"), "#!/bin/sh\nexit 0\n");
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 16, 25, 4);
		final Path project = tmp.resolve("project");
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		final ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp,
				"io.github.triage.cli.TriageCli", "microchunk", "run", project.toString(), "--import",
				imports.resolve("*.star").toString(), "--mskdiam", "50", "--classifier", "simulate", "--scheduler",
				"slurm", "--threads", "3", "--partition", "gpu", "--mem", "4G", "--time", "01:00:00",
				"--pass1-particles", "100", "--pass2-particles", "150", "--ref-particles", "200", "--classes", "10",
				"--last-import-timeout", "0s", "--poll", "5ms", "--use-gpu", "off").redirectErrorStream(true);
		pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
		pb.environment().put("FAKE_SLURM", state.toString());
		final Process p = pb.start();
		final String log = new String(p.getInputStream().readAllBytes());
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), log);
		assertFalse(Files.exists(state.resolve("errors")), () -> read(state.resolve("errors")));
		final Path first = MicrochunkStage.chunkDir(project, Tier.P1, 1);
		final List<String> jobs = Files.readAllLines(first.resolve(SlurmJobRunner.JOBS));
		assertEquals(2, jobs.size(), "vanished, retried once: " + jobs);
		assertEquals("100", jobs.get(0));
		assertTrue(log.contains("ended without an exit status; retrying"), log);
		assertTrue(Files.readString(first.resolve(SlurmJobRunner.SCRIPT)).contains("#SBATCH --mem=4G"));
		assertTrue(Files.exists(MicrochunkStage.combined(project)), log);
	}

	private static void script(final Path f, final String text) throws Exception {
		Files.writeString(f, text);
		Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static String read(final Path f) {
		try {
			return Files.readString(f);
		}
		catch (final Exception e) {
			return "";
		}
	}
}
