package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.triage.Listener;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.RejectionJob;
import io.github.triage.cavg.Tier;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Cryo-EM class-average rejection: {@code triage cavg reject}. */
@Command(name = "cavg", mixinStandardHelpOptions = true, description = "Cryo-EM class-average rejection.",
		subcommands = { CavgCli.Reject.class })
public final class CavgCli implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** SIMPLE's four criteria on one stack of class averages, with the per-chunk cleanup outputs. */
	@Command(name = "reject", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Reject class averages by population, resolution, mask geometry and local variance "
					+ "(SIMPLE's cluster2D rejector) and write the cleanup outputs into DIR:",
					"  <stem>_selected.mrc, <stem>_rejected.mrc, their JPEG contact sheets, class_states.csv, "
							+ "selection.txt, rejection.csv, particles_states.star (with --particles), REJECTION_FINISHED;",
					"  on failure only REJECTION_FAILED.",
					"A per-class CSV summary goes to stdout. Exit 2 on bad input." })
	public static final class Reject implements Callable<Integer> {
		@Option(names = "--stack", required = true, paramLabel = "S.mrc", description = "Class averages (MRC/MRCS stack).")
		Path stack;

		@Option(names = "--classes", required = true, paramLabel = "C.csv|model.star",
				description = "Class table: CSV class,pop,res; RELION model.star; or SIMPLE's exported STAR.")
		Path classes;

		@Option(names = "--mskdiam", required = true, paramLabel = "ANGSTROM", description = "Mask diameter in Å.")
		double mskdiam;

		@Option(names = "--tier", required = true, paramLabel = "p1|p2|ref|match",
				description = "Thresholds of the pass: p1, p2, ref or match.")
		String tier;

		@Option(names = "--smpd", paramLabel = "A", description = "Pixel size in Å/px (default: from the MRC header).")
		Double smpd;

		@Option(names = "--compat", paramLabel = "simple",
				description = "'simple': reproduce SIMPLE 0effd5fc exactly, quirks included.")
		String compat;

		@Option(names = "--particles", paramLabel = "P.star",
				description = "Particle STAR (_rlnClassNumber): states are propagated into DIR/particles_states.star.")
		Path particles;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
		Path out;

		@Option(names = "--use-gpu", paramLabel = "auto|on|off", defaultValue = "auto",
				description = "CLIJ2 on an OpenCL GPU: auto (if there is one), on, off. Default: ${DEFAULT-VALUE}.")
		String useGpu;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final Tier t = Tier.parse(tier);
			if (compat != null && !compat.trim().equalsIgnoreCase("simple"))
				throw new IllegalArgumentException("--compat takes only 'simple', not '" + compat + "'");
			final PrintWriter err = spec.commandLine().getErr();
			final RejectionJob.Settings settings = new RejectionJob.Settings(t, mskdiam,
					smpd != null ? smpd : Double.NaN, compat != null);
			final RejectionJob.Outcome outcome;
			try (ImageOps ops = ImageOpsFactory.create(GpuMode.parse(useGpu), m -> log(err, m))) {
				outcome = RejectionJob.runFiles(stack, classes, particles, settings, ops, out, Listener.NONE,
						m -> log(err, m));
			}
			final PrintWriter o = spec.commandLine().getOut();
			o.print(summaryCsv(outcome.decisions()));
			o.flush();
			final var w = outcome.written();
			log(err, "kept " + w.kept() + " of " + outcome.decisions().size() + " classes"
					+ (w.particles() != null ? ", " + w.particles().selected() + " of " + w.particles().states().length
							+ " particles selected" : "")
					+ "; outputs in " + out);
			return 0;
		}

		private static void log(final PrintWriter err, final String m) {
			err.println("triage cavg: " + m);
			err.flush();
		}
	}

	/** The stdout summary: the flags of rejection.csv and the reason, one row per class. */
	static String summaryCsv(final List<ClassDecision> decisions) {
		final StringBuilder sb = new StringBuilder("class,state,population,resolution,mask,local_variance,reason\n");
		for (final ClassDecision d : decisions)
			sb.append(d.classNumber()).append(',').append(d.state()).append(',').append(d.populationRejects())
					.append(',').append(d.resolutionRejects()).append(',').append(d.maskRejects()).append(',')
					.append(d.localVarianceRejects()).append(",\"").append(d.reason().replace("\"", "\"\""))
					.append("\"\n");
		return sb.toString();
	}
}
