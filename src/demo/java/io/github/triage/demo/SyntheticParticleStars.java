package io.github.triage.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-micrograph particle STAR files in RELION 3.1 layout ({@code data_optics} + {@code data_particles}), without
 * images: for the microchunk stream's simulated classifier, which reads none. Deterministic.
 */
public final class SyntheticParticleStars {
	private SyntheticParticleStars() {
	}

	/**
	 * Writes {@code n} micrographs {@code mic_NNN.star} of {@code perMicrograph} particles each into {@code dir};
	 * every {@code junkEvery}-th (0: none) holds junk particles (their image names say junk).
	 */
	public static void write(final Path dir, final int n, final int perMicrograph, final int junkEvery) throws IOException {
		Files.createDirectories(dir);
		for (int m = 1; m <= n; m++) {
			final boolean junk = junkEvery > 0 && m % junkEvery == 0;
			Files.writeString(dir.resolve(String.format(Locale.ROOT, "mic_%03d.star", m)),
					star(String.format(Locale.ROOT, "%s_%03d", junk ? "junk" : "mic", m), perMicrograph));
		}
	}

	/** One micrograph's STAR text: 2 Å/px, 32 px boxes, images {@code NNNNNN@Extract/<stem>.mrcs}. */
	public static String star(final String stem, final int particles) {
		final StringBuilder sb = new StringBuilder("\n# version 30001\n\ndata_optics\n\nloop_\n_rlnOpticsGroupName #1\n"
				+ "_rlnOpticsGroup #2\n_rlnMicrographOriginalPixelSize #3\n_rlnVoltage #4\n_rlnSphericalAberration #5\n"
				+ "_rlnAmplitudeContrast #6\n_rlnImagePixelSize #7\n_rlnImageSize #8\n_rlnImageDimensionality #9\n"
				+ "opticsGroup1 1 1.0 300.0 2.7 0.1 2.0 32 2\n\n\n# version 30001\n\ndata_particles\n\nloop_\n"
				+ "_rlnCoordinateX #1\n_rlnCoordinateY #2\n_rlnImageName #3\n_rlnMicrographName #4\n_rlnOpticsGroup #5\n"
				+ "_rlnDefocusU #6\n_rlnDefocusV #7\n_rlnDefocusAngle #8\n");
		for (int i = 1; i <= particles; i++)
			sb.append(String.format(Locale.ROOT, "%d %d %06d@Extract/%s.mrcs Movies/%s.mrc 1 15000 14800 12%n",
					10 * i, 20 * i, i, stem, stem));
		return sb.toString();
	}
}
