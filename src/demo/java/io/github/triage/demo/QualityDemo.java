package io.github.triage.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

import io.github.triage.cli.CliListener;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.quality.SliceSource;
import io.github.triage.stage.quality.AssessQualityStage;

/**
 * Quality stage of the demo: writes a small OME-Zarr series (slice 00 twice as thick — a calibration slice — and a
 * noisy slice 05), assesses it with calibration detection and a quality threshold, writes slice_config and the
 * report.
 */
public final class QualityDemo implements DemoStage {
	static final int SLICES = 8, DEPTH = 10, SIZE = 96, NOISY = 5;
	static final double MIN_QUALITY = 0.5;

	@Override
	public String name() {
		return "quality";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final Path mosaics = dir.resolve("mosaics");
		final SyntheticSeries series = new SyntheticSeries(SIZE, SIZE, 42);
		for (int i = 0; i < SLICES; i++) {
			final SyntheticSeries.Kind kind = i == NOISY ? SyntheticSeries.Kind.NOISY : SyntheticSeries.Kind.NORMAL;
			final SliceSource s = series.slice(i, i == 0 ? 2 * DEPTH : DEPTH, kind);
			OmeZarrWriter.write(mosaics.resolve(String.format(Locale.ROOT, "mosaic_grid_z%02d.ome.zarr", i)), s.depth(),
					SIZE, SIZE, s::plane, new double[] { 0.0035, 0.01, 0.01 }, "millimeter", 2,
					i % 2 == 0 ? OmeZarrWriter.Compressor.ZLIB : OmeZarrWriter.Compressor.BLOSC, new int[] { 4, 64, 64 });
		}
		log.println("quality: wrote " + SLICES + " OME-Zarr slices to " + mosaics);
		final Path out = dir.resolve("slice_config.csv");
		final AssessQualityStage.Options o = new AssessQualityStage.Options(mosaics, out, null, false, false, null,
				new QualityDecisions.Options(0, true, AssessQualityStage.Options.CALIBRATION_RATIO, MIN_QUALITY),
				QualitySettings.DEFAULT, AssessQualityStage.Options.PYRAMID_LEVEL);
		final AssessQualityStage.Result r;
		try (CpuImageOps ops = new CpuImageOps()) {
			r = new AssessQualityStage().run(o, ops, new CliListener(log, true));
		}
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "quality: %d slices, threshold %.2f, calibration detection on%n",
				r.metrics().size(), MIN_QUALITY));
		for (int i = 0; i < r.metrics().size(); i++) {
			final SliceQuality q = r.metrics().get(i);
			final QualityDecisions.Decision d = r.decisions().get(i);
			sb.append(String.format(Locale.ROOT, "  %s depth %2d  ssim %.3f edge %.3f variance %.3f -> %.3f %s%n",
					q.sliceId(), q.depth(), q.ssim(), q.edge(), q.variance(), q.qualityScore(),
					d.use() ? "use" : "EXCLUDED (" + d.note() + ")"));
		}
		sb.append("  outputs: ").append(out).append(", ").append(o.effectiveReportDir()).append('\n');
		return sb.toString();
	}
}
