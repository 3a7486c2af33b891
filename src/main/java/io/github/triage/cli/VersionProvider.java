package io.github.triage.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (the Maven build), or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
	@Override
	public String[] getVersion() {
		return new String[] { "triage " + io.github.triage.Version.current() };
	}
}
