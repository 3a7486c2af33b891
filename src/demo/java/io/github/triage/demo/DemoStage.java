package io.github.triage.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** One stage of {@code triage demo}: makes its own synthetic input under a folder, runs, reports a summary. */
public interface DemoStage {
	/** Short name, also the sub-folder of the demo directory the stage writes into. */
	String name();

	/**
	 * Generates input under {@code dir}, runs the stage on it and writes the outputs there.
	 *
	 * @param log progress lines for the user (stderr)
	 * @return a few lines summarising what was decided, for the demo's summary
	 */
	String run(Path dir, PrintWriter log) throws Exception;
}
