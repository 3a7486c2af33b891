package io.github.triage.commands;

import java.awt.Checkbox;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Label;
import java.awt.Panel;
import java.awt.ScrollPane;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.gui.GenericDialog;
import ij.gui.NonBlockingGenericDialog;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/**
 * The interactive part of Review slice config: one 'use' checkbox and one notes field per slice, in a scrolling
 * panel (a series has tens to hundreds of slices, more than a plain dialog fits on a screen). Non-blocking, so the
 * table of all columns stays usable beside it.
 */
final class SliceReviewDialog {

	private static final int ROW_HEIGHT = 28, MAX_HEIGHT = 460;

	private SliceReviewDialog() {}

	/** The changed use/notes cells by slice id; {@code null} when cancelled. */
	static Map<String, Map<String, Object>> show(final SliceConfig config, final String title) {
		final List<String> ids = config.ids();
		final List<Checkbox> use = new ArrayList<>();
		final List<TextField> notes = new ArrayList<>();
		final Panel grid = new Panel(new GridBagLayout());
		final GridBagConstraints c = new GridBagConstraints();
		c.insets = new Insets(1, 4, 1, 4);
		c.anchor = GridBagConstraints.WEST;
		for (int row = 0; row < ids.size(); row++) {
			final String id = ids.get(row);
			c.gridy = row;
			c.gridx = 0;
			grid.add(new Label("slice " + id), c);
			c.gridx = 1;
			final Checkbox box = new Checkbox("use", Boolean.TRUE.equals(config.getBoolean(id, SliceColumns.USE)));
			grid.add(box, c);
			use.add(box);
			c.gridx = 2;
			final TextField note = new TextField(config.get(id, SliceColumns.NOTES), 36);
			grid.add(note, c);
			notes.add(note);
		}
		final ScrollPane scroll = new ScrollPane(ScrollPane.SCROLLBARS_AS_NEEDED);
		scroll.add(grid);
		scroll.setPreferredSize(new Dimension(560, Math.min(MAX_HEIGHT, ids.size() * ROW_HEIGHT + 12)));
		final Panel holder = new Panel();
		holder.add(scroll);

		final GenericDialog gd = new NonBlockingGenericDialog("Review " + title);
		gd.addMessage("Untick 'use' to leave a slice out; edit its note. OK saves through the slice module.\n"
				+ "The table '" + title + "' shows every column.");
		gd.addPanel(holder);
		gd.showDialog();
		if (gd.wasCanceled()) return null;

		final Map<String, Map<String, Object>> edits = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			final String id = ids.get(i);
			final boolean u = use.get(i).getState();
			final String n = notes.get(i).getText().strip();
			final Map<String, Object> cells = new LinkedHashMap<>();
			if (!Boolean.valueOf(u).equals(config.getBoolean(id, SliceColumns.USE))) cells.put(SliceColumns.USE, u);
			if (!n.equals(config.get(id, SliceColumns.NOTES))) cells.put(SliceColumns.NOTES, n);
			if (!cells.isEmpty()) edits.put(id, cells);
		}
		return edits;
	}
}
