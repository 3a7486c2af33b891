package io.github.triage.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (the Maven build), or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
	@Override
	public String[] getVersion() {
		final String v = TriageCli.class.getPackage().getImplementationVersion();
		return new String[] { "triage " + (v != null ? v : "development") };
	}
}
