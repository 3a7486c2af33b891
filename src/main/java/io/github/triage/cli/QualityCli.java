package io.github.triage.cli;

import picocli.CommandLine.Command;

/** Slice quality assessment of OCT mosaics. Placeholder until issue 4 lands: replaced by the real command. */
@Command(name = "quality", mixinStandardHelpOptions = true, description = "Slice quality assessment of OCT mosaics.")
public final class QualityCli implements Runnable {
	@Override
	public void run() {
		throw new UnsupportedOperationException("'triage quality' is not built yet (issue 4).");
	}
}
