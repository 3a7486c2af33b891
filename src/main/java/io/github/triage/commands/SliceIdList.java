package io.github.triage.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.github.triage.slice.SliceConfig;

/** Slice ids typed by a person or a macro: "1 2 7", "01,02;7", "[3, 4]" → normalised ids ("01", "02", "07"). */
public final class SliceIdList {

	private SliceIdList() {}

	/**
	 * @throws IllegalArgumentException naming the word that is not a slice id
	 */
	public static List<String> parse(final String text) {
		final LinkedHashSet<String> ids = new LinkedHashSet<>();
		if (text == null) return new ArrayList<>();
		for (final String word : text.replace('[', ' ').replace(']', ' ').split("[,;\\s]+")) {
			if (word.isEmpty()) continue;
			try {
				ids.add(SliceConfig.normalizeId(word));
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("slice list '" + text.strip() + "': " + e.getMessage());
			}
		}
		return new ArrayList<>(ids);
	}
}
