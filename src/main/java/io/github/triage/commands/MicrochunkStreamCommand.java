package io.github.triage.commands;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.triage.BadInputException;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.stream.Durations;
import io.github.triage.stage.stream.MicrochunkStage;

/**
 * Plugins > Triage > Class averages > Microchunk stream: {@code triage microchunk run} in Fiji, with progress on the
 * status bar and cancel (the stream stops between steps; run it again to carry on where it stopped). Parameters and
 * defaults as the CLI's. Macro:
 * {@code run("Microchunk stream", "project=/d/stream import_glob=[/d/Extract/job012/Movies/*.star] mskdiam=150");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Class averages>Microchunk stream",
		label = "Microchunk stream", description = "Stream particle STARs through 2D classification and class-average rejection")
public class MicrochunkStreamCommand extends MicrochunkStreamFields {
	@Override
	protected void execute() throws Exception {
		final Path dir = required(project, "project folder", "project");
		final MicrochunkStage.Options o = options(dir);
		final MicrochunkStage.Result r;
		try (ImageOps ops = ops(use_gpu)) {
			r = new MicrochunkStage().run(o, ops, listener());
		}
		catch (final CancellationException e) {
			summary = "cancelled; run it again to carry on where it stopped (" + dir + ")";
			log.info("Triage: " + summary);
			return;
		}
		summary = String.format(Locale.ROOT, "%s; chunks %s; %d particles imported, %d accepted, %d rejected%s",
				r.finished() ? "finished" : r.blocked() != null ? "cannot finish: " + r.blocked() : "one pass done",
				r.chunks(), r.imported(), r.accepted(), r.rejected(), r.finished()
						? "; combined output " + MicrochunkStage.combined(dir) : "");
		log.info("Triage: " + summary);
		if (r.blocked() != null && !o.once()) throw new BadInputException("the stream cannot finish: " + r.blocked());
	}

	MicrochunkStage.Options options(final Path dir) {
		final MicrochunkStage.Options o;
		try {
			o = MicrochunkStage.Options.defaults(dir, import_glob, mskdiam).withClassifier(classifier)
					.withSmpd(smpd > 0 ? smpd : Double.NaN).withScheduler(scheduler, max_jobs, threads)
					.withCaps(pass1_particles, pass2_particles, ref_particles, classes)
					.withTiming(Durations.parse(last_import_timeout), Durations.parse(poll), once)
					.withSlurm(blankToNull(partition), blankToNull(mem), blankToNull(time));
		}
		catch (final IllegalArgumentException e) {
			throw new BadInputException(e.getMessage());
		}
		return o;
	}

	private static String blankToNull(final String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
