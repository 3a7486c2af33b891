package io.github.triage.ops;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * The raised-cosine low-pass of {@link CavgCpuKernels} for narrow bands (every limit below a quarter of the box):
 * only frequencies |h|, |k| &lt;= K = max limit carry weight, so the transform is pruned to them. Stages, image [y][x]:
 * <ol>
 * <li>forward along y for h = 0..K only (real input: the other half is the conjugate), as products with cosine and
 * sine tables; rows y and n - y share their products (X(y) ± X(n - y)), which halves them;</li>
 * <li>forward along x: one complex FFT per row h, keeping k = -K..K;</li>
 * <li>weight, then inverse along x for h = 0..L of each output, from G(k) ± G(-k), as table products;</li>
 * <li>inverse along y to the real output, from B(-h) = conj B(h); the cosine part is even in y and the sine part
 * odd, so one pass gives rows y and n - y.</li>
 * </ol>
 * The table products are long loops over a contiguous axis of row arrays, one array written per loop, which C2
 * turns into SIMD code. For a 200 box with K = 30 this takes about 0.55 of the time of the all-FFT path (373 FFTs
 * of 200 points). Float arithmetic; against a double-precision transform its error is no larger than the FFT
 * path's (measured), but it rounds differently, so values agree with that path to ~1e-6 of their range, not to
 * the bit. Work buffers and tables are reused per (box, limits, edge). Not thread-safe.
 */
final class CavgPrunedLowPass {
	private int n = -1, kmax = -1, edge = Integer.MIN_VALUE;
	private int[] limits = new int[0];
	private float[][] cs, sn; // cs[k][m] = cos(2π k m / n), k = 0..K
	private float[][] cs4, sn4; // stage-4 tables with the 1/n² scale and the factor 2 of the h != 0 pairs folded in
	private float[][] wgt; // per output: weight at (h = 0..L, k = -L..L), [h][k + L]
	private float[][] sum, dif; // stage 1: X(y) ± X(n - y), y = 1..m; row 0 also a scratch row for stage 4
	private float[][] pr, pi; // stage 1 out: [h][x]
	private float[][] fr, fi; // stage 2 out: [h][k + K]
	private float[][] spr, spi, smr, smi; // per output: G(k) ± G(-k), [h][k], k = 0..L
	private float[][] tr, ti; // stage 3 out: [h][x]
	private FloatFFT_1D fft;
	private float[] line; // one complex row, interleaved

	/** Whether the pruned transforms apply: the band keeps clear of Nyquist with room to spare. */
	static boolean applies(final int n, final int kmax) {
		return n >= 8 && 4 * kmax < n;
	}

	void lowPass(final float[] img, final int n, final int[] limits, final int edge, final int kmax,
			final float[][] out) {
		prepare(n, limits, edge, kmax);
		final int kc = kmax + 1, m = (n - 1) / 2; // rows y = 1..m pair with n - y; y = n/2 stands alone for even n
		// One small method per row of each stage, not one method with every loop: the JIT compiles small methods
		// called per row early and cheaply, where one large method (its loops inlined, 43 kB of code) took its
		// optimising compiler longer than a hundred classes' work, and ran slow code meanwhile.
		// stage 1: P(h, x) = Σ_y X(y, x) e^{-2πi h y / n}, h = 0..K. With cos(h(n-y)) = cos(hy) and sin(h(n-y)) =
		// -sin(hy), the real part needs X(y) + X(n-y) and the imaginary part X(y) - X(n-y): half the products
		for (int y = 1; y <= m; y++)
			sumDiff(img, y * n, (n - y) * n, sum[y], dif[y], n);
		System.arraycopy(img, 0, sum[0], 0, n);
		if (n % 2 == 0) System.arraycopy(img, n / 2 * n, dif[0], 0, n);
		for (int h = 0; h < kc; h++)
			forwardY(h, m, n);
		// stage 2: F(h, k) = Σ_x P(h, x) e^{-2πi k x / n}, one complex FFT per row h, keeping k = -K..K
		for (int h = 0; h < kc; h++)
			forwardX(h, n, kmax);
		for (int j = 0; j < limits.length; j++) {
			final int lj = Math.min(Math.max(limits[j], 0), n / 2);
			fold(wgt[j], lj, kmax);
			// stage 3: B(h, x) = Σ_k G(h, k) e^{2πi k x / n} = Σ_{k>=0} cos·(G(k) + G(-k)) + i sin·(G(k) - G(-k))
			for (int h = 0; h <= lj; h++)
				inverseX(h, lj, n);
			// stage 4: Y(y, x) = Re B(0, x) + 2 Σ_{h>0} Re(B(h, x) e^{2πi h y / n}), scaled by 1/n². The cosine part
			// E is even in y and the sine part O odd, so rows y and n - y are E + O and E - O
			for (int y = 0; y <= n / 2; y++)
				inverseY(y, lj, n, out[j]);
		}
	}

