package io.github.triage.cavg.stream;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triage.cavg.Tier;

/**
 * A chunk's name: its tier and its 1-based number within the tier, as the folder {@code <tier>_<NNN>}
 * ({@code p1_001}, {@code ref_001}, {@code match_012}).
 */
public record ChunkId(Tier tier, int index) implements Comparable<ChunkId> {
	private static final Pattern NAME = Pattern.compile("(p1|p2|ref|match)_(\\d{3,})");

	/** Submission priority: reference > match > pass-2 > pass-1, then lower numbers first. */
	public static final Comparator<ChunkId> PRIORITY = Comparator.comparingInt((ChunkId c) -> priority(c.tier))
			.thenComparingInt(ChunkId::index);

	public ChunkId {
		if (tier == null || index < 1) throw new IllegalArgumentException("a chunk needs a tier and a number >= 1");
	}

	/** The tier's folder prefix: p1, p2, ref, match. */
	public static String prefix(final Tier tier) {
		return tier.name().toLowerCase(Locale.ROOT);
	}

	/** {@code p1_001}. */
	public String name() {
		return String.format(Locale.ROOT, "%s_%03d", prefix(tier), index);
	}

	/** The id a folder name stands for, or null when it is not a chunk folder name. */
	public static ChunkId parse(final String name) {
		final Matcher m = NAME.matcher(name);
		if (!m.matches()) return null;
		return new ChunkId(Tier.parse(m.group(1)), Integer.parseInt(m.group(2)));
	}

	/** 0 for the reference (first), 1 match, 2 pass-2, 3 pass-1. */
	static int priority(final Tier t) {
		return switch (t) {
			case REF -> 0;
			case MATCH -> 1;
			case P2 -> 2;
			case P1 -> 3;
		};
	}

	/** Tier order p1, p2, ref, match, then number (the order of the status table). */
	@Override
	public int compareTo(final ChunkId o) {
		final int t = tier.compareTo(o.tier);
		return t != 0 ? t : Integer.compare(index, o.index);
	}

	@Override
	public String toString() {
		return name();
	}
}
