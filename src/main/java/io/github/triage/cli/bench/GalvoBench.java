package io.github.triage.cli.bench;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands: replaced by the real benchmark. */
@Command(name = "galvo", mixinStandardHelpOptions = true, description = "Benchmark of the galvo stage.")
public final class GalvoBench implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage bench galvo' is not built yet.");
	}
}
