package io.github.triage.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The slice_config a subcommand reads (positional IN) and the one it writes ({@code -o, --output}; may be IN). */
final class ConfigInOut {
	@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
	Path input;

	@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true,
			description = "slice_config.csv to write (may be IN; written atomically).")
	Path output;
}
