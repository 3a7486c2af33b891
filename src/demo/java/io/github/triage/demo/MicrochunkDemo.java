package io.github.triage.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.github.triage.Listener;
import io.github.triage.io.StarFile;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.stream.MicrochunkStage;

/**
 * Demo of the microchunk stream: 240 synthetic particles in 12 per-micrograph STARs (every fourth micrograph junk)
 * streamed with the built-in simulated classifier and small caps through pass-1, pass-2, reference and match chunks
 * to the finished state, the project under {@code project/}.
 */
public final class MicrochunkDemo implements DemoStage {
	static final int MICROGRAPHS = 12, PER_MICROGRAPH = 20, JUNK_EVERY = 4;

	@Override
	public String name() {
		return "microchunk";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final Path imports = dir.resolve("imports"), project = dir.resolve("project");
		SyntheticParticleStars.write(imports, MICROGRAPHS, PER_MICROGRAPH, JUNK_EVERY);
		log.println("microchunk: wrote " + MICROGRAPHS + " particle STARs of " + PER_MICROGRAPH + " particles to "
				+ imports + " (every " + JUNK_EVERY + "th junk)");
		final MicrochunkStage.Options o = MicrochunkStage.Options
				.defaults(project, imports.resolve("*.star").toString(), 50).withClassifier("simulate")
				.withCaps(100, 150, 150, 8).withTiming(Duration.ZERO, Duration.ofMillis(5), false);
		final MicrochunkStage.Result r;
		try (ImageOps ops = new CpuImageOps()) {
			r = new MicrochunkStage().run(o, ops, new Listener() {
				@Override
				public void info(final String m) {
					log.println("microchunk: " + m);
				}

				@Override
				public void warning(final String m) {
					log.println("microchunk: warning: " + m);
				}
			});
		}
		log.flush();
		int junk = 0, kept = 0;
		if (r.finished()) {
			final StarFile combined = StarFile.read(MicrochunkStage.combined(project));
			final StarFile.Loop loop = combined.loopWith("_rlnImageName");
			kept = loop.rowCount();
			for (int i = 0; i < kept; i++)
				if (loop.value(i, loop.column("_rlnImageName")).contains("junk")) junk++;
		}
		return String.format(Locale.ROOT, "%s: %d particles imported; chunks %s; %d particles in "
				+ "project/microchunks_match_combined.star, %d of them junk; every chunk in project/status.csv%n"
				+ "  simulated classifier, caps 100/150/150 particles, 8 classes%n"
				+ "  on your own data: triage microchunk run PROJECT --import 'Extract/job012/Movies/*.star' "
				+ "--mskdiam 150 (RELION's relion_refine by default; see triage microchunk run --help)%n",
				r.finished() ? "finished" : "not finished (" + r.blocked() + ")", r.imported(), r.chunks(), kept, junk);
	}
}
