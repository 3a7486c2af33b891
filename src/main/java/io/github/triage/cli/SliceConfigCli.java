package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.triage.Listener;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.SelectStage;
import io.github.triage.stage.slice.StampStage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
	static final class Generate extends Subcommand {
		static final class Source {
			@Option(names = "--from-shifts", paramLabel = "F", description = "Slice ids of a shifts_xy.csv.")
			Path shifts;
			@Option(names = "--from-mosaics", paramLabel = "DIR",
					description = "Slice ids of the mosaics in DIR (names with zNN: mosaic_grid_3d_z03.ome.zarr, slice_z03.tif).")
			Path mosaics;
			@Option(names = "--from-tiles", paramLabel = "DIR", description = "Slice ids of the raw tile folders slice_zNN in DIR.")
			Path tiles;
		}

		@ArgGroup(exclusive = true, multiplicity = "1")
		Source source;

		@Option(names = "--exclude", paramLabel = "ID", arity = "1..*",
				description = "Slices to mark use=false (note 'excluded').")
		List<String> exclude = new ArrayList<>();

		@Option(names = "--exclude-first", paramLabel = "N",
				description = "Mark the first N slices use=false (note 'calibration_slice').")
		int excludeFirst = GenerateSliceConfigStage.Options.EXCLUDE_FIRST;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true, description = "slice_config.csv to write.")
		Path output;

		/** Galvo detection at generation time (issue 3). */
		@Mixin
		GenerateGalvoOptions galvo;
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
	static final class Stamp extends Subcommand {
		@Mixin
		ConfigInOut config;

		@Option(names = "--slice", paramLabel = "ID", required = true, description = "Slice to stamp (repeatable).")
		List<String> slices;

		@Option(names = "--set", paramLabel = "COL=VALUE", required = true,
				description = "Column value (repeatable), e.g. --set use=false --set notes='bad cut'.")
		Map<String, String> set = new LinkedHashMap<>();

		@Option(names = "--append-notes", description = "Join a new note to the existing one with '; ' instead of replacing it.")
		boolean appendNotes = StampStage.Options.APPEND_NOTES;

		@Option(names = "--new-column", paramLabel = "COL",
				description = "Allow --set to add this new column (repeatable): a new column one edit away from an "
						+ "existing one (galvo-fix for galvo_fix) is otherwise refused as a typo.")
		List<String> newColumns = new ArrayList<>();

		@Option(names = "--manual", description = "A change made by hand: each slice whose use is set gets the note "
				+ "'use=<value> by hand on <today>' appended.")
		boolean manual;

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
	static final class MergeFragments extends Subcommand {
		@Mixin
		ConfigInOut config;

		@Parameters(index = "1", paramLabel = "FRAGMENT_DIR", description = "Folder of fragment CSVs.")
		Path fragments;

		@Option(names = "--add-missing",
				description = "A fragment for a slice not in IN adds its row (use=false), as 'galvo stamp' does for a "
						+ "raw folder.")
		boolean addMissing = MergeFragmentsStage.Options.ADD_MISSING;
		@Override
		void execute() throws Exception {
			new MergeFragmentsStage().run(new MergeFragmentsStage.Options(config.input, fragments, config.output,
					addMissing), null, listener());
		}
	}

	/** Prints a list of slice ids selected from one config, one per line. */
	abstract static class IdListing extends Subcommand {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;

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
