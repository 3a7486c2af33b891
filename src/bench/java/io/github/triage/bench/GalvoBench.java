package io.github.triage.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import io.github.triage.galvo.GalvoDetector;
import io.github.triage.galvo.TileDetection;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Tiles per second of tile-level galvo detection (AIP through the ops layer, then stages 1 and 3) on a float tile
 * of X = 512 B-scans × Y = 440 A-lines (incl. the return rows) × Z = 400 depth planes by default, against a
 * memory-bandwidth baseline measured in the same run: summing the same array once. The ratio is detection time
 * over baseline time (1.0 = detection costs one read of the tile).
 */
@Command(name = "galvo", mixinStandardHelpOptions = true,
		description = "Benchmark of galvo detection: tiles/s and ratio to one read (sum) of the same tile.")
public final class GalvoBench implements Callable<Integer> {
	@Option(names = "--width", defaultValue = "512", description = "X, B-scans.")
	int width;
	@Option(names = "--height", defaultValue = "440", description = "Y, A-lines incl. return rows.")
	int height;
	@Option(names = "--depth", defaultValue = "400", description = "Z, depth planes.")
	int depth;
	@Option(names = "--n-extra", defaultValue = "40", description = "Return rows.")
	int nExtra;
	@Option(names = "--reps", defaultValue = "7", description = "Timed repetitions (after 2 warm-ups).")
	int reps;
	@Option(names = "--use-gpu", defaultValue = "off", description = "auto|on|off.")
	String useGpu;
	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		final PrintWriter out = spec.commandLine().getOut();
		final ArrayImg<FloatType, FloatArray> tile = tile(width, height, depth, nExtra);
		final float[] px = FloatImages.pixels(tile);
		final double mb = px.length * 4.0 / 1e6;
		out.printf(Locale.ROOT, "galvo bench: tile X=%d (B-scans) × Y=%d (A-lines) × Z=%d (depth), %.0f MB float%n", width,
				height, depth, mb);
		out.flush();
		try (ImageOps ops = ImageOpsFactory.create(GpuMode.parse(useGpu), new io.github.triage.Listener() {
			@Override
			public void info(final String m) {
				out.println("  " + m);
			}
		})) {
			final double[] sumT = new double[reps], detT = new double[reps];
			double sink = 0;
			TileDetection last = null;
			// interleaved, so both see the same machine state
			for (int r = -2; r < reps; r++) {
				long t0 = System.nanoTime();
				sink += sum(px);
				final double s = (System.nanoTime() - t0) / 1e9;
				t0 = System.nanoTime();
				last = GalvoDetector.detect("bench", tile, nExtra, ops);
				final double d = (System.nanoTime() - t0) / 1e9;
				if (r >= 0) {
					sumT[r] = s;
					detT[r] = d;
				}
			}
			final double s = median(sumT), d = median(detT);
			out.printf(Locale.ROOT, "  baseline (sum of the array): %.1f ms  (%.2f GB/s)%n", s * 1e3, mb / 1e3 / s);
			out.printf(Locale.ROOT, "  detection (%s):              %.1f ms  → %.2f tiles/s%n", ops.name(), d * 1e3, 1 / d);
			out.printf(Locale.ROOT, "  ratio detection / one read: %.2f (aim ≤ 2)%n", d / s);
			out.printf(Locale.ROOT, "  check: band start %d (planted %d), shift %d, confidence %.3f [sink %.1f]%n",
					last.bandStart(), height / 3, last.detectedShift(), last.confidence(), sink);
		}
		out.flush();
		return 0;
	}

	/**
	 * The bandwidth baseline: one pass over the array. Eight independent float accumulators, so the latency of
	 * the adds is not the limit (the JIT does not vectorise a floating-point reduction).
	 */
	static double sum(final float[] a) {
		float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
		int i = 0;
		for (; i + 7 < a.length; i += 8) {
			s0 += a[i];
			s1 += a[i + 1];
			s2 += a[i + 2];
			s3 += a[i + 3];
			s4 += a[i + 4];
			s5 += a[i + 5];
			s6 += a[i + 6];
			s7 += a[i + 7];
		}
		for (; i < a.length; i++)
			s0 += a[i];
		return (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
	}

	static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}

	/** Speckled tissue with the return band planted at a third of the A-lines. */
	static ArrayImg<FloatType, FloatArray> tile(final int w, final int h, final int d, final int n) {
		final Random r = new Random(42);
		final float[] noise = new float[4096];
		for (int i = 0; i < noise.length; i++)
			noise[i] = (float) (1 + 0.2 * r.nextGaussian());
		final float[] px = new float[Math.multiplyExact(Math.multiplyExact(w, h), d)];
		final int start = h / 3;
		int k = 0;
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++) {
				final float base = (float) (80 * Math.exp(-z / (double) d) * (y >= start && y < start + n ? 0.5 : 1));
				final int off = (z * h + y) * w;
				for (int x = 0; x < w; x++)
					px[off + x] = base * noise[(k++ * 7) & 4095];
			}
		return FloatImages.wrap(px, w, h, d);
	}
}
