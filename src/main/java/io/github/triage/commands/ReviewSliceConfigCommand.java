package io.github.triage.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.slice.StampStage;

/**
 * Plugins > Triage > Slice config > Review slice config: opens a slice_config.csv as a results table (one row per
 * slice, every column) and saves the use/notes decisions back to the file (atomic write).
 * <p>
 * The edits come from, in this order: the parameters ({@code slices} with {@code use} and/or {@code notes}: macros,
 * headless runs); an open table named {@code from_table} whose use/notes cells a macro changed (Table.set); or, in an
 * interactive session with neither, a dialog with one use checkbox and one notes field per slice. Macro:
 * {@code run("Review slice config", "config_file=/d/slice_config.csv slices=[2 7] use=false notes=[motion artifact] append_notes");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Slice config>Review slice config",
		label = "Review slice config", description = "Review and edit use/notes of a slice_config.csv")
public class ReviewSliceConfigCommand extends ReviewSliceConfigFields {
	static final String UNCHANGED = "unchanged";

	@Override
	protected void execute() throws Exception {
		final Path in = required(config_file, "slice_config", "config_file");
		final SliceConfig config = SliceConfigFiles.read(in);
		final Path out = optional(output_file, in);
		final String title = in.getFileName().toString();

		final Map<String, Map<String, Object>> edits;
		boolean appendNotes = append_notes, manual = false;
		if (slices != null && !slices.isBlank()) edits = fromParameters(config);
		else if (from_table != null && !from_table.isBlank()) {
			final ResultsTable table = ResultsTable.getResultsTable(from_table.strip());
			if (table == null) throw new BadInputException("no open table named '" + from_table.strip() + "'");
			edits = SliceConfigTable.edits(config, table, from_table.strip());
			appendNotes = false; // the table holds the whole note
		}
		else if (!isHeadlessOrMacro()) {
			SliceConfigTable.toTable(config).show(title);
			edits = SliceReviewDialog.show(config, title, thumbnails(config));
			if (edits == null) return; // cancelled: nothing saved
			appendNotes = false;
			manual = true; // a person ticked or unticked 'use': the note says so, with the date
		}
		else edits = Map.of();

		SliceConfig saved = config;
		if (!edits.isEmpty()) {
			final StampStage.Options o = new StampStage.Options(in, out, edits, appendNotes);
			saved = new StampStage().run(manual ? o.manual(null) : o, null, listener()).config();
			log.info("Triage: " + edits.size() + " slice(s) changed " + edits.keySet() + "; saved " + out);
		}
		else if (!out.equals(in)) {
			SliceConfigFiles.write(config, out); // a copy: nothing to stamp
			log.info("Triage: no changes; saved " + out);
		}
		else log.info("Triage: no changes to " + in);
		if (show_table && !isHeadless()) SliceConfigTable.toTable(saved).show(title);
	}

	private Map<String, Map<String, Object>> fromParameters(final SliceConfig config) {
		final List<String> ids = SliceIdList.parse(slices);
		final Map<String, Map<String, Object>> edits = new LinkedHashMap<>();
		for (final String id : ids) {
			if (!config.contains(id)) throw new BadInputException(config_file + ": slice " + id + " is not in the config");
			final Map<String, Object> cells = new LinkedHashMap<>();
			if (!UNCHANGED.equals(use)) cells.put(SliceColumns.USE, SliceColumns.parseBoolean(use));
			if (notes != null && !notes.isBlank()) cells.put(SliceColumns.NOTES, notes.strip());
			if (!cells.isEmpty()) edits.put(id, cells);
		}
		return edits;
	}

	/** Thumbnails of the slices whose mosaics are in {@code mosaics_dir}; none when it is not given. */
	private Map<String, java.awt.Image> thumbnails(final SliceConfig config) {
		final Map<String, java.awt.Image> out = new LinkedHashMap<>();
		if (mosaics_dir == null || mosaics_dir.getPath().isBlank()) return out;
		for (final io.github.triage.io.MosaicFolder.Entry e : io.github.triage.io.MosaicFolder.list(mosaics_dir.toPath(),
				listener())) {
			if (!config.contains(e.sliceId())) continue;
			try {
				final ij.process.ImageProcessor ip = io.github.triage.io.SliceThumbnails.aip(e, SliceReviewDialog.THUMB,
						listener());
				out.put(e.sliceId(), ip.createImage());
			}
			catch (final RuntimeException ex) {
				// a picture is a help, not a need: the review goes on without it
				log.warn("Triage: no thumbnail for " + e + ": " + ex.getMessage());
			}
		}
		return out;
	}

	private boolean isHeadless() {
		return ui == null || ui.isHeadless() || java.awt.GraphicsEnvironment.isHeadless();
	}
}
