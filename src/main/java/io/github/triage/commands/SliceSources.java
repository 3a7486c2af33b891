package io.github.triage.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.triage.slice.ShiftsTable;

/** The slice ids a new slice_config lists, from the inputs the faces accept. */
public final class SliceSources {

	private SliceSources() {}

	public static List<String> fromShifts(final Path shifts) throws IOException {
		return ShiftsTable.read(shifts).ids().stream().map(i -> Integer.toString(i)).toList();
	}

	public static List<String> fromMosaics(final Path dir) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}
}
