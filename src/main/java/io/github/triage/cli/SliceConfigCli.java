package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.triage.io.layout.SliceFolders;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code triage slice-config ...}: create, stamp, merge and filter slice_config.csv. Every subcommand is one call
 * into {@link SliceConfig}; outputs are written atomically; id lists go to stdout one per line, warnings to stderr.
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
public final class SliceConfigCli implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	static void warn(final PrintWriter err, final List<String> warnings) {
		for (final String w : warnings) err.println("triage: warning: " + w);
		err.flush();
	}

	@Command(name = "generate", mixinStandardHelpOptions = true,
			description = "Write a new slice_config.csv listing every slice of a dataset, all used except the excluded ones.")
	static final class Generate implements Callable<Integer> {
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

		@Option(names = "--exclude-first", paramLabel = "N", defaultValue = "0",
				description = "Mark the first N slices use=false (note 'calibration_slice'). Default: ${DEFAULT-VALUE}.")
		int excludeFirst;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true, description = "slice_config.csv to write.")
		Path output;

		/** Hook for detectors that stamp columns at generation time (galvo, issue 3). */
		@Mixin
		GenerateGalvoOptions galvo;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final List<String> ids = source.shifts != null ? SliceConfigFiles.readShifts(source.shifts).sliceIds()
					: source.mosaics != null ? SliceFolders.mosaicIds(source.mosaics)
							: SliceFolders.tileFolderIds(source.tiles);
			final List<String> warnings = new ArrayList<>();
			final SliceConfig config = SliceConfig.generate(ids, exclude, excludeFirst, warnings);
			galvo.stamp(config, source.tiles, output, warnings);
			warn(spec.commandLine().getErr(), warnings);
			SliceConfigFiles.write(config, output);
			return 0;
		}
	}

	@Command(name = "stamp", mixinStandardHelpOptions = true,
			description = "Set columns of slices (other columns untouched); an unknown slice gets a new row with use=false.")
	static final class Stamp implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true,
				description = "slice_config.csv to write (may be IN).")
		Path output;

		@Option(names = "--slice", paramLabel = "ID", required = true, description = "Slice to stamp (repeatable).")
		List<String> slices;

		@Option(names = "--set", paramLabel = "COL=VALUE", required = true,
				description = "Column value (repeatable), e.g. --set use=false --set notes='bad cut'.")
		Map<String, String> set = new LinkedHashMap<>();

		@Option(names = "--append-notes", description = "Join a new note to the existing one with '; ' instead of replacing it.")
		boolean appendNotes;

		@Override
		public Integer call() throws Exception {
			final SliceConfig config = SliceConfigFiles.read(input);
			final Map<String, Map<String, ?>> stamps = new LinkedHashMap<>();
			for (final String s : slices) stamps.put(s, set);
			config.stampMany(stamps, appendNotes);
			SliceConfigFiles.write(config, output);
			return 0;
		}
	}

	@Command(name = "merge-fragments", mixinStandardHelpOptions = true,
			description = "Merge a folder of per-slice fragment CSVs (e.g. interpolation manifests slice_zNN_manifest.csv).")
	static final class MergeFragments implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;

		@Parameters(index = "1", paramLabel = "FRAGMENT_DIR", description = "Folder of fragment CSVs.")
		Path fragments;

		@Option(names = { "-o", "--output" }, paramLabel = "OUT", required = true,
				description = "slice_config.csv to write (may be IN).")
		Path output;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final SliceConfig config = SliceConfigFiles.read(input);
			final List<String> merged = config.mergeFragments(SliceConfigFiles.readFragments(fragments));
			if (merged.isEmpty()) warn(spec.commandLine().getErr(), List.of(fragments + ": no fragment rows to merge"));
			SliceConfigFiles.write(config, output);
			return 0;
		}
	}

	/** Prints a list of slice ids computed from one config, one per line. */
	abstract static class IdListing implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "IN", description = "slice_config.csv to read.")
		Path input;

		@Spec
		CommandSpec spec;

		abstract List<String> ids(SliceConfig config);

		@Override
		public Integer call() throws Exception {
			print(spec, ids(SliceConfigFiles.read(input)));
			return 0;
		}
	}

	@Command(name = "filter", mixinStandardHelpOptions = true,
			description = "Print the ids of the slices to use (use=true), one per line, in file order.")
	static final class Filter extends IdListing {
		@Override
		List<String> ids(final SliceConfig config) {
			return config.filterSlicesToUse();
		}
	}

	@Command(name = "force-skip", mixinStandardHelpOptions = true,
			description = "Print the ids of the slices stacking must skip (use=false or auto_excluded=true), one per line.")
	static final class ForceSkip extends IdListing {
		@Override
		List<String> ids(final SliceConfig config) {
			return config.forceSkipSlices();
		}
	}

	private static void print(final CommandSpec spec, final List<String> ids) {
		final PrintWriter out = spec.commandLine().getOut();
		for (final String id : ids) out.println(id);
		out.flush();
	}
}
