package io.github.triage;

/** Triage's version, from the jar manifest (the Maven build), or "development" when run from classes. */
public final class Version {
	private Version() {
	}

	public static String current() {
		final String v = Version.class.getPackage().getImplementationVersion();
		return v != null ? v : "development";
	}
}
