package io.github.triage.galvo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/** Stamps a slice's galvo decision into slice_config: galvo_confidence (3 decimals) and galvo_fix, nothing else. */
public final class GalvoStamp {
	private GalvoStamp() {
	}

	/** The cells to stamp for one slice. */
	public static Map<String, Object> cells(final SliceDetection d) {
		final Map<String, Object> cells = new LinkedHashMap<>();
		cells.put(SliceColumns.GALVO_CONFIDENCE, String.format(Locale.ROOT, "%.3f", d.confidence()));
		cells.put(SliceColumns.GALVO_FIX, d.galvoFix());
		return cells;
	}

	/** Stamps every slice (slice id → detection) at once: all validated before any is applied. */
	public static void stamp(final SliceConfig config, final Map<String, SliceDetection> bySliceId) {
		final Map<String, Map<String, Object>> values = new LinkedHashMap<>();
		bySliceId.forEach((id, d) -> values.put(id, cells(d)));
		config.stampMany(values, false);
	}
}
