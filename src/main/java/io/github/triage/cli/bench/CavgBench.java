package io.github.triage.cli.bench;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands: replaced by the real benchmark. */
@Command(name = "cavg", mixinStandardHelpOptions = true, description = "Benchmark of the cavg stage.")
public final class CavgBench implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage bench cavg' is not built yet.");
	}
}
