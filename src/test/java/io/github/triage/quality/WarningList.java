package io.github.triage.quality;

import java.util.ArrayList;

import io.github.triage.Listener;

/** A listener for tests that keeps every warning (and information line) it hears, in order. */
public final class WarningList extends ArrayList<String> implements Listener {
	private static final long serialVersionUID = 1L;
	public final java.util.List<String> infos = new ArrayList<>();

	@Override
	public void warning(final String message) {
		add(message);
	}

	@Override
	public void info(final String message) {
		infos.add(message);
	}
}
