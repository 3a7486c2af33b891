package io.github.triage.cli;

import picocli.CommandLine.Command;

/** Cumulative shifts by slice ID from shifts_xy.csv. Placeholder until issue 2 lands: replaced by the real command. */
@Command(name = "shifts", mixinStandardHelpOptions = true, description = "Cumulative shifts by slice ID from shifts_xy.csv.")
public final class ShiftsCli implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage shifts' is not built yet (issue 2).");
	}
}
