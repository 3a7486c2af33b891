package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.io.OmeZarrWriter.Format;
import io.github.triage.io.OmeZarrWriter.Version;
import io.github.triage.io.zarr.ZarrDataType;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.quality.SliceQualityAssessor;
import io.github.triage.quality.SliceSource;

/**
 * The quality path (MosaicFolder → SliceVolumes → SliceQualityAssessor, as `quality assess` and
 * `slice-config generate --from-mosaics` run it) on uint16 mosaics in NGFF 0.5 / Zarr v3, as linumpy writes them
 * today: the same numbers as the float32 NGFF 0.4 copies of the same data.
 */
class SliceVolumesZarrV3Test {
	@Test
	void assessesUint16V3MosaicsLikeTheirV2Copies(@TempDir final Path dir) throws Exception {
		final List<List<SliceQuality>> runs = new ArrayList<>();
		for (final Version v : Version.values()) {
			final Path mosaics = Files.createDirectories(dir.resolve(v.name()));
			for (int i = 0; i < 3; i++) {
				final int seed = i;
				final Format f = Format.defaults().withVersion(v).withLevels(2).withChunks(new int[] { 4, 16, 16 })
						.withDataType(v == Version.V0_5 ? ZarrDataType.UINT16 : ZarrDataType.FLOAT32);
				OmeZarrWriter.write(mosaics.resolve(String.format("mosaic_grid_z%02d.ome.zarr", i)), 6, 32, 32,
						z -> plane(seed, z), new double[] { 0.0035, 0.01, 0.01 }, "millimeter", f);
			}
			final List<SliceSource> slices = new ArrayList<>();
			for (final MosaicFolder.Entry e : MosaicFolder.list(mosaics, null))
				slices.add(SliceVolumes.open(e, 0, (String w) -> {
					throw new AssertionError(w);
				}));
			runs.add(new SliceQualityAssessor(new CpuImageOps(), QualitySettings.DEFAULT).assess(slices, null,
					Listener.NONE, w -> {
					}));
		}
		assertEquals(3, runs.get(1).size());
		for (int i = 0; i < 3; i++) {
			final SliceQuality a = runs.get(0).get(i), b = runs.get(1).get(i);
			assertEquals(a.sliceId(), b.sliceId());
			assertTrue(b.hasData());
			assertEquals(a.qualityScore(), b.qualityScore(), 1e-9, "slice " + b.sliceId());
		}
		assertEquals(65535f, OmeZarrIoTest.ofLevel(dir.resolve("V0_5/mosaic_grid_z01.ome.zarr"), 0).readPlane(0)[0]);
	}

	/** Integer values in the uint16 range, with 65535 at the origin: both formats hold them exactly. */
	private static float[] plane(final int seed, final int z) {
		final Random rnd = new Random(seed * 100L + z);
		final float[] a = new float[32 * 32];
		for (int y = 0; y < 32; y++)
			for (int x = 0; x < 32; x++)
				a[y * 32 + x] = Math.round(30000 + 20000 * Math.sin(x / 3.0) * Math.cos(y / 4.0) + 500 * rnd.nextGaussian());
		a[0] = 65535;
		return a;
	}
}
