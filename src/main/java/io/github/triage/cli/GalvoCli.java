package io.github.triage.cli;

import picocli.CommandLine.Command;

/** Galvo-return shift detection and fix. Placeholder until issue 3 lands: replaced by the real command. */
@Command(name = "galvo", mixinStandardHelpOptions = true, description = "Galvo-return shift detection and fix.")
public final class GalvoCli implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage galvo' is not built yet (issue 3).");
	}
}
