package io.github.triage.slice;

import java.util.ArrayList;
import java.util.List;

import io.github.triage.Listener;

/** A listener that keeps the warnings (and the information lines), for tests to assert on. */
public final class Warnings implements Listener {
	public final List<String> list = new ArrayList<>();
	public final List<String> info = new ArrayList<>();

	@Override
	public void warning(final String message) {
		list.add(message);
	}

	@Override
	public void info(final String message) {
		info.add(message);
	}
}
