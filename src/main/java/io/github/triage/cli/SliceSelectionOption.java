package io.github.triage.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --slice-config F}: the slices with use=true in F, the same on {@code shifts cumulative} and {@code stack align}. */
final class SliceSelectionOption {
	@Option(names = "--slice-config", paramLabel = "F",
			description = "Only the slices with use=true in F (default: every slice of the input).")
	Path sliceConfig;
}
