package io.github.triage.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.demo.WorkflowSeries;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.oct.OctRunStage;

/**
 * workflows/triage.nf run by Nextflow with the local executor on the demo's synthetic series: the same final
 * slice_config (and corrected shifts) as {@code triage oct run} on the same inputs, a -resume that runs nothing
 * again, a failed slice that stops the run by name. Nextflow starts slowly (JVM, Groovy compilation): few runs, small inputs.
 */
@Tag("slow")
class NextflowWorkflowIT {
	@TempDir
	Path dir;

	@Test
	void sameFinalConfigAsOctRunAndResumeRunsNothing() throws Exception {
		final Nextflow nf = new Nextflow();
		final WorkflowSeries.Inputs in = WorkflowSeries.write(dir.resolve("in"), 8);
		final Path out = dir.resolve("out");
		final String[] args = { "--mosaics", in.mosaics().toString(), "--tiles", in.tiles().toString(), "--n_extra",
				String.valueOf(WorkflowSeries.N_EXTRA), "--shifts", in.shifts().toString(), "--tile_fov_mm",
				String.valueOf(WorkflowSeries.TILE_FOV_MM), "--slice_thickness_mm",
				String.valueOf(WorkflowSeries.SLICE_THICKNESS_MM), "--metrics", in.metrics().toString(), "--fragments",
				in.fragments().toString(), "--min_quality", String.valueOf(WorkflowSeries.MIN_QUALITY), "--use_gpu", "off" };
		final Nextflow.Run first = nf.run(dir, out, null, args);
		assertEquals(0, first.exit(), first.output());

		final OctRunStage.Result oct = octRun(in, dir.resolve("oct"));
		assertEquals(Files.readString(oct.finalConfig()), Files.readString(out.resolve("slice_config_final.csv")),
				"the workflow's slice_config_final.csv differs from that of `triage oct run` on the same inputs");
		assertArrayEquals(Files.readAllBytes(oct.finalConfig()), Files.readAllBytes(out.resolve("slice_config_final.csv")));
		assertArrayEquals(Files.readAllBytes(dir.resolve("oct/04_rehoming/shifts_xy_corrected.csv")),
				Files.readAllBytes(out.resolve("rehoming/shifts_xy_corrected.csv")), "corrected shifts");
		final SliceConfig fin = SliceConfigFiles.read(out.resolve("slice_config_final.csv"));
		// what the series plants: galvo fix on the even slices, the noisy slice out, re-homing, auto-exclusion
		assertEquals(Boolean.TRUE, fin.getBoolean("02", SliceColumns.GALVO_FIX));
		assertEquals(Boolean.FALSE, fin.getBoolean("05", SliceColumns.USE));
		assertEquals(Boolean.TRUE, fin.getBoolean("04", SliceColumns.REHOMED));
		assertEquals(Boolean.TRUE, fin.getBoolean("06", SliceColumns.AUTO_EXCLUDED));
		assertEquals(Boolean.TRUE, fin.getBoolean("03", SliceColumns.INTERPOLATED));
		final String report = Files.readString(out.resolve("report.html"));
		assertTrue(report.contains("<html") && report.contains("data:image/png"), "report.html without pictures");
		assertTrue(Files.isDirectory(out.resolve("stack/volume.ome.zarr")), "no assembled volume published");
		assertEquals(8, first.rows("QUALITY_SLICE").size());
		assertEquals(8, first.rows("GALVO_SLICE").size());
		assertTrue(first.trace().stream().allMatch(r -> r.get("status").equals("COMPLETED")), first.trace().toString());

		final Nextflow.Run again = nf.run(dir, out, null, concat(args, "-resume"));
		assertEquals(0, again.exit(), again.output());
		assertEquals(first.trace().size(), again.trace().size());
		final List<Map<String, String>> ran = again.trace().stream().filter(r -> !r.get("status").equals("CACHED"))
				.toList();
		assertEquals(List.of(), ran, "-resume ran tasks again");
	}

	@Test
	void aFailedSliceStopsTheRunNamingIt() throws Exception {
		final Nextflow nf = new Nextflow();
		final WorkflowSeries.Inputs in = WorkflowSeries.write(dir.resolve("in"), 3);
		WorkflowSeries.breakTiles(in, 1);
		final Path out = dir.resolve("out");
		final Nextflow.Run run = nf.run(dir, out, null, "--mosaics", in.mosaics().toString(), "--tiles",
				in.tiles().toString(), "--n_extra", String.valueOf(WorkflowSeries.N_EXTRA), "--max_retries", "1",
				"--use_gpu", "off");
		assertNotEquals(0, run.exit(), run.output());
		assertTrue(run.output().contains("GALVO_SLICE (slice 01)"), run.output());
		assertTrue(run.output().contains("slice 01: galvo detection failed"), run.output());
		assertTrue(run.output().contains("TIFF"), run.output()); // the reader names the bad tile
		// tried twice (one retry), then the run stopped: no final config
		assertEquals(List.of("1", "2"), run.trace().stream().filter(r -> r.get("tag").equals("slice 01")
				&& r.get("process").equals("GALVO_SLICE")).map(r -> r.get("attempt")).sorted().toList());
		assertTrue(!Files.exists(out.resolve("slice_config_final.csv")));
	}

	/** {@code triage oct run} with the options the workflow is given (the same defaults for the rest). */
	private static OctRunStage.Result octRun(final WorkflowSeries.Inputs in, final Path out) throws IOException {
		final OctRunStage.Options o = OctRunStage.Options.defaults(in.mosaics(), out)
				.withGalvo(OctRunStage.Galvo.defaults(in.tiles(), WorkflowSeries.N_EXTRA))
				.withQuality(OctRunStage.Quality.DEFAULT.withMinQuality(WorkflowSeries.MIN_QUALITY))
				.withShifts(OctRunStage.Shifts.defaults(in.shifts(), WorkflowSeries.TILE_FOV_MM,
						WorkflowSeries.SLICE_THICKNESS_MM))
				.withAutoExclusion(OctRunStage.AutoExclusion.defaults(in.metrics())).withFragments(in.fragments());
		try (CpuImageOps ops = new CpuImageOps()) {
			return new OctRunStage().run(o, ops, Listener.NONE);
		}
	}

	static String[] concat(final String[] a, final String... b) {
		return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
	}

	static void writeScript(final Path file, final String text) throws IOException {
		Files.writeString(file, text);
		file.toFile().setExecutable(true);
	}
}
