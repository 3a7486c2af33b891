package io.github.triage.cli;

import io.github.triage.ops.Workers;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --threads N}, the same on every command that works on many slices, tiles or classes
 * ({@code @Mixin ThreadsOption threads}). The results do not depend on it.
 */
public final class ThreadsOption {
	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	private int threads = Workers.defaultThreads();

	@Option(names = "--threads", paramLabel = "N",
			description = "Worker threads (default: the machine's cores); the results are the same with any number.")
	void setThreads(final int n) {
		if (n < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
		threads = n;
	}

	public int count() {
		return threads;
	}
}
