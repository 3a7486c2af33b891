package io.github.triage.workflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs workflows/nextflow (installed by workflows/install-nextflow.sh, which bin/test runs) on workflows/triage.nf.
 * Without it the workflow tests are skipped with a message saying how to install it.
 */
final class Nextflow {
	/** One run: its exit status, everything it printed, and the trace rows (column → value). */
	record Run(int exit, String output, List<Map<String, String>> trace) {
		List<Map<String, String>> rows(final String process) {
			return trace.stream().filter(r -> r.get("process").equals(process)).toList();
		}
	}

	private final Path root = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();

	Nextflow() {
		final Path launcher = launcher();
		Assumptions.assumeTrue(Files.isExecutable(launcher) && Files.isRegularFile(
				root.resolve("workflows/.nextflow-lib/.complete")), "Nextflow is not installed (" + launcher
						+ " missing): run workflows/install-nextflow.sh (bin/test does); the workflow tests are SKIPPED");
		assertTrue(Files.isDirectory(root.resolve("target/lib")), "run the *IT tests after `mvn package`");
	}

	Path launcher() {
		return root.resolve("workflows/nextflow");
	}

	Path script() {
		return root.resolve("workflows/triage.nf");
	}

	/**
	 * Runs {@code nextflow run triage.nf ARGS} in {@code launchDir} (its .nextflow cache and work/ go there), with
	 * {@code path} put first on PATH when given; the trace is read from {@code output/pipeline_info/trace.txt}.
	 */
	Run run(final Path launchDir, final Path output, final Path path, final String... args)
			throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>(List.of(launcher().toString(), "-q", "run", script().toString(),
				"--output", output.toString()));
		cmd.addAll(List.of(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).directory(launchDir.toFile()).redirectErrorStream(true);
		final Path log = Files.createTempFile(launchDir, "nextflow-", ".out");
		pb.redirectOutput(log.toFile());
		pb.environment().put("NXF_ANSI_LOG", "false");
		if (path != null) pb.environment().put("PATH", path + ":" + System.getenv("PATH"));
		final Process p = pb.start();
		if (!p.waitFor(10, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("nextflow did not finish in 10 minutes: " + Files.readString(log));
		}
		final String out = Files.readString(log, StandardCharsets.UTF_8);
		System.out.println("---- nextflow " + String.join(" ", args) + "\n" + out);
		return new Run(p.exitValue(), out, trace(output.resolve("pipeline_info/trace.txt")));
	}

	private static List<Map<String, String>> trace(final Path file) throws IOException {
		final List<Map<String, String>> rows = new ArrayList<>();
		if (!Files.isRegularFile(file)) return rows;
		final List<String> lines = Files.readAllLines(file);
		final String[] header = lines.get(0).split("\t");
		for (final String line : lines.subList(1, lines.size())) {
			final String[] cells = line.split("\t", -1);
			final Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
			rows.add(row);
		}
		return rows;
	}
}
