package io.github.triage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

import io.github.triage.Listener;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.SelectStage;
import io.github.triage.stage.slice.StampStage;
import picocli.CommandLine.Command;

/**
 * {@code triage slice-config ...}: create, stamp, merge and filter slice_config.csv. Every subcommand maps its
 * options to one stage of {@code io.github.triage.stage.slice}; id lists go to stdout one per line, warnings to
 * stderr.
 */
@Command(name = "slice-config", mixinStandardHelpOptions = true,
		description = "Create, stamp, merge and filter slice_config.csv (the per-slice audit trail).",
		subcommands = {
				SliceConfigCli.Generate.class,
				SliceConfigCli.Stamp.class,
				SliceConfigCli.MergeFragments.class,
				SliceConfigCli.Filter.class,
				SliceConfigCli.ForceSkip.class,
				SliceConfigStagesCli.Rehome.class,
				SliceConfigStagesCli.AutoExclude.class })
public final class SliceConfigCli extends CommandGroup {
	@Command(name = "generate", mixinStandardHelpOptions = true,
			description = "Write a new slice_config.csv listing every slice of a dataset, all used except the excluded ones.")
	static final class Generate extends SliceConfigGenerateFields {
		static final class Source extends SliceConfigGenerateSourceFields {
		}

		@Override
		void execute() throws Exception {
			final Listener listener = listener();
			final GenerateSliceConfigStage.Options options = new GenerateSliceConfigStage.Options(
					source.shifts != null ? GenerateSliceConfigStage.Source.SHIFTS
							: source.mosaics != null ? GenerateSliceConfigStage.Source.MOSAICS
									: GenerateSliceConfigStage.Source.TILES,
					source.shifts != null ? source.shifts : source.mosaics != null ? source.mosaics : source.tiles,
					exclude, excludeFirst, output, galvo.stage(source.tiles, listener));
			final GenerateSliceConfigStage.Result result = options.galvo() == null
					? new GenerateSliceConfigStage().run(options, null, listener)
					: galvo.gpu.run(listener, ops -> new GenerateSliceConfigStage().run(options, ops, listener));
			final PrintWriter err = spec.commandLine().getErr();
			result.galvo().forEach((id, d) -> err.printf(Locale.ROOT, "galvo: slice %s: galvo_fix=%s confidence=%.3f (%s)%n",
					id, d.galvoFix(), d.confidence(), d.reason()));
			err.flush();
		}
	}

	@Command(name = "stamp", mixinStandardHelpOptions = true,
			description = "Set columns of slices (other columns untouched); an unknown slice gets a new row with use=false.")
	static final class Stamp extends SliceConfigStampFields {
		@Override
		void execute() throws Exception {
			final StampStage.Options o = StampStage.Options.sameForAll(config.input, config.output, slices, set,
					appendNotes).withNewColumns(Set.copyOf(newColumns));
			new StampStage().run(manual ? o.manual(null) : o, null, Listener.NONE);
		}
	}

	@Command(name = "merge-fragments", mixinStandardHelpOptions = true,
			description = "Merge a folder of per-slice fragment CSVs (quality and galvo fragments, interpolation manifests "
					+ "slice_zNN_manifest.csv) into a new slice_config; a fragment for a slice not in IN is an error "
					+ "unless --add-missing.")
	static final class MergeFragments extends SliceConfigMergeFragmentsFields {
		@Override
		void execute() throws Exception {
			new MergeFragmentsStage().run(new MergeFragmentsStage.Options(config.input, fragments, config.output,
					addMissing), null, listener());
		}
	}

	/** Prints a list of slice ids selected from one config, one per line. */
	abstract static class IdListing extends SliceConfigIdListingFields {
		private final SelectStage.Selection selection;

		IdListing(final SelectStage.Selection selection) {
			this.selection = selection;
		}

		@Override
		void execute() throws Exception {
			printLines(new SelectStage().run(new SelectStage.Options(input, selection), null, Listener.NONE).ids());
		}
	}

	@Command(name = "filter", mixinStandardHelpOptions = true,
			description = "Print the ids of the slices to use (use=true; an unset use reads as false), one per line, in file order.")
	static final class Filter extends IdListing {
		Filter() {
			super(SelectStage.Selection.USE);
		}
	}

	@Command(name = "force-skip", mixinStandardHelpOptions = true,
			description = "Print the ids of the slices stacking must skip (use not true, an unset use reading as false, "
					+ "or auto_excluded=true), one per line, in file order.")
	static final class ForceSkip extends IdListing {
		ForceSkip() {
			super(SelectStage.Selection.FORCE_SKIP);
		}
	}
}
