package io.github.triage.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

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
public class MicrochunkStreamCommand extends TriageCommand {
	@Parameter(label = "Project folder", style = FileWidget.DIRECTORY_STYLE,
			description = "Where the chunks, status.csv and the combined output go (created)")
	private File project;

	@Parameter(label = "Import (glob of particle STARs)",
			description = "Per-micrograph particle STAR files, e.g. /data/Extract/job012/Movies/*.star")
	private String import_glob;

	@Parameter(label = "Mask diameter (Å)", min = "0", description = "Mask diameter of the classifier and the rejection, in Å")
	private double mskdiam;

	@Parameter(label = "Pixel size (Å/px, 0 = from the class averages)", min = "0", persist = false,
			description = "0: taken from the class-average headers")
	private double smpd = 0;

	@Parameter(label = "Classifier", description = "relion, simulate (a fast fake for trying it out) or a command "
			+ "template with {particles} {out} {K} {threads} {references} {mskdiam} {smpd}")
	private String classifier = MicrochunkStage.CLASSIFIER;

	@Parameter(label = "Scheduler", choices = { "local", "slurm" }, description = "local child processes or slurm jobs")
	private String scheduler = MicrochunkStage.SCHEDULER;

	@Parameter(label = "Jobs at once", min = "1", description = "Classifier jobs running at once")
	private int max_jobs = MicrochunkStage.MAX_JOBS;

	@Parameter(label = "Threads per job", min = "1", description = "{threads} of the classifier; slurm's cpus per task")
	private int threads = MicrochunkStage.THREADS;

	@Parameter(label = "Pass-1 particles", min = "1", description = "A pass-1 chunk closes when its particles exceed this")
	private int pass1_particles = MicrochunkStage.PASS1_PARTICLES;

	@Parameter(label = "Pass-2 particles", min = "1", description = "A pass-2 chunk closes when its selected particles exceed this")
	private int pass2_particles = MicrochunkStage.PASS2_PARTICLES;

	@Parameter(label = "Reference particles", min = "1", description = "The reference is made once this many particles are selected")
	private int ref_particles = MicrochunkStage.REF_PARTICLES;

	@Parameter(label = "Classes per chunk", min = "1", description = "K of the 2D classification")
	private int classes = MicrochunkStage.CLASSES;

	@Parameter(label = "Last-import timeout", description = "After this long without a new import the leftovers are "
			+ "flushed and the stream can finish (90s, 15m, 2h)")
	private String last_import_timeout = Durations.format(MicrochunkStage.LAST_IMPORT_TIMEOUT);

	@Parameter(label = "Poll interval", description = "Pause between passes when nothing happened (90s, 15m, 2h, 500ms)")
	private String poll = Durations.format(MicrochunkStage.POLL);

	@Parameter(label = "One pass only", description = "One pass of the loop, then return (status.csv says what it did)")
	private boolean once = false;

	@Parameter(label = "Slurm partition", required = false, description = "Empty: the cluster's default")
	private String partition = "";

	@Parameter(label = "Slurm memory", required = false, description = "sbatch --mem, e.g. 16G; empty: the default")
	private String mem = "";

	@Parameter(label = "Slurm time limit", required = false, description = "sbatch --time, e.g. 4:00:00; empty: the default")
	private String time = "";

	@Parameter(label = "Use the GPU (CLIJ2): auto, on or off", choices = { "auto", "on", "off" },
			description = "For the class-average rejection (the classifier has its own)")
	private String use_gpu = "auto";

	@Parameter(type = ItemIO.OUTPUT, label = "Summary",
			description = "What the stream did: chunks per tier, particles imported and selected")
	private String summary;

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