	/** Stage 1, row h: pr[h], pi[h] from the row sums and differences. */
	private void forwardY(final int h, final int m, final int n) {
		final float[] row0 = sum[0], rowH = dif[0];
		final float[] c = cs[h], s = sn[h], r = pr[h], i = pi[h];
		if (n % 2 == 0) scale2(r, row0, rowH, c[n / 2], n);
		else System.arraycopy(row0, 0, r, 0, n);
		Arrays.fill(i, 0f);
		int y = 1;
		for (; y + 3 <= m; y += 4) {
			acc4(r, sum[y], sum[y + 1], sum[y + 2], sum[y + 3], c[y], c[y + 1], c[y + 2], c[y + 3], n);
			acc4(i, dif[y], dif[y + 1], dif[y + 2], dif[y + 3], -s[y], -s[y + 1], -s[y + 2], -s[y + 3], n);
		}
		for (; y <= m; y++) {
			acc4(r, sum[y], sum[y], sum[y], sum[y], c[y], 0f, 0f, 0f, n);
			acc4(i, dif[y], dif[y], dif[y], dif[y], -s[y], 0f, 0f, 0f, n);
		}
	}

	/** Stage 2, row h: fr[h], fi[h] at k = -K..K. */
	private void forwardX(final int h, final int n, final int kmax) {
		final float[] r = pr[h], i = pi[h];
		for (int x = 0; x < n; x++) {
			line[2 * x] = r[x];
			line[2 * x + 1] = i[x];
		}
		fft.complexForward(line);
		for (int k = -kmax; k <= kmax; k++) {
			final int mk = k < 0 ? k + n : k;
			fr[h][k + kmax] = line[2 * mk];
			fi[h][k + kmax] = line[2 * mk + 1];
		}
	}

	/** The weights, folded into the sums G(k) + G(-k) and G(k) - G(-k) the cosine and sine parts of stage 3 use. */
	private void fold(final float[] w, final int lj, final int kmax) {
		final int ww = 2 * lj + 1;
		for (int h = 0; h <= lj; h++) {
			final float[] fhr = fr[h], fhi = fi[h];
			for (int k = 0; k <= lj; k++) {
				final float wp = w[h * ww + lj + k], wm = w[h * ww + lj - k];
				final float gpr = fhr[kmax + k] * wp, gpi = fhi[kmax + k] * wp;
				if (k == 0) {
					spr[h][k] = gpr;
					spi[h][k] = gpi;
					smr[h][k] = smi[h][k] = 0f;
					continue;
				}
				final float gmr = fhr[kmax - k] * wm, gmi = fhi[kmax - k] * wm;
				spr[h][k] = gpr + gmr;
				spi[h][k] = gpi + gmi;
				smr[h][k] = gpr - gmr;
				smi[h][k] = gpi - gmi;
			}
		}
	}

	/** Stage 3, row h: tr[h], ti[h]. */
	private void inverseX(final int h, final int lj, final int n) {
		final float[] r = tr[h], i = ti[h], ar = spr[h], ai = spi[h], mr = smr[h], mi = smi[h];
		Arrays.fill(r, 0f);
		Arrays.fill(i, 0f);
		int k = 0;
		for (; k + 1 <= lj; k += 2) {
			acc4(r, cs[k], sn[k], cs[k + 1], sn[k + 1], ar[k], -mi[k], ar[k + 1], -mi[k + 1], n);
			acc4(i, cs[k], sn[k], cs[k + 1], sn[k + 1], ai[k], mr[k], ai[k + 1], mr[k + 1], n);
		}
		for (; k <= lj; k++) {
			acc4(r, cs[k], sn[k], cs[k], sn[k], ar[k], -mi[k], 0f, 0f, n);
			acc4(i, cs[k], sn[k], cs[k], sn[k], ai[k], mr[k], 0f, 0f, n);
		}
	}

