package io.github.triage.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Placeholder until its issue lands: replaced by the real demo stage. */
public final class GalvoDemo implements DemoStage {
	@Override
	public String name() {
		return "galvo";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) {
		return "galvo: not built yet";
	}
}
