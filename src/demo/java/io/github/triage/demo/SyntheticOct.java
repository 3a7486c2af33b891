package io.github.triage.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import io.github.triage.io.AtomicFiles;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.io.TiffStacks;
import io.github.triage.quality.SliceSource;
import io.github.triage.stage.oct.OctRunStage;

/**
 * The demo's serial-section OCT series, every input {@code oct run} takes: 12 OME-Zarr mosaics (slice 05 lost:
 * background and a fragment), shifts_xy.csv (a slow drift with a one-FOV re-homing jump at 03 → 04), raw tiles (the galvo band planted in
 * slices 02 and 07), pairwise registration metrics (low z-correlation at 08–10) and an interpolation manifest for
 * slice 05.
 */
public final class SyntheticOct {
	public static final int SLICES = 12, LOST = 5, SIZE = 96, DEPTH = 8, TILES = 3, REHOMING_AT = 3;
	public static final double PIXEL_MM = 0.01, Z_MM = 0.025, TILE_FOV_MM = 0.24, SLICE_THICKNESS_MM = 0.15;
	static final int[] GALVO_SLICES = { 2, 7 };
	static final double[] Z_CORRELATION = { 0.82, 0.79, 0.85, 0.77, 0.74, 0.81, 0.78, 0.22, 0.18, 0.35, 0.8 };

	/** Where the inputs are. */
	public record Inputs(Path mosaics, Path shifts, Path tiles, Path metrics, Path fragments) {
		/** {@code oct run} on every input, every other option at its default. */
		public OctRunStage.Options options(final Path output) {
			return new OctRunStage.Options(mosaics, output, null, OctRunStage.Galvo.defaults(tiles, GalvoDemo.N_EXTRA),
					OctRunStage.Quality.DEFAULT, OctRunStage.Shifts.defaults(shifts, TILE_FOV_MM, SLICE_THICKNESS_MM),
					OctRunStage.AutoExclusion.defaults(metrics), fragments, OctRunStage.Options.FORCE);
		}

		/** The same run as a command line. */
		public String command(final Path output) {
			return "triage oct run " + mosaics + " -o " + output + " --shifts " + shifts + " --tile-fov-mm "
					+ TILE_FOV_MM + " --slice-thickness-mm " + SLICE_THICKNESS_MM + " --tiles-dir " + tiles
					+ " --n-extra " + GalvoDemo.N_EXTRA + " --metrics " + metrics + " --fragments " + fragments;
		}
	}

	private SyntheticOct() {
	}

	/** Writes every input under {@code dir}. */
	public static Inputs write(final Path dir) throws IOException {
		final Path mosaics = dir.resolve("mosaics"), tiles = dir.resolve("tiles"), metrics = dir.resolve("metrics"),
				fragments = dir.resolve("interpolation");
		final SyntheticSeries series = new SyntheticSeries(SIZE, SIZE, 7);
		for (int i = 0; i < SLICES; i++) {
			final SliceSource s = series.slice(i, DEPTH, i == LOST ? SyntheticSeries.Kind.EMPTY
					: SyntheticSeries.Kind.NORMAL);
			OmeZarrWriter.write(mosaics.resolve(String.format(Locale.ROOT, "mosaic_grid_3d_z%02d.ome.zarr", i)),
					DEPTH, SIZE, SIZE, s::plane, new double[] { Z_MM, PIXEL_MM, PIXEL_MM }, "millimeter", 1,
					OmeZarrWriter.Compressor.ZLIB, new int[] { DEPTH, SIZE, SIZE });
			for (int t = 0; t < TILES; t++) {
				TiffStacks.write(tiles.resolve(String.format(Locale.ROOT, "slice_z%02d/tile_x%02d_y00_z%02d.tif", i, t, i)),
						GalvoDemo.tile(bandOf(i), t == 0 ? 6 : 70, i * 100L + t));
			}
		}
		final Path shifts = dir.resolve("shifts_xy.csv");
		final StringBuilder sb = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm\n");
		for (int i = 0; i + 1 < SLICES; i++) {
			final double x = 0.01 + (i == REHOMING_AT ? TILE_FOV_MM : 0), y = 0.005;
			sb.append(String.format(Locale.ROOT, "%d,%d,%.1f,%.1f,%.4f,%.4f%n", i, i + 1, x / PIXEL_MM, y / PIXEL_MM, x, y));
		}
		AtomicFiles.writeString(shifts, sb.toString());
		for (int i = 1; i < SLICES; i++)
			AtomicFiles.writeString(metrics.resolve(String.format(Locale.ROOT, "slice_z%02d", i))
					.resolve(PairwiseMetricsFiles.FILE_NAME), String.format(Locale.ROOT, "{\"step_name\": "
							+ "\"pairwise_registration\", \"metrics\": {\"z_correlation\": {\"value\": %s, \"unit\": \"\"}}}",
							Z_CORRELATION[i - 1]));
		AtomicFiles.writeString(fragments.resolve(String.format(Locale.ROOT, "slice_z%02d_manifest.csv", LOST)),
				"slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n"
						+ String.format(Locale.ROOT, "%02d,zmorph,zmorph,,false,slice_z%02d_interpolated.ome.zarr%n",
								LOST, LOST));
		return new Inputs(mosaics, shifts, tiles, metrics, fragments);
	}

	/** The band's first row: mid-tile in the galvo slices, at the end (no fix needed) elsewhere. */
	private static int bandOf(final int slice) {
		for (final int g : GALVO_SLICES)
			if (g == slice) return GalvoDemo.BAND;
		return GalvoDemo.ROWS - GalvoDemo.N_EXTRA;
	}
}
