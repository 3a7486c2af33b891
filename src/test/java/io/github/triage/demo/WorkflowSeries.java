package io.github.triage.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import io.github.triage.io.AtomicFiles;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.io.TiffStacks;
import io.github.triage.quality.SliceSource;

/**
 * The demo's synthetic OCT series laid out as a whole run's inputs, for the workflow tests: mosaics (the quality
 * demo's OME-Zarr slices: slice 00 twice as thick, slice 05 noisy), raw tiles per slice (the galvo demo's tiles,
 * band planted at row 50 in the even slices), shifts_xy.csv (a one-FOV re-homing jump at 3 → 4), pairwise
 * registration metrics (low z-correlation at 5–7) and an interpolation manifest for slice 03.
 */
public final class WorkflowSeries {
	public static final int N_EXTRA = GalvoDemo.N_EXTRA;
	public static final double TILE_FOV_MM = 0.875, SLICE_THICKNESS_MM = 0.035, MIN_QUALITY = QualityDemo.MIN_QUALITY;

	/** Where each input lies. */
	public record Inputs(Path mosaics, Path tiles, Path shifts, Path metrics, Path fragments) {
	}

	private WorkflowSeries() {
	}

	/** Writes {@code slices} slices (ids 00, 01, …) under {@code dir}. */
	public static Inputs write(final Path dir, final int slices) throws IOException {
		final Path mosaics = dir.resolve("mosaics"), tiles = dir.resolve("tiles"), metrics = dir.resolve("metrics"),
				fragments = dir.resolve("fragments");
		final int size = QualityDemo.SIZE, depth = QualityDemo.DEPTH;
		final SyntheticSeries series = new SyntheticSeries(size, size, 42);
		for (int i = 0; i < slices; i++) {
			final SyntheticSeries.Kind kind = i == QualityDemo.NOISY ? SyntheticSeries.Kind.NOISY
					: SyntheticSeries.Kind.NORMAL;
			final SliceSource s = series.slice(i, i == 0 ? 2 * depth : depth, kind);
			OmeZarrWriter.write(mosaics.resolve(String.format(Locale.ROOT, "mosaic_grid_3d_z%02d.ome.zarr", i)),
					s.depth(), size, size, s::plane, new double[] { 0.0035, 0.01, 0.01 }, "millimeter", 2,
					OmeZarrWriter.Compressor.ZLIB, new int[] { 4, 64, 64 });
			for (int t = 0; t < 3; t++)
				TiffStacks.write(tiles.resolve(String.format(Locale.ROOT, "slice_z%02d/tile_x%02d_y00_z%02d.tif", i, t, i)),
						GalvoDemo.tile(i % 2 == 0 ? GalvoDemo.BAND : GalvoDemo.ROWS - N_EXTRA, t == 0 ? 6 : 70,
								i * 100L + t));
		}
		final Random random = new Random(42);
		final StringBuilder sb = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n");
		for (int i = 0; i + 1 < slices; i++) {
			double xMm = Math.round((0.02 + 0.01 * random.nextGaussian()) * 1e4) / 1e4;
			final double yMm = Math.round((-0.01 + 0.01 * random.nextGaussian()) * 1e4) / 1e4;
			if (i == 3) xMm += TILE_FOV_MM;
			sb.append(String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.4f,%.4f%n", i, i + 1, xMm * 100, yMm * 100, xMm, yMm));
		}
		final Path shifts = dir.resolve("shifts_xy.csv");
		AtomicFiles.writeString(shifts, sb.toString());
		for (int i = 1; i < slices; i++)
			AtomicFiles.writeString(metrics.resolve(String.format(Locale.ROOT, "slice_z%02d", i))
					.resolve(PairwiseMetricsFiles.FILE_NAME), String.format(Locale.ROOT, "{\"step_name\": "
							+ "\"pairwise_registration\", \"metrics\": {\"z_correlation\": {\"value\": %s, \"unit\": \"\"}}}",
							i >= 5 ? 0.2 : 0.8));
		Files.createDirectories(fragments);
		AtomicFiles.writeString(fragments.resolve("slice_z03_manifest.csv"),
				"slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n"
						+ "03,zmorph,zmorph,,false,slice_z03_interpolated.ome.zarr\n");
		return new Inputs(mosaics, tiles, shifts, metrics, fragments);
	}

	/** Makes slice {@code id}'s raw tiles unreadable (a tile that is not a TIFF), so that its galvo task fails. */
	public static void breakTiles(final Inputs in, final int id) throws IOException {
		final Path dir = in.tiles().resolve(String.format(Locale.ROOT, "slice_z%02d", id));
		try (var s = Files.list(dir)) {
			for (final Path p : s.toList())
				Files.writeString(p, "not a TIFF");
		}
	}
}
