package io.github.triage;

/**
 * Input that Triage cannot use: a malformed file, an unknown value, an empty selection. The message names the
 * file, line, column or slice at fault. Faces report it without a stack trace (the CLI exits with code 2).
 */
public class BadInputException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public BadInputException(final String message) {
		super(message);
	}

	public BadInputException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
