package io.github.triage.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.github.triage.Listener;
import io.github.triage.io.MosaicFolder;
import io.github.triage.io.SliceVolumes;
import io.github.triage.ops.CpuImageOps;

/** The reference program's scores on the example series (src/test/resources/oct/quality, from linumpy ed14efe). */
public class ReferenceQualityTest {
	static final double TOL = 0.01;

	public static Path dir() throws Exception {
		return Paths.get(ReferenceQualityTest.class.getResource("/oct/quality").toURI());
	}

	public static Map<String, CSVRecord> expected() throws Exception {
		final Map<String, CSVRecord> m = new TreeMap<>();
		try (Reader r = Files.newBufferedReader(dir().resolve("quality_expected.csv"))) {
			for (final CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r))
				m.put(rec.get("slice_id"), rec);
		}
		return m;
	}

	/** Opens the example slices in one format only (the folder holds each slice as OME-Zarr and as TIFF). */
	static List<SliceSource> open(final boolean zarr) throws Exception {
		final List<SliceSource> out = new ArrayList<>();
		for (final MosaicFolder.Entry e : MosaicFolder.list(dir(), null)) {
			final Path p = zarr ? e.path : e.path.resolveSibling(e.path.getFileName().toString().replace(".ome.zarr", ".tif"));
			out.add(SliceVolumes.open(new MosaicFolder.Entry(e.id, p, zarr), 0, null));
		}
		return out;
	}

	@Test
	void omeZarrScoresMatchTheReference() throws Exception {
		check(open(true));
	}

	@Test
	void tiffScoresMatchTheReference() throws Exception {
		check(open(false));
	}

	private static void check(final List<SliceSource> slices) throws Exception {
		final Map<String, CSVRecord> exp = expected();
		final WarningList warnings = new WarningList();
		final List<SliceQuality> got = new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT)
				.assess(slices, null, warnings);
		assertEquals(exp.size(), got.size());
		for (final SliceQuality q : got) {
			final CSVRecord e = exp.get(q.sliceId());
			final String id = "slice " + q.sliceId();
			System.out.printf("%s ssim %.4f/%.4f edge %.4f/%.4f var %.4f/%.4f score %.4f/%.4f%n", q.sliceId(), q.ssim(),
					d(e, "ssim"), q.edge(), d(e, "edge"), q.variance(), d(e, "variance"), q.qualityScore(),
					d(e, "quality_score"));
			assertEquals(d(e, "ssim_before"), q.ssimBefore(), TOL, id + " ssim_before");
			assertEquals(d(e, "ssim_after"), q.ssimAfter(), TOL, id + " ssim_after");
			assertEquals(d(e, "ssim"), q.ssim(), TOL, id + " ssim");
			assertEquals(d(e, "edge"), q.edge(), TOL, id + " edge");
			assertEquals(d(e, "variance"), q.variance(), TOL, id + " variance");
			assertEquals(d(e, "quality_score"), q.qualityScore(), TOL, id + " quality_score");
			assertEquals(Boolean.parseBoolean(e.get("has_data")), q.hasData(), id + " has_data");
			assertEquals(Integer.parseInt(e.get("depth")), q.depth(), id + " depth");
		}
		// slice 07 is wider than its neighbours: warned about, by id
		assertTrue(warnings.stream().anyMatch(w -> w.startsWith("slice 07")), warnings.toString());
		final List<String> ids = got.stream().map(SliceQuality::sliceId).toList();
		final int[] depths = got.stream().mapToInt(SliceQuality::depth).toArray();
		final List<String> calib = CalibrationDetector.detect(ids, depths, CalibrationDetector.DEFAULT_RATIO);
		final List<String> expectedCalib = exp.values().stream().filter(r -> Boolean.parseBoolean(r.get("calibration")))
				.map(r -> r.get("slice_id")).toList();
		assertEquals(expectedCalib, calib);
	}

	public static double d(final CSVRecord r, final String col) {
		return Double.parseDouble(r.get(col));
	}
}
