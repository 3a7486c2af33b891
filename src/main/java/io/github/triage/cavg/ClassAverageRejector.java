package io.github.triage.cavg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.ClassDecision.LocalVarianceMeasures;
import io.github.triage.ops.CavgKernels;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;

/**
 * SIMPLE's class-average rejector (cluster2D_rejector, commit 0effd5fc): population, resolution, mask geometry and
 * local variance, applied in that order and cumulative. Every criterion is evaluated on every class, so a class
 * already rejected still counts in the local-variance statistics. Image kernels run through {@link ImageOps}.
 * <p>
 * Not thread-safe (reuses work buffers between calls); one instance per thread.
 */
public final class ClassAverageRejector {
	/** Width of the low-pass's raised-cosine edge in Fourier pixels (fixed in SIMPLE). */
	static final int LOWPASS_EDGE = 10;

	private final ImageOps ops;
	private final RejectionParams params;
	private final MaskGeometry geometry = new MaskGeometry();
	private int bufBox = -1;
	private float[] work, lp30, lp10;
	private int[] labels;

	public ClassAverageRejector(final ImageOps ops, final RejectionParams params) {
		if (ops == null || params == null) throw new IllegalArgumentException("ops and params are required");
		this.ops = ops;
		this.params = params;
	}

	public RejectionParams params() {
		return params;
	}

	/**
	 * Decides every class of a stack.
	 *
	 * @param images   one flat image per class (X fastest, box × box pixels), in class order
	 * @param box      box size in pixels (even in compat mode)
	 * @param stats    the class table, one row per image, in the same order
	 * @param progress told after each class; polled for cancellation
	 * @return one decision per class, in class order
	 * @throws BadInputException empty stack, image/table count mismatch (naming both counts), wrong image size,
	 *                           NaN/Inf pixels or a negative/NaN population (naming the class)
	 */
	public List<ClassDecision> reject(final float[][] images, final int box, final List<ClassStats> stats,
			final Listener progress) {
		return reject(images, box, stats, progress, 1);
	}