	/** Stage 4, rows y and n - y of the output. */
	private void inverseY(final int y, final int lj, final int n, final float[] o) {
		final float[] e = sum[0], od = dif[0];
		scale2(e, tr[0], tr[0], cs4[0][y], 0f, n);
		Arrays.fill(od, 0f);
		int h = 1;
		for (; h + 3 <= lj; h += 4) {
			acc4(e, tr[h], tr[h + 1], tr[h + 2], tr[h + 3], cs4[h][y], cs4[h + 1][y], cs4[h + 2][y], cs4[h + 3][y],
					n);
			acc4(od, ti[h], ti[h + 1], ti[h + 2], ti[h + 3], -sn4[h][y], -sn4[h + 1][y], -sn4[h + 2][y],
					-sn4[h + 3][y], n);
		}
		for (; h <= lj; h++) {
			acc4(e, tr[h], tr[h], tr[h], tr[h], cs4[h][y], 0f, 0f, 0f, n);
			acc4(od, ti[h], ti[h], ti[h], ti[h], -sn4[h][y], 0f, 0f, 0f, n);
		}
		sumDiff(e, od, o, y * n, n);
		if (y != 0 && n - y != y) diffTo(e, od, o, (n - y) * n, n);
	}

	// Loops from index 0 over distinct arrays, one array written per loop: the shape the JIT (C2, Java 17) vectorises.

	private static void sumDiff(final float[] img, final int a, final int b, final float[] sum, final float[] dif,
			final int len) {
		for (int x = 0; x < len; x++)
			sum[x] = img[a + x] + img[b + x];
		for (int x = 0; x < len; x++)
			dif[x] = img[a + x] - img[b + x];
	}

	/** out[o + x] = e[x] + od[x]. */
	private static void sumDiff(final float[] e, final float[] od, final float[] out, final int o, final int len) {
		for (int x = 0; x < len; x++)
			out[o + x] = e[x] + od[x];
	}

	private static void diffTo(final float[] e, final float[] od, final float[] out, final int o, final int len) {
		for (int x = 0; x < len; x++)
			out[o + x] = e[x] - od[x];
	}

	/** dst = a + c·b. */
	private static void scale2(final float[] dst, final float[] a, final float[] b, final float c, final int len) {
		for (int x = 0; x < len; x++)
			dst[x] = a[x] + c * b[x];
	}

	/** dst = c·a + d·b. */
	private static void scale2(final float[] dst, final float[] a, final float[] b, final float c, final float d,
			final int len) {
		for (int x = 0; x < len; x++)
			dst[x] = c * a[x] + d * b[x];
	}

	/** dst += c0·a + c1·b + c2·c + c3·d. */
	private static void acc4(final float[] dst, final float[] a, final float[] b, final float[] c, final float[] d,
			final float c0, final float c1, final float c2, final float c3, final int len) {
		for (int x = 0; x < len; x++)
			dst[x] += c0 * a[x] + c1 * b[x] + c2 * c[x] + c3 * d[x];
	}

	private void prepare(final int n, final int[] limits, final int edge, final int kmax) {
		if (n == this.n && kmax == this.kmax && edge == this.edge && Arrays.equals(limits, this.limits)) return;
		final int kc = kmax + 1, half = (n - 1) / 2;
		if (n != this.n || kmax != this.kmax) {
			cs = new float[kc][n];
			sn = new float[kc][n];
			cs4 = new float[kc][n];
			sn4 = new float[kc][n];
			for (int k = 0; k < kc; k++)
				for (int m = 0; m < n; m++) {
					final double a = 2 * Math.PI * (int) ((long) k * m % n) / n;
					cs[k][m] = (float) Math.cos(a);
					sn[k][m] = (float) Math.sin(a);
					final double scale = (k == 0 ? 1.0 : 2.0) / ((double) n * n);
					cs4[k][m] = (float) (scale * Math.cos(a));
					sn4[k][m] = (float) (scale * Math.sin(a));
				}
			sum = new float[half + 1][n];
			dif = new float[half + 1][n];
			pr = new float[kc][n];
			pi = new float[kc][n];
			fr = new float[kc][2 * kmax + 1];
			fi = new float[kc][2 * kmax + 1];
			spr = new float[kc][kc];
			spi = new float[kc][kc];
			smr = new float[kc][kc];
			smi = new float[kc][kc];
			fft = new FloatFFT_1D(n);
			line = new float[2 * n];
			tr = new float[kc][n];
			ti = new float[kc][n];
		}
		// the weights as the FFT path computes them: (float) weight(radius) at signed frequencies
		wgt = new float[limits.length][];
		for (int j = 0; j < limits.length; j++) {
			final int lj = Math.min(Math.max(limits[j], 0), n / 2), ww = 2 * lj + 1;
			wgt[j] = new float[(lj + 1) * ww];
			for (int h = 0; h <= lj; h++)
				for (int k = -lj; k <= lj; k++)
					wgt[j][h * ww + k + lj] = (float) CavgCpuKernels.weight(Math.sqrt((double) h * h + (double) k * k),
							limits[j], edge);
		}
		this.n = n;
		this.kmax = kmax;
		this.edge = edge;
		this.limits = limits.clone();
	}
}
