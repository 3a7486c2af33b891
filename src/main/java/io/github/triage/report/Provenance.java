package io.github.triage.report;

import java.util.Map;

/**
 * Where the report comes from: the Triage version, the date, the inputs' paths and the run's settings.
 *
 * @param inputs   what → path, in the order given
 * @param settings per stage (or "run"), name → value
 */
public record Provenance(String version, String date, Map<String, String> inputs,
		Map<String, Map<String, String>> settings) {
}
