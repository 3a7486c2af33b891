package io.github.triage.stage.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import io.github.triage.Listener;
import io.github.triage.io.StackVolumes;
import io.github.triage.stack.ItkLinear;
import io.github.triage.stage.stack.AlignFromShiftsStage.ExcludedSliceMode;
import io.github.triage.stage.stack.AlignFromShiftsStage.Options;

/**
 * The three reference runs of set A (keep, no config without centring, local-median), volume by volume: same
 * canvas, same applied shifts, values within 1e-4 of linumpy's inside each footprint, 0 outside (where linumpy
 * writes its fill value, checked too). The fixture holds plane 5 of each volume (see its README).
 */
class AlignReferenceRunsTest {
	@TempDir
	Path tmp;

	static Path ref() throws Exception {
		return Paths.get(AlignReferenceRunsTest.class.getResource("/io/github/triage/stack/align").toURI());
	}

	@Test
	void keep() throws Exception {
		final Path r = ref();
		check("align_keep", Options.defaults(r.resolve("inputs"), r.resolve("shifts_xy.csv"), tmp.resolve("out"))
				.withSliceConfig(r.resolve("slice_config.csv")));
	}

	@Test
	void noConfigNoCentre() throws Exception {
		final Path r = ref();
		check("align_noconfig_nocenter", new Options(r.resolve("inputs"), r.resolve("shifts_xy.csv"),
				tmp.resolve("out"), null, Options.MODE, Options.WINDOW, false, Options.FILL));
	}

	@Test
	void localMedian() throws Exception {
		final Path r = ref();
		check("align_local_median", new Options(r.resolve("inputs"), r.resolve("shifts_xy.csv"), tmp.resolve("out"),
				r.resolve("slice_config.csv"), ExcludedSliceMode.LOCAL_MEDIAN, Options.WINDOW, Options.CENTER_DRIFT,
				Options.FILL));
	}

	@SuppressWarnings("unchecked")
	private void check(final String run, final Options o) throws Exception {
		final Path r = ref();
		final Map<String, Object> exp = new Gson().fromJson(Files.readString(r.resolve(run + "_expected.json")), Map.class);
		final Map<String, Object> canvas = (Map<String, Object>) exp.get("canvas");
		final Map<String, List<Double>> applied = (Map<String, List<Double>>) exp.get("applied_shift_px");
		final Map<String, Double> fills = (Map<String, Double>) exp.get("default_value_1st_pct");
		final long t0 = System.nanoTime();
		final AlignFromShiftsStage.Result res = new AlignFromShiftsStage().run(o, null, Listener.NONE);
		System.out.println(run + " stage ms " + (System.nanoTime() - t0) / 1e6);
		final int nx = ((Number) canvas.get("nx")).intValue(), ny = ((Number) canvas.get("ny")).intValue();
		assertEquals(nx, res.canvasWidth(), run + " canvas nx");
		assertEquals(ny, res.canvasHeight(), run + " canvas ny");
		assertEquals((Double) canvas.get("x0"), res.originX(), 1e-9);
		assertEquals((Double) canvas.get("y0"), res.originY(), 1e-9);
		assertEquals(applied.keySet(), Map.copyOf(res.selected().stream()
				.collect(java.util.stream.Collectors.toMap(AlignFromShiftsStage.Slice::sliceId, s -> 0))).keySet());
		assertTrue(Files.isRegularFile(o.output().resolve(AlignFromShiftsStage.METRICS_FILE)));
		for (final AlignFromShiftsStage.Slice s : res.selected()) {
			final List<Double> a = applied.get(s.sliceId());
			assertEquals(a.get(0), s.ax(), 1e-9, run + " " + s.sliceId() + " ax");
			assertEquals(a.get(1), s.ay(), 1e-9, run + " " + s.sliceId() + " ay");
			final String name = "slice_z" + s.sliceId() + "_normalize.ome.zarr";
			assertEquals(o.output().resolve(name), s.file());
			Path expected = r.resolve(run).resolve(name);
			if (!Files.isDirectory(expected)) expected = r.resolve("align_keep").resolve(name); // bit-identical, README
			final StackVolumes.Volume got = StackVolumes.open(s.file(), "got", null);
			final StackVolumes.Volume want = StackVolumes.open(expected, "want", null);
			assertEquals(1, got.depth());
			assertEquals(ny, got.height());
			assertEquals(nx, got.width());
			assertEquals(0.01, got.scaleZyxMm()[2], 1e-12);
			final StackVolumes.Volume in = StackVolumes.open(r.resolve("inputs").resolve(name), "in", null);
			final ItkLinear footprint = new ItkLinear(in.width(), in.height(), nx, ny, s.ax(), s.ay());
			final float[] g = got.plane(0), w = want.plane(0);
			final float fill = fills.get(s.sliceId()).floatValue();
			double worst = 0;
			int inside = 0;
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					final int i = y * nx + x;
					if (footprint.inside(x, y)) {
						worst = Math.max(worst, Math.abs(g[i] - w[i]));
						inside++;
					}
					else {
						assertEquals(0f, g[i], run + " " + s.sliceId() + " outside at " + x + "," + y);
						assertEquals(fill, w[i], 1e-7, "linumpy's fill outside the footprint at " + x + "," + y);
					}
				}
			assertTrue(inside >= 255 * 255, "footprint " + inside);
			System.out.println(run + " " + s.sliceId() + " max diff inside " + worst + " over " + inside + " px");
			assertTrue(worst <= 1e-4, run + " " + s.sliceId() + ": max difference inside the footprint " + worst);
		}
	}
}
