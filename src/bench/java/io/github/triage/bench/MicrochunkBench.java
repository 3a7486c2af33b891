package io.github.triage.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.demo.SyntheticParticleStars;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.stage.stream.MicrochunkStage;
import io.github.triage.stage.stream.SimulatedClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Orchestration overhead of the microchunk stream per pass-1 chunk: the time from the imports to the chunk's
 * REJECTION_FINISHED (import, composition, output checks, class table, rejection with its cleanup outputs, status)
 * minus the simulated classifier's own time on the same input, measured in the same run.
 */
@Command(name = "microchunk", mixinStandardHelpOptions = true,
		description = "Benchmark of the microchunk stream: orchestration seconds per chunk besides the classifier.")
public final class MicrochunkBench implements Callable<Integer> {
	@Option(names = "--particles", defaultValue = "5000", description = "Particles in the chunk (default ${DEFAULT-VALUE}).")
	int particles;

	@Option(names = "--classes", defaultValue = "100", description = "Classes (default ${DEFAULT-VALUE}).")
	int classes;

	@Option(names = "--reps", defaultValue = "3", description = "Measured chunks (default ${DEFAULT-VALUE}).")
	int reps;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		final PrintWriter out = spec.commandLine().getOut();
		out.println("# triage bench microchunk: one pass-1 chunk of " + particles + " particles, " + classes
				+ " classes, simulated classifier, CPU rejector");
		// CPU seconds of the whole process (JIT and GC included) beside wall seconds: on a shared machine the wall
		// time says more about the other jobs than about the stream
		out.println("rep,total_s,classifier_s,overhead_s,overhead_per_classifier,overhead_cpu_s");
		for (int r = 0; r <= reps; r++) {
			final Path tmp = Files.createTempDirectory("triage-bench-microchunk");
			try {
				final int perMic = 100, mics = particles / perMic + 1;
				SyntheticParticleStars.write(tmp.resolve("in"), mics, perMic, 0);
				final Path project = tmp.resolve("project");
				final MicrochunkStage.Options o = MicrochunkStage.Options
						.defaults(project, tmp.resolve("in").resolve("*.star").toString(), 50).withClassifier("simulate")
						.withCaps(particles, Integer.MAX_VALUE, Integer.MAX_VALUE, classes)
						.withTiming(Duration.ofHours(1), Duration.ofMillis(1), true);
				final Path chunk = MicrochunkStage.chunkDir(project, Tier.P1, 1);
				final long t0 = System.nanoTime(), c0 = cpuNanos();
				while (!Files.exists(chunk.resolve("REJECTION_FINISHED")))
					new MicrochunkStage().run(o, new CpuImageOps(), Listener.NONE);
				final double total = (System.nanoTime() - t0) / 1e9, totalCpu = (cpuNanos() - c0) / 1e9;
				final long t1 = System.nanoTime(), c1 = cpuNanos();
				SimulatedClassifier.run(chunk.resolve("particles.star"), tmp.resolve("sim"), classes, null, Double.NaN);
				final double sim = (System.nanoTime() - t1) / 1e9, simCpu = (cpuNanos() - c1) / 1e9;
				if (r > 0) // the first is warm-up
					out.printf(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.2f,%.3f%n", r, total, sim, total - sim, (total - sim) / sim,
							totalCpu - simCpu);
				out.flush();
			}
			finally {
				try (Stream<Path> s = Files.walk(tmp)) {
					s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
			}
		}
		return 0;
	}

	private static long cpuNanos() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}
}
