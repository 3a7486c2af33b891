package io.github.triage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;

/**
 * Auto-exclusion against the reference's outputs (linumpy ed14efe) on oct/stages/auto_exclude, at both thresholds:
 * the same values read, the same slices excluded; the one difference is the spec's meaning of auto_excluded
 * (evaluated slices outside a cluster get false, so stale true values from the input are cleared).
 */
class AutoExclusionTest {
	@TempDir
	Path tmp;

	@ParameterizedTest
	@CsvSource({ "zcorr_runs,0.4", "zcorr_runs,0.6", "zcorr_ids_cross_100,0.4", "zcorr_ids_cross_100,0.6" })
	void matchesTheReference(final String series, final String threshold) throws IOException {
		final Path dir = TestFiles.resource("reference/oct/stages/auto_exclude/" + series);
		final Warnings warnings = new Warnings();
		final SortedMap<Integer, Double> z = PairwiseMetricsFiles.zCorrelation(dir.resolve("metrics"), warnings);
		final List<CSVRecord> expected = RehomingTest.csv(dir.resolve("expected_auto_exclude_" + threshold + ".csv"));
		final Set<Integer> noValue = new HashSet<>();
		for (final CSVRecord r : expected) {
			final int id = Integer.parseInt(r.get("slice_id"));
			if (r.get("z_correlation").isEmpty()) {
				noValue.add(id);
				assertTrue(!z.containsKey(id), "slice " + id);
			}
			else assertEquals(Double.parseDouble(r.get("z_correlation")), z.get(id), "slice " + id);
		}
		// files without the key are named in a warning
		for (final CSVRecord r : expected)
			if (r.get("planted").contains("no_z_correlation_key"))
				assertTrue(warnings.list.stream().anyMatch(w -> w.contains("slice " + Integer.parseInt(r.get("slice_id")))), warnings.list.toString());

		final List<List<Integer>> runs = AutoExclusion.runs(z, Double.parseDouble(threshold), 3);
		final SliceConfig in = SliceConfigFiles.read(dir.resolve("slice_config.csv"));
		final SliceConfig cfg = SliceConfigFiles.read(dir.resolve("slice_config.csv"));
		final List<String> excluded = AutoExclusion.stamp(cfg, z, runs);
		final Path out = tmp.resolve("out.csv");
		SliceConfigFiles.write(cfg, out);
		final SliceConfig mine = SliceConfigFiles.read(out);

		final List<CSVRecord> refCfg = RehomingTest.csv(dir.resolve("expected_slice_config_" + threshold + ".csv"));
		final Set<String> refIds = new HashSet<>();
		int staleCleared = 0;
		for (final CSVRecord ref : refCfg) {
			final String id = SliceConfig.normalizeId(ref.get("slice_id"));
			refIds.add(id);
			final boolean refTrue = "true".equals(ref.get(SliceColumns.AUTO_EXCLUDED));
			final String where = series + "@" + threshold + " slice " + id;
			if (excluded.contains(id)) {
				assertTrue(refTrue, where);
				assertEquals("true", mine.get(id, SliceColumns.AUTO_EXCLUDED), where);
				assertEquals(AutoExclusion.REASON, mine.get(id, SliceColumns.AUTO_EXCLUDE_REASON), where);
			}
			else if (z.containsKey(Integer.parseInt(id))) {
				// evaluated, not in a cluster: false; the reference keeps a stale input true
				assertEquals("false", mine.get(id, SliceColumns.AUTO_EXCLUDED), where);
				if (refTrue) {
					assertEquals(Boolean.TRUE, in.getBoolean(id, SliceColumns.AUTO_EXCLUDED), where + " must be stale");
					staleCleared++;
				}
			}
			else {
				// not evaluated: left as it was
				assertEquals(in.contains(id) ? in.get(id, SliceColumns.AUTO_EXCLUDED) : "", mine.get(id, SliceColumns.AUTO_EXCLUDED), where);
				assertEquals(refTrue, "true".equals(mine.get(id, SliceColumns.AUTO_EXCLUDED)), where);
			}
			for (final String col : ref.toMap().keySet()) {
				if (col.equals("slice_id") || col.equals(SliceColumns.AUTO_EXCLUDED) || col.equals(SliceColumns.AUTO_EXCLUDE_REASON)) continue;
				final String v = ref.get(col);
				final String expectedCell = SliceColumns.isBoolean(col) && !v.isEmpty() ? SliceColumns.parseBoolean(v).toString() : v;
				assertEquals(expectedCell, mine.get(id, col), where + " column " + col);
			}
		}
		assertEquals(refIds, new HashSet<>(mine.ids()), series);
		assertTrue(staleCleared >= 1, "each series plants a stale true");
		assertTrue(!excluded.isEmpty());
	}

	@Test
	void handCheckedRuns() {
		final SortedMap<Integer, Double> z = new TreeMap<>(Map.of(1, 0.9, 2, 0.1, 3, 0.2, 5, 0.39, 6, 0.4, 7, 0.1, 8, 0.1,
				9, 0.2, 10, 0.1));
		// 2,3,5 run of 3 across the id gap 4; 0.4 is not low; 7..10 run of 4
		assertEquals(List.of(List.of(2, 3, 5), List.of(7, 8, 9, 10)), AutoExclusion.runs(z, 0.4, 3));
		assertEquals(List.of(List.of(7, 8, 9, 10)), AutoExclusion.runs(z, 0.4, 4));
		assertEquals(List.of(List.of(2, 3, 5, 6, 7, 8, 9, 10)), AutoExclusion.runs(z, 0.41, 3));
		assertThrows(IllegalArgumentException.class, () -> AutoExclusion.runs(z, 0.4, 0));
	}

	@Test
	void badMetricsFiles() throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve("m/slice_z04"));
		Files.writeString(dir.resolve(PairwiseMetricsFiles.FILE_NAME), "{\"metrics\": {\"z_correlation\": {\"value\": \"high\"}}}");
		BadInputException e = assertThrows(BadInputException.class, () -> PairwiseMetricsFiles.zCorrelation(tmp.resolve("m"), new Warnings()));
		assertTrue(e.getMessage().contains("slice_z04"), e.getMessage());
		Files.writeString(dir.resolve(PairwiseMetricsFiles.FILE_NAME), "{\"metrics\": {");
		e = assertThrows(BadInputException.class, () -> PairwiseMetricsFiles.zCorrelation(tmp.resolve("m"), new Warnings()));
		assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
		Files.writeString(dir.resolve(PairwiseMetricsFiles.FILE_NAME), "{\"metrics\": {\"z_correlation\": {\"value\": 0.5}}}");
		final Path again = Files.createDirectories(tmp.resolve("m/x/slice_z4_rerun"));
		Files.writeString(again.resolve(PairwiseMetricsFiles.FILE_NAME), "{\"metrics\": {\"z_correlation\": {\"value\": 0.5}}}");
		e = assertThrows(BadInputException.class, () -> PairwiseMetricsFiles.zCorrelation(tmp.resolve("m"), new Warnings()));
		assertTrue(e.getMessage().contains("slice 4"), e.getMessage());
	}
}
