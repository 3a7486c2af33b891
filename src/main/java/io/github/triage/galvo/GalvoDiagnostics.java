package io.github.triage.galvo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers behind a galvo decision as a JSON-ready tree (maps, lists, numbers, strings): the per-slice
 * diagnostics that slice_config deliberately leaves out. Writing is the faces' job (io.JsonDiagnostics).
 */
public final class GalvoDiagnostics {
	private GalvoDiagnostics() {
	}

	public static Map<String, Object> of(final SliceDetection d) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("slice", d.slice());
		m.put("stage", "galvo");
		final GalvoSettings s = d.settings();
		final Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("n_extra", s.nExtra());
		settings.put("threshold", s.threshold());
		settings.put("n_samples", s.nSamples());
		settings.put("min_intensity", s.minIntensity());
		m.put("settings", settings);
		m.put("shift", d.shift());
		m.put("confidence", d.confidence());
		m.put("galvo_fix", d.galvoFix());
		m.put("reason", d.reason());
		m.put("best_tile", d.best() == null ? null : d.best().name());
		m.put("consistent_detections", d.consistent());
		m.put("agreeing_tiles", d.agreeing());
		m.put("n_tiles", d.nTiles());
		m.put("tiles_examined", d.examined());
		final List<Object> skipped = new ArrayList<>();
		for (final SliceDetection.Skipped k : d.skipped()) {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("tile", k.name());
			e.put("mean", k.mean());
			skipped.add(e);
		}
		m.put("tiles_skipped", skipped);
		final List<Object> sampled = new ArrayList<>();
		for (final TileDetection t : d.detections()) {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("tile", t.name());
			e.put("agrees", d.agreeing().contains(t.name())); // with the consensus band
			e.putAll(of(t));
			sampled.add(e);
		}
		m.put("tiles_sampled", sampled);
		return m;
	}

	public static Map<String, Object> of(final TileDetection t) {
		final Map<String, Object> e = new LinkedHashMap<>();
		e.put("tile", t.name());
		e.put("aip_mean", t.aipMean());
		e.put("rows", t.shift().rows());
		e.put("band_found", t.shift().found());
		e.put("band_start", t.bandStart());
		e.put("band_rows", List.of(t.bandStart(), (t.bandStart() + t.shift().nExtra() - 1) % t.shift().rows()));
		e.put("shift", t.detectedShift());
		e.put("confidence", t.confidence());
		final PresenceScore p = t.presence();
		e.put("score", p.score());
		e.put("contrast", p.contrast());
		e.put("sharpness", p.sharpness());
		e.put("anomaly", p.anomaly());
		e.put("interpretation", p.interpretation().name().toLowerCase(java.util.Locale.ROOT));
		e.put("score_window_start", p.windowStart());
		e.put("image_mean", p.imageMean());
		e.put("return_mean", p.returnMean());
		e.put("profile", t.rowMeans());
		e.put("profile_filtered", t.shift().profile());
		e.put("similarity", t.shift().similarity());
		return e;
	}
}
