package io.github.triage.ops;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * CPU kernels of the class-average rejector (SIMPLE's cluster2D_rejector): edge normalisation, the raised-cosine
 * Fourier low-pass, Otsu, 8-connected components (by {@link CavgRunLabeller}) and local variance by summed-area
 * tables. Work buffers and FFT plans are kept per box size, so a stack costs no allocation per class. Not
 * thread-safe.
 */
final class CavgCpuKernels implements CavgKernels {
	private int box = -1;
	private FloatFFT_1D fft;
	private float[] row, spec, col, twin;
	private float[][] lowRows; // per filter: box rows × (kmax+1) complex, the column-inverted spectrum
	private final CavgPrunedLowPass pruned = new CavgPrunedLowPass();


	// ---- raised-cosine low-pass --------------------------------------------------------------------------

	/** Weight of Fourier radius f (index units) for limit L and edge width e; see CavgKernels#lowPass. */
	static double weight(final double f, final int limit, final int edge) {
		final double lo = limit - edge;
		if (f < lo) return 1;
		if (f > limit) return 0;
		return (Math.cos((f - lo) / edge * Math.PI) + 1) / 2;
	}

	private void ensure(final int n) {
		if (n == box) return;
		box = n;
		fft = new FloatFFT_1D(n);
		row = new float[2 * n];
		twin = new float[2 * n];
		col = new float[2 * n];
	}

	/**
	 * Narrow bands (every limit under a quarter of the box) go to {@link CavgPrunedLowPass}. Otherwise FFTs:
	 * the low-pass is separable in its support: only |h|, |k| &lt;= L carry weight, so the forward transform needs
	 * all row FFTs but only the columns k = 0..L, and the inverse the same columns plus all rows. Two rows share
	 * one complex FFT (real input), and the two filtered outputs share each inverse row FFT (real outputs).
	 */
	@Override
	public void lowPass(final float[] img, final int n, final int[] limits, final int edge, final float[][] out) {
		ensure(n);
		final int half = n / 2;
		int kmax = 0;
		for (final int l : limits)
			kmax = Math.max(kmax, Math.min(Math.max(l, 0), half));
		if (CavgPrunedLowPass.applies(n, kmax)) {
			pruned.lowPass(img, n, limits, edge, kmax, out);
			return;
		}
		final int kc = kmax + 1; // columns k = 0..kmax of the half spectrum
		if (spec == null || spec.length < 2 * n * kc) spec = new float[2 * n * kc];
		// spec[(y*kc + k)*2 + {0,1}]: row spectra R_y(k)
		for (int y = 0; y < n; y += 2) {
			final boolean pair = y + 1 < n;
			for (int x = 0; x < n; x++) {
				row[2 * x] = img[y * n + x];
				row[2 * x + 1] = pair ? img[(y + 1) * n + x] : 0f;
			}
			fft.complexForward(row);
			for (int k = 0; k < kc; k++) {
				final int m = (n - k) % n;
				final float zr = row[2 * k], zi = row[2 * k + 1], cr = row[2 * m], ci = -row[2 * m + 1];
				// Z = A + iB with A, B real: A(k) = (Z(k) + conj Z(-k)) / 2, B(k) = (Z(k) - conj Z(-k)) / 2i
				final int a = (y * kc + k) * 2;
				spec[a] = (zr + cr) / 2;
				spec[a + 1] = (zi + ci) / 2;
				if (pair) {
					final int b = ((y + 1) * kc + k) * 2;
					spec[b] = (zi - ci) / 2;
					spec[b + 1] = -(zr - cr) / 2;
				}
			}
		}
		// columns: forward along y for k = 0..kmax, in place
		for (int k = 0; k < kc; k++) {
			for (int y = 0; y < n; y++) {
				col[2 * y] = spec[(y * kc + k) * 2];
				col[2 * y + 1] = spec[(y * kc + k) * 2 + 1];
			}
			fft.complexForward(col);
			for (int y = 0; y < n; y++) {
				spec[(y * kc + k) * 2] = col[2 * y];
				spec[(y * kc + k) * 2 + 1] = col[2 * y + 1];
			}
		}
		if (lowRows == null || lowRows.length < limits.length || lowRows[0].length < 2 * n * kc) {
			lowRows = new float[Math.max(2, limits.length)][2 * n * kc];
		}
		for (int j = 0; j < limits.length; j++) {
			final float[] g = lowRows[j];
			final int lj = Math.min(Math.max(limits[j], 0), half);
			for (int k = 0; k <= kmax; k++) {
				if (k > lj) {
					for (int y = 0; y < n; y++)
						g[(y * kc + k) * 2] = g[(y * kc + k) * 2 + 1] = 0f;
					continue;
				}
				for (int h = 0; h < n; h++) {
					final int hs = h <= half ? h : h - n; // signed frequency
					final float wgt = (float) weight(Math.sqrt((double) hs * hs + (double) k * k), limits[j], edge);
					col[2 * h] = spec[(h * kc + k) * 2] * wgt;
					col[2 * h + 1] = spec[(h * kc + k) * 2 + 1] * wgt;
				}
				fft.complexInverse(col, true);
				for (int y = 0; y < n; y++) {
					g[(y * kc + k) * 2] = col[2 * y];
					g[(y * kc + k) * 2 + 1] = col[2 * y + 1];
				}
			}
		}
		// rows: Hermitian row spectra of two outputs at a time → one complex inverse gives both real rows
		for (int j = 0; j < limits.length; j += 2) {
			final boolean two = j + 1 < limits.length;
			final float[] g1 = lowRows[j], g2 = two ? lowRows[j + 1] : null;
			for (int y = 0; y < n; y++) {
				Arrays.fill(twin, 0f);
				for (int k = 0; k <= kmax; k++) {
					final float ar = g1[(y * kc + k) * 2], ai = g1[(y * kc + k) * 2 + 1];
					final float br = two ? g2[(y * kc + k) * 2] : 0f, bi = two ? g2[(y * kc + k) * 2 + 1] : 0f;
					// S = A + iB at k; at -k: conj(A) + i conj(B)
					twin[2 * k] = ar - bi;
					twin[2 * k + 1] = ai + br;
					if (k > 0 && 2 * k != n) {
						final int m = n - k;
						twin[2 * m] = ar + bi;
						twin[2 * m + 1] = -ai + br;
					}
				}
				fft.complexInverse(twin, true);
				final float[] o1 = out[j], o2 = two ? out[j + 1] : null;
				for (int x = 0; x < n; x++) {
					o1[y * n + x] = twin[2 * x];
					if (two) o2[y * n + x] = twin[2 * x + 1];
				}
			}
		}
	}

	// ---- Otsu --------------------------------------------------------------------------------------------

	private final long[] hist = new long[CavgOtsu.BINS];
	private final int[] hist4 = new int[4 * CavgOtsu.BINS];

	@Override
	public float otsuThreshold(final float[] img) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : img) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (!(max > min)) return min; // constant image: every pixel foreground, as in SIMPLE
		final CavgOtsu.Binning b = CavgOtsu.binning(min, max);
		// four interleaved histograms: neighbouring pixels of a smooth image share a level, and increments of one
		// counter in a row wait on each other
		Arrays.fill(hist4, 0);
		final float sc = b.sc(), off = b.off(), rdx = 1f / b.dx();
		final int n = img.length, n4 = n & ~3;
		for (int i = 0; i < n4; i += 4) {
			hist4[level(b, img[i], sc, off, rdx) << 2]++;
			hist4[(level(b, img[i + 1], sc, off, rdx) << 2) | 1]++;
			hist4[(level(b, img[i + 2], sc, off, rdx) << 2) | 2]++;
			hist4[(level(b, img[i + 3], sc, off, rdx) << 2) | 3]++;
		}
		for (int i = n4; i < n; i++)
			hist4[level(b, img[i], sc, off, rdx) << 2]++;
		for (int k = 0; k < CavgOtsu.BINS; k++)
			hist[k] = hist4[k << 2] + hist4[(k << 2) | 1] + hist4[(k << 2) | 2] + hist4[(k << 2) | 3];
		return b.threshold(CavgOtsu.searchT(hist));
	}

	/**
	 * {@link CavgOtsu.Binning#level}, exactly, without its division on nearly every pixel: x·(1/dx) is within
	 * 1e-4 of x/dx (both under 256, a few ulps apart), so where x·(1/dx) + 0.5 lies more than 1e-3 from an
	 * integer, both round to the same level; the rest (about 0.2 % of pixels, and NaN) take the exact path.
	 */
	static int level(final CavgOtsu.Binning b, final float v, final float sc, final float off, final float rdx) {
		final float t = (sc * v - off) * rdx + 0.5f;
		final int q = (int) t;
		final float fr = t - q;
		if (fr > 1e-3f && fr < 0.999f) return q > CavgOtsu.BINS - 1 ? CavgOtsu.BINS - 1 : q;
		return b.level(v);
	}

	// ---- 8-connected components --------------------------------------------------------------------------

	private final CavgRunLabeller labeller = new CavgRunLabeller();

	/** Labels numbered by first pixel in raster order (as a flood fill in raster order numbers them); see CavgRunLabeller. */
	@Override
	public int labelComponents(final float[] img, final int w, final int h, final float thr, final int[] labels) {
		return labeller.label(img, w, h, thr, labels);
	}

	// ---- local variance ----------------------------------------------------------------------------------

	/**
	 * Window sums by sliding: per-column sums over the window's rows, updated row by row, then a running sum across
	 * the columns; double precision, as SIMPLE's summed-area tables, in O(1) per pixel and O(width) memory.
	 */
	@Override
	public void localVarianceMeans(final float[] img, final int w, final int h, final float thr, final int r,
			final double[] inOut) {
		if (colS == null || colS.length < w) {
			colS = new double[w];
			colSS = new double[w];
		}
		Arrays.fill(colS, 0, w, 0);
		Arrays.fill(colSS, 0, w, 0);
		for (int yy = 0; yy < Math.min(r, h); yy++)
			addRow(img, w, yy, 1);
		final int nMax = (2 * r + 1) * (2 * r + 1);
		if (inv == null || inv.length <= nMax || invR != r) {
			invR = r;
			inv = new double[nMax + 1];
			invM1 = new double[nMax + 1];
			for (int n = 2; n <= nMax; n++) {
				inv[n] = 1.0 / n;
				invM1[n] = 1.0 / (n - 1);
			}
		}
		double sumIn = 0, sumOut = 0;
		int nIn = 0;
		for (int y = 0; y < h; y++) {
			if (y + r < h) addRow(img, w, y + r, 1);
			if (y - r - 1 >= 0) addRow(img, w, y - r - 1, -1);
			final int ny = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
			double s = 0, s2 = 0;
			for (int xx = 0; xx < Math.min(r, w); xx++) {
				s += colS[xx];
				s2 += colSS[xx];
			}
			// the same sums in the same order as one loop with bounds tests, split so the middle runs without them;
			// adding 0 to the other side's sum leaves it unchanged, so the in/out choice needs no branch
			final int o = y * w, mid0 = Math.min(r + 1, w), mid1 = Math.max(mid0, w - r);
			for (int x = 0; x < mid0; x++) {
				if (x + r < w) {
					s += colS[x + r];
					s2 += colSS[x + r];
				}
				final int n = ny * (Math.min(w - 1, x + r) + 1);
				final double var = n > 1 ? Math.max(0, (s2 - s * s * inv[n]) * invM1[n]) : 0;
				final boolean in = img[o + x] >= thr;
				sumIn += in ? var : 0;
				sumOut += in ? 0 : var;
				nIn += in ? 1 : 0;
			}
			final int nMid = ny * (2 * r + 1);
			final double invMid = inv[nMid], invM1Mid = invM1[nMid];
			for (int x = mid0; x < mid1; x++) {
				s += colS[x + r];
				s2 += colSS[x + r];
				s -= colS[x - r - 1];
				s2 -= colSS[x - r - 1];
				final double var = nMid > 1 ? Math.max(0, (s2 - s * s * invMid) * invM1Mid) : 0;
				final boolean in = img[o + x] >= thr;
				sumIn += in ? var : 0;
				sumOut += in ? 0 : var;
				nIn += in ? 1 : 0;
			}
			for (int x = mid1; x < w; x++) {
				if (x + r < w) {
					s += colS[x + r];
					s2 += colSS[x + r];
				}
				if (x - r - 1 >= 0) {
					s -= colS[x - r - 1];
					s2 -= colSS[x - r - 1];
				}
				final int n = ny * (Math.min(w - 1, x + r) - Math.max(0, x - r) + 1);
				final double var = n > 1 ? Math.max(0, (s2 - s * s * inv[n]) * invM1[n]) : 0;
				final boolean in = img[o + x] >= thr;
				sumIn += in ? var : 0;
				sumOut += in ? 0 : var;
				nIn += in ? 1 : 0;
			}
		}
		final int nOut = w * h - nIn;
		inOut[0] = nIn > 0 ? sumIn / nIn : 0;
		inOut[1] = nOut > 0 ? sumOut / nOut : 0;
	}

	private double[] colS, colSS, inv, invM1;
	private int invR = -1;

	private void addRow(final float[] img, final int w, final int y, final int sign) {
		final int o = y * w;
		for (int x = 0; x < w; x++) {
			final double v = img[o + x];
			colS[x] += sign * v;
			colSS[x] += sign * v * v;
		}
	}
}
