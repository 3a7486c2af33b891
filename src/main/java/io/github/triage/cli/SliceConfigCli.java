package io.github.triage.cli;

import picocli.CommandLine.Command;

/** Create, stamp, merge and filter slice_config.csv. Placeholder until issue 2 lands: replaced by the real command. */
@Command(name = "slice-config", mixinStandardHelpOptions = true, description = "Create, stamp, merge and filter slice_config.csv.")
public final class SliceConfigCli implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage slice-config' is not built yet (issue 2).");
	}
}
