package io.github.triage.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Placeholder until its issue lands: replaced by the real demo stage. */
public final class SliceConfigDemo implements DemoStage {
	@Override
	public String name() {
		return "slice-config";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) {
		return "slice-config: not built yet";
	}
}
