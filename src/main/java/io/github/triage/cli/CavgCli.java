package io.github.triage.cli;

import picocli.CommandLine.Command;

/** Cryo-EM class-average rejection. Placeholder until issue 5 lands: replaced by the real command. */
@Command(name = "cavg", mixinStandardHelpOptions = true, description = "Cryo-EM class-average rejection.")
public final class CavgCli implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage cavg' is not built yet (issue 5).");
	}
}
