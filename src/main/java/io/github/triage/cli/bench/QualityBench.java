package io.github.triage.cli.bench;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands: replaced by the real benchmark. */
@Command(name = "quality", mixinStandardHelpOptions = true, description = "Benchmark of the quality stage.")
public final class QualityBench implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage bench quality' is not built yet.");
	}
}
