package io.github.triage.bench;

import picocli.CommandLine.Command;

/**
 * Speed measurements that print throughput and the ratio against a baseline measured in the same run (so the
 * figures mean something on any machine). Not part of the tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Benchmarks: throughput and ratio to a baseline measured in the same run.",
		subcommands = { GalvoBench.class, QualityBench.class, CavgBench.class, MicrochunkBench.class,
				ThreadsBench.class, AlignBench.class, StartupBench.class })
public final class BenchCli implements Runnable {
	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}
}
