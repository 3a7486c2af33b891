package io.github.triage.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Placeholder until its issue lands: replaced by the real demo stage. */
public final class QualityDemo implements DemoStage {
	@Override
	public String name() {
		return "quality";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) {
		return "quality: not built yet";
	}
}
