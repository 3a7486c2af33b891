package io.github.triage.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.Listener;
import io.github.triage.galvo.SliceDetection;
import io.github.triage.galvo.TileDetection;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.galvo.DetectTileStage;
import io.github.triage.stage.galvo.FixStage;
import io.github.triage.stage.galvo.StampStage;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Demo of the galvo stage: two slices of synthetic raw tiles (one with the return band planted at row 50, one
 * clean with the band already at the end, each with a background tile), slice-level detection stamped into a
 * slice_config with JSON diagnostics, and one tile fixed.
 */
public final class GalvoDemo implements DemoStage {
	static final int W = 48, ROWS = 200, DEPTH = 6, N_EXTRA = 40, BAND = 50;

	@Override
	public String name() {
		return "galvo";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final Path tiles = dir.resolve("tiles");
		final int[] bandStart = { BAND, ROWS - N_EXTRA };
		for (int s = 0; s < 2; s++)
			for (int t = 0; t < 6; t++) {
				final boolean background = t == 0;
				final Path f = tiles.resolve(String.format(Locale.ROOT, "slice_z%02d/tile_x%02d_y00_z%02d.tif", s, t, s));
				TiffStacks.write(f, tile(bandStart[s], background ? 6 : 70, s * 100 + t));
			}
		log.println("galvo: 12 tiles in " + tiles + " (band at row " + BAND + " in slice 00, at the end in slice 01)");
		final Path config = dir.resolve("slice_config.csv");
		SliceConfigFiles.write(SliceConfig.generate(List.of("00", "01"), List.of(), 0, null), config);
		try (ImageOps ops = new CpuImageOps()) {
			final StampStage.Result stamped = new StampStage().run(StampStage.Options.defaults(config, config, tiles,
					N_EXTRA), ops, new Listener() {
						@Override
						public void info(final String message) {
							log.println(message);
						}
					});
			final Map<String, SliceDetection> byId = new LinkedHashMap<>();
			stamped.slices().forEach(d -> byId.put(d.sliceId(), d.detection()));
			// fix one tile of the shifted slice with the slice's shift, then detect its band again
			final Path out = dir.resolve("fixed/tile_x02_y00_z00.tif");
			new FixStage().run(FixStage.Options.of(tiles.resolve("slice_z00/tile_x02_y00_z00.tif"), out,
					byId.get("00").shift()), ops, Listener.NONE);
			final TileDetection after = new DetectTileStage().run(DetectTileStage.Options.defaults(List.of(out), N_EXTRA),
					ops, Listener.NONE).tiles().get(0).detection();
			final StringBuilder sb = new StringBuilder();
			byId.forEach((id, d) -> sb.append(String.format(Locale.ROOT,
					"galvo: slice %s: shift %d, confidence %.3f, galvo_fix %s (%s; %d sampled, %d skipped)%n", id,
					d.shift(), d.confidence(), d.galvoFix(), d.reason(), d.detections().size(), d.skipped().size())));
			sb.append(String.format(Locale.ROOT, "galvo: fixed tile %s: band now at rows %d-%d of %d (expected %d-%d)%n",
					out.getFileName(), after.bandStart(), after.bandStart() + N_EXTRA - 1, ROWS, ROWS - N_EXTRA, ROWS - 1));
			sb.append("galvo: slice_config ").append(config).append(", diagnostics in ")
					.append(config.getParent().resolve("galvo_diagnostics"));
			return sb.toString();
		}
	}

	/** A raw tile (X, Y, Z): tissue level with a slow A-line trend, the band 45 % darker, speckle noise. */
	static ArrayImg<FloatType, FloatArray> tile(final int bandStart, final double level, final long seed) {
		final Random r = new Random(seed);
		final float[] px = new float[W * ROWS * DEPTH];
		for (int z = 0; z < DEPTH; z++)
			for (int y = 0; y < ROWS; y++) {
				final boolean band = Math.floorMod(y - bandStart, ROWS) < N_EXTRA;
				final double base = level * (1 + 0.15 * Math.sin(2 * Math.PI * y / ROWS)) * (band ? 0.55 : 1)
						* Math.exp(-0.08 * z);
				for (int x = 0; x < W; x++)
					px[(z * ROWS + y) * W + x] = (float) Math.max(0, Math.round(base * (1 + 0.1 * r.nextGaussian())));
			}
		return FloatImages.wrap(px, W, ROWS, DEPTH);
	}
}
