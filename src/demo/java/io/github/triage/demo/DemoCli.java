package io.github.triage.demo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The main job on generated data: every stage that exists, outputs under DIR, a summary on stdout. */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = "Generate a small synthetic dataset and run every Triage stage on it.%n"
				+ "Outputs go to the output folder, one folder per stage, and its summary.txt.")
public final class DemoCli implements Callable<Integer> {
	/** Where the OCT run's report lands under the output folder. */
	static final String OCT_REPORT = "oct-run/run/" + io.github.triage.stage.oct.OctRunStage.REPORT;

	@Option(names = { "-o", "--output" }, paramLabel = "DIR", description = "Output folder.")
	Path dir = Path.of("triage-demo");

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		Files.createDirectories(dir);
		final PrintWriter out = spec.commandLine().getOut();
		final PrintWriter err = spec.commandLine().getErr();
		final StringBuilder summary = new StringBuilder("Triage demo in " + dir.toAbsolutePath() + "\n");
		for (final DemoStage stage : DemoStages.all()) {
			err.println("== " + stage.name());
			err.flush();
			final Path sub = dir.resolve(stage.name());
			Files.createDirectories(sub);
			summary.append("\n[").append(stage.name()).append("] ").append(sub).append('\n')
					.append(stage.run(sub, err).strip()).append('\n');
		}
		summary.append("\nThe OCT report: ").append(dir.resolve(OCT_REPORT).toAbsolutePath())
				.append("\nRun the same on your own data: triage oct run MOSAICS_DIR -o OUT_DIR (see triage oct run --help)\n");
		Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
		out.print(summary);
		out.flush();
		return 0;
	}
}
