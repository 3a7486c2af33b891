package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's metrics JSON as linumpy's pipeline report reads it ({@code *_metrics.json}: step_name, timestamp,
 * overall_status, metrics {name: {value, unit, description, status}}, warnings, errors), so a Triage step shows
 * up in the same report, followed by the Triage version and the date every diagnostic carries (the timestamp is that
 * date). Extra top-level keys (e.g. per-slice details) go after those.
 */
public final class StepMetrics {
	private final String stepName;
	private final String date;
	private final Map<String, Object> metrics = new LinkedHashMap<>();
	private final Map<String, Object> extra = new LinkedHashMap<>();
	private final List<String> warnings = new java.util.ArrayList<>();

	/** {@code date}: the run's date (one for a whole run); null: now. */
	public StepMetrics(final String stepName, final String date) {
		this.stepName = stepName;
		this.date = JsonDiagnostics.date(date);
	}

	/** An informational metric (status "info"); {@code unit} may be null. */
	public StepMetrics info(final String name, final Object value, final String unit, final String description) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("value", value);
		if (unit != null) m.put("unit", unit);
		m.put("description", description);
		m.put("status", "info");
		metrics.put(name, m);
		return this;
	}

	public StepMetrics warning(final String message) {
		warnings.add(message);
		return this;
	}

	public StepMetrics extra(final String key, final Object value) {
		extra.put(key, value);
		return this;
	}

	public void write(final Path file) throws IOException {
		final Map<String, Object> root = new LinkedHashMap<>();
		root.put("step_name", stepName);
		root.put("timestamp", date);
		root.put("overall_status", warnings.isEmpty() ? "ok" : "warning");
		root.put("metrics", metrics);
		root.put("warnings", warnings);
		root.put("errors", List.of());
		root.put("triage_version", io.github.triage.Version.current());
		root.put("date", date);
		root.putAll(extra);
		JsonDiagnostics.write(file, root);
	}
}
