package io.github.triage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.triage.slice.SliceConfig;

class SliceAuditTest {

	private static SliceAudit.Row row(final Map<String, String> cells) {
		return SliceAudit.row("03", cells);
	}

	@Test
	void theStageThatSetUseIsReadFromNotesAndColumns() {
		assertEquals(List.of(SliceAudit.CALIBRATION, "calibration_slice"), who(Map.of("use", "false", "notes",
				"calibration_slice")));
		assertEquals(List.of(SliceAudit.QUALITY, "low_quality (quality_score<0.3)"), who(Map.of("use", "false",
				"notes", "fixed by hand; low_quality (quality_score<0.3)")));
		assertEquals(List.of(SliceAudit.AUTO_EXCLUSION, "consecutive_low_z_corr"), who(Map.of("use", "true",
				"auto_excluded", "true", "auto_exclude_reason", "consecutive_low_z_corr")));
		assertEquals(List.of(SliceAudit.INTERPOLATION, "interpolation failed (low_overlap_correlation)"),
				who(Map.of("use", "false", "interpolation_failed", "true", "interpolation_fallback_reason",
						"low_overlap_correlation")));
		assertEquals(SliceAudit.REHOMING, who(Map.of("use", "false", "rehomed", "false", "rehoming_reliable",
				"false")).get(0));
		assertEquals(SliceAudit.GALVO, who(Map.of("use", "false", "notes", "galvo band unfixable")).get(0));
		assertEquals(List.of(SliceAudit.MANUAL, "excluded"), who(Map.of("use", "false", "notes", "excluded")));
		assertEquals(SliceAudit.MANUAL, who(Map.of("use", "false")).get(0));
		assertEquals(SliceAudit.UNSET, who(Map.of("use", "")).get(0));
	}

	@Test
	void aUsedSliceSaysWhatWasDoneToIt() {
		final SliceAudit.Row r = row(Map.of("use", "true", "galvo_fix", "true", "rehomed", "true", "rehoming_reliable",
				"false", "interpolated", "true", "interpolation_method_used", "zmorph"));
		assertTrue(r.used());
		assertEquals("", r.setBy());
		assertEquals("galvo fix; rehomed (unreliable); interpolated (zmorph)", r.reason());
	}

	@Test
	void summaryCountsByStageInPipelineOrder() {
		final SliceConfig c = SliceConfig.generate(List.of("0", "1", "2", "3", "4"), List.of("4"), 1, null);
		c.stamp("02", Map.of("use", false, "notes", "low_quality (quality_score<0.5)"), true);
		final Summary s = Summary.of(SliceAudit.of(c));
		assertEquals(5, s.slices());
		assertEquals(2, s.used());
		assertEquals(List.of(SliceAudit.CALIBRATION, SliceAudit.MANUAL, SliceAudit.QUALITY),
				List.copyOf(s.excludedBy().keySet()));
		assertEquals(Map.of("excluded", 1), s.reasons().get(SliceAudit.MANUAL));
	}

	private static List<String> who(final Map<String, String> cells) {
		final SliceAudit.Row r = row(cells);
		return List.of(r.setBy(), r.reason());
	}
}
