package io.github.triage.cli;

import java.nio.file.Path;

import io.github.triage.BadInputException;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.Tier;
import io.github.triage.io.CsvTables;
import io.github.triage.stage.cavg.RejectStage;
import picocli.CommandLine.Command;

/** Cryo-EM class-average rejection: {@code triage cavg reject}. */
@Command(name = "cavg", mixinStandardHelpOptions = true,
		description = "Cryo-EM class-average rejection and its review by hand.",
		subcommands = { CavgCli.Reject.class, CavgCli.OverrideClasses.class })
public final class CavgCli extends CommandGroup {
	/** SIMPLE's four criteria on one stack of class averages, with the per-chunk cleanup outputs. */
	@Command(name = "reject", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Reject class averages by population, resolution, mask geometry and local variance "
					+ "(SIMPLE's cluster2D rejector) and write the cleanup outputs into the output folder:",
					"  <stem>_selected.mrcs, <stem>_rejected.mrcs with a STAR table and a JPEG contact sheet each (none for an "
							+ "empty set), class_states.csv, selection.txt, rejection.csv, particles_selected.star and "
							+ "particles_states.star (with --particles), REJECTION_FINISHED;",
					"  outputs of an earlier run that this run does not write are removed.",
					"  on failure only REJECTION_FAILED.",
					"A per-class CSV summary goes to stdout. Exit 2 on bad input." })
	public static final class Reject extends CavgRejectFields {
		/** The stage's options for these arguments. */
		RejectStage.Options options() {
			if (compat != null && !compat.trim().equalsIgnoreCase("simple"))
				throw new IllegalArgumentException("--compat takes only 'simple', not '" + compat + "'");
			// NaN would otherwise mean "from the header" (RejectStage.Options.PIXEL_SIZE_FROM_STACK)
			if (smpd != null && !(smpd > 0 && Double.isFinite(smpd)))
				throw new BadInputException("--smpd must be a positive number of Å/px, got " + smpd);
			return RejectStage.Options.of(RejectStage.StackInput.file(stack), classes, mskdiam, Tier.parse(tier), output)
					.withParticles(particles)
					.withPixelSize(smpd != null ? smpd : RejectStage.Options.PIXEL_SIZE_FROM_STACK)
					.withCompat(compat != null)
					.withThreads(threads.count());
		}

		@Override
		void execute() throws Exception {
			final RejectStage.Options options = options();
			final CliListener listener = quietListener();
			final RejectStage.Result r;
			try {
				r = gpu.run(listener, ops -> new RejectStage().run(options, ops, listener));
			}
			catch (final BadInputException e) {
				if (RejectStage.needsPixelSize(e)) throw new BadInputException(e.getMessage() + " with --smpd", e);
				throw e;
			}
			print(CsvTables.format(CleanupOutputs.SUMMARY_HEADER, CleanupOutputs.summaryRows(r.decisions())));
			listener.info("kept " + r.kept() + " of " + r.decisions().size() + " classes"
					+ (r.particles() != null ? ", " + r.particles().selected() + " of " + r.particles().states().length
							+ " particles selected" : "")
					+ "; outputs in " + output);
		}
	}

	/** A person's keep/reject on a finished rejection folder: {@code triage cavg override DIR --keep 3,5}. */
	@Command(name = "override", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Keep or reject classes of a finished rejection folder by hand: the folder is rewritten as if "
					+ "the rejection had decided so (stacks, contact sheets, class_states.csv, selection.txt, particle "
					+ "outputs), and each decision is recorded in rejection.csv (decided_by manual, the note, the date).",
					"A later 'cavg reject' into the same folder keeps manual decisions. Exit 2 on bad input." })
	public static final class OverrideClasses extends CavgOverrideClassesFields {
		@picocli.CommandLine.Parameters(index = "0", paramLabel = "DIR",
				description = "Output folder of 'cavg reject' (with REJECTION_FINISHED).")
		Path folder;

		io.github.triage.stage.cavg.OverrideStage.Options options() {
			return io.github.triage.stage.cavg.OverrideStage.Options.of(folder, keep, reject).withNote(note)
					.withParticles(particles);
		}

		@Override
		void execute() throws Exception {
			final CliListener listener = quietListener();
			final io.github.triage.stage.cavg.OverrideStage.Result r = new io.github.triage.stage.cavg.OverrideStage()
					.run(options(), null, listener);
			listener.info(r.applied().size() + " manual decision(s) recorded in " + folder.resolve(
					CleanupOutputs.REJECTION_CSV) + "; kept " + r.written().kept() + " of " + r.states().length
					+ " classes");
		}
	}
}
