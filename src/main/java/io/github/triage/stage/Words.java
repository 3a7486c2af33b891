package io.github.triage.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.triage.BadInputException;

/**
 * A stage's choices as the words users type in options and macros: the constant {@code LOCAL_MEDIAN} is the word
 * {@code local-median}. One rule for every face, so a default is written once, as the stage's constant.
 */
public final class Words {
	private Words() {
	}

	/** The word of a constant: lower case, '-' for '_'. */
	public static String of(final Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The constant named {@code word} (any case, '_' or '-'); any other word is bad input naming {@code what} and
	 * listing the known words.
	 */
	public static <E extends Enum<E>> E parse(final Class<E> type, final String word, final String what) {
		final String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		final List<String> known = new ArrayList<>();
		for (final E e : type.getEnumConstants()) {
			if (of(e).equals(w)) return e;
			known.add(of(e));
		}
		known.sort(null);
		throw new BadInputException(what + ": '" + word + "' is not " + String.join(" or ", known));
	}
}