	/**
	 * As {@link #reject(float[][], int, List, Listener)}, measuring the classes on up to {@code threads} threads
	 * (each with its own kernels and buffers): the decisions are those of one thread.
	 */
	public List<ClassDecision> reject(final float[][] images, final int box, final List<ClassStats> stats,
			final Listener progress, final int threads) {
		validate(images, box, stats);
		final Listener pr = progress == null ? Listener.NONE : progress;
		final int n = images.length;
		final long popThr = populationThreshold(stats);
		final int[] limits = { lowPassLimit(box, RejectionParams.MASK_LOWPASS_A),
				lowPassLimit(box, RejectionParams.LV_LOWPASS_A) };
		final MaskGeometry.Result[] mask = new MaskGeometry.Result[n];
		final double[] lvThr = new double[n], scoreIn = new double[n], scoreOut = new double[n];
		final int[] lvFg = new int[n];
		// blocks of classes, so a worker's buffers serve many classes between hand-overs
		final int blocks = Math.min(n, Math.max(1, threads) * 8), perBlock = (n + blocks - 1) / blocks;
		try {
			Workers.map((n + perBlock - 1) / perBlock, threads, ops,
					o -> o == ops ? this : new ClassAverageRejector(o, params), pr, (b, r, l) -> {
						for (int k = b * perBlock; k < Math.min(n, (b + 1) * perBlock); k++) {
							if (l.isCancelled())
								throw new CancellationException("class-average rejection cancelled at class " + (k + 1));
							r.measure(images[k], box, limits, k, mask, lvThr, lvFg, scoreIn, scoreOut);
							l.progress(k + 1, n, "class " + (k + 1));
						}
						return null;
					});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		// criterion 4, stack part: robust z over the classes whose scores are not both ~0
		final boolean[] zero = new boolean[n];
		final double[] vin = new double[n], vout = new double[n];
		int m = 0;
		for (int k = 0; k < n; k++) {
			zero[k] = Math.abs(scoreIn[k]) <= RejectionParams.ZERO_SCORE_EPS
					&& Math.abs(scoreOut[k]) <= RejectionParams.ZERO_SCORE_EPS;
			if (!zero[k]) {
				vin[m] = scoreIn[k];
				vout[m++] = scoreOut[k];
			}
		}
		// Compat: SIMPLE's single-precision z with its quickselect median (see RobustZ); default: exact medians.
		final double[] zin = params.compatSimple() ? RobustZ.scoresSimple(vin, m) : RobustZ.scores(vin, m);
		final double[] zout = params.compatSimple() ? RobustZ.scoresSimple(vout, m) : RobustZ.scores(vout, m);
		final List<ClassDecision> out = new ArrayList<>(n);
		for (int k = 0, j = 0; k < n; k++) {
			final ClassStats s = stats.get(k);
			final long pop = Math.round(s.population());
			final boolean popRej = pop < popThr;
			final boolean resRej = params.compatSimple() ? (float) s.resolution() > (float) params.resThresholdA()
					: s.resolution() > params.resThresholdA();
			double zi = Double.NaN, zo = Double.NaN;
			final boolean lvRej;
			if (zero[k]) lvRej = true;
			else {
				zi = zin[j];
				zo = zout[j++];
				lvRej = localVarianceRejects(zi, zo);
			}
			final LocalVarianceMeasures lv = new LocalVarianceMeasures(lvThr[k], lvFg[k], scoreIn[k], scoreOut[k],
					zero[k], zi, zo);
			out.add(new ClassDecision(s.classNumber(), popRej, resRej, mask[k].rejects(), lvRej, pop, popThr,
					s.resolution(), params.resThresholdA(), params.lvStrong(), params.lvWeak(), mask[k].measures(),
					mask[k].failure(), lv));
		}
		return out;
	}

	/** The per-class measures of class k (criterion 3, and criterion 4's per-class part). */
	private void measure(final float[] image, final int box, final int[] limits, final int k,
			final MaskGeometry.Result[] mask, final double[] lvThr, final int[] lvFg, final double[] scoreIn,
			final double[] scoreOut) {
		ensure(box);
		final double[] inOut = new double[2];
		System.arraycopy(image, 0, work, 0, box * box);
		final CavgKernels kernels = ops.cavg();
		kernels.edgeNormalise(work, box, box);
		kernels.lowPass(work, box, limits, LOWPASS_EDGE, new float[][] { lp30, lp10 });
		// criterion 3: mask geometry on the 30 Å image
		final float t30 = kernels.otsuThreshold(lp30);
		final int ncc = kernels.labelComponents(lp30, box, box, t30, labels);
		mask[k] = geometry.judge(labels, ncc, box, params, t30, countAtLeast(lp30, t30));
		// criterion 4, per-class part: local variance of the 10 Å image inside/outside its Otsu foreground
		final float t10 = kernels.otsuThreshold(lp10);
		kernels.localVarianceMeans(lp10, box, box, t10, RejectionParams.LV_HALF_WIDTH, inOut);
		lvThr[k] = t10;
		lvFg[k] = countAtLeast(lp10, t10);
		scoreIn[k] = inOut[0];
		scoreOut[k] = inOut[1];
	}

	private boolean localVarianceRejects(final double zin, final double zout) {
		if (params.compatSimple()) {
			// SIMPLE compares single-precision z with single-precision thresholds
			final float i = (float) zin, o = (float) zout, st = (float) params.lvStrong(), wk = (float) params.lvWeak();
			return (i < st && o < wk) || (i < wk && o < st);
		}
		final double st = params.lvStrong(), wk = params.lvWeak();
		return (zin < st && zout < wk) || (zin < wk && zout < st);
	}

	/**
	 * ceiling(sum(nint(pop)) × fraction). Compat: in single precision like SIMPLE, so 36000 × 0.0035 gives 127;
	 * default: exact decimal arithmetic, as the spec's formula means (126 there).
	 */
	long populationThreshold(final List<ClassStats> stats) {
		long sum = 0;
		for (final ClassStats s : stats)
			sum += Math.round(s.population());
		if (params.compatSimple()) return (long) Math.ceil((float) sum * (float) params.popFraction());
		return new BigDecimal(sum).multiply(new BigDecimal(Double.toString(params.popFraction())))
				.setScale(0, RoundingMode.CEILING).longValueExact();
	}

	/** Fourier-index limit L = int(box · smpd / lp). */
	int lowPassLimit(final int box, final double lpA) {
		if (params.compatSimple()) return (int) ((float) box * (float) params.smpd() / (float) lpA);
		return (int) (box * params.smpd() / lpA);
	}

	private static int countAtLeast(final float[] img, final float t) {
		int c = 0;
		for (final float v : img)
			if (v >= t) c++;
		return c;
	}

	private void ensure(final int box) {
		if (box == bufBox) return;
		bufBox = box;
		work = new float[box * box];
		lp30 = new float[box * box];
		lp10 = new float[box * box];
		labels = new int[box * box];
	}

	/** The first NaN or infinite pixel, or -1 (a small method per image: the JIT compiles it early). */
	private static int firstNonFinite(final float[] img) {
		for (int i = 0; i < img.length; i++)
			if (img[i] - img[i] != 0f) return i; // NaN for NaN and ±∞; no call, fast before the loop is compiled
		return -1;
	}

	private void validate(final float[][] images, final int box, final List<ClassStats> stats) {
		final int nImg = images == null ? 0 : images.length;
		final int nStats = stats == null ? 0 : stats.size();
		if (nImg == 0)
			throw new BadInputException("Empty class-average stack: 0 class averages (the class table has " + nStats
					+ " rows)");
		if (nImg != nStats)
			throw new BadInputException("The stack has " + nImg + " class averages but the class table has " + nStats
					+ " rows");
		if (box < 2) throw new BadInputException("Box size must be at least 2 pixels, got " + box);
		if (params.compatSimple() && box % 2 != 0)
			throw new BadInputException("Box size " + box + " is odd: SIMPLE (compat mode) requires even boxes");
		for (int k = 0; k < nImg; k++) {
			final float[] img = images[k];
			if (img == null || img.length != box * box)
				throw new BadInputException("Class " + (k + 1) + ": image has " + (img == null ? 0 : img.length)
						+ " pixels, expected " + box + " × " + box);
			final int i = firstNonFinite(img);
			if (i >= 0)
				throw new BadInputException("Class " + (k + 1) + ": pixel (x " + (i % box) + ", y " + (i / box)
						+ ") is " + img[i]);
			final ClassStats s = stats.get(k);
			if (s == null) throw new BadInputException("Class " + (k + 1) + ": missing class-table row");
			if (!(s.population() >= 0) || Double.isInfinite(s.population()))
				throw new BadInputException("Class " + s.classNumber() + ": population " + s.population()
						+ " is not a non-negative number");
			if (Double.isNaN(s.resolution()))
				throw new BadInputException("Class " + s.classNumber() + ": resolution is not a number");
		}
	}
}
