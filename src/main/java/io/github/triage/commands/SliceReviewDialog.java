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
 * The interactive part of Review slice config: per slice its thumbnail (when its mosaic was found), a 'use'
 * checkbox, what the pipeline measured (quality score, galvo confidence and fix, rehomed, auto-excluded,
 * interpolation; {@link SliceConfigTable#summary}) and a notes field, in a scrolling
 * panel (a series has tens to hundreds of slices, more than a plain dialog fits on a screen). Non-blocking, so the
 * table of all columns stays usable beside it.
 */
final class SliceReviewDialog {

	private static final int ROW_HEIGHT = 28, MAX_HEIGHT = 460;
	static final int THUMB = 64;

	private SliceReviewDialog() {}

	/** The changed use/notes cells by slice id; {@code null} when cancelled. */
	static Map<String, Map<String, Object>> show(final SliceConfig config, final String title,
			final Map<String, java.awt.Image> thumbnails) {
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
			final java.awt.Image thumb = thumbnails.get(id);
			if (thumb != null) grid.add(new Thumb(thumb), c);
			c.gridx = 1;
			grid.add(new Label("slice " + id), c);
			c.gridx = 2;
			final Checkbox box = new Checkbox("use", Boolean.TRUE.equals(config.getBoolean(id, SliceColumns.USE)));
			grid.add(box, c);
			use.add(box);
			c.gridx = 3;
			grid.add(new Label(SliceConfigTable.summary(config, id)), c);
			c.gridx = 4;
			final TextField note = new TextField(config.get(id, SliceColumns.NOTES), 36);
			grid.add(note, c);
			notes.add(note);
		}
		final ScrollPane scroll = new ScrollPane(ScrollPane.SCROLLBARS_AS_NEEDED);
		scroll.add(grid);
		final int rowH = thumbnails.isEmpty() ? ROW_HEIGHT : THUMB + 4;
		scroll.setPreferredSize(new Dimension(thumbnails.isEmpty() ? 900 : 980,
				Math.min(MAX_HEIGHT, ids.size() * rowH + 12)));
		final Panel holder = new Panel();
		holder.add(scroll);

		final GenericDialog gd = new NonBlockingGenericDialog("Review " + title);
		gd.addMessage("Untick 'use' to leave a slice out; edit its note. OK saves the slice config; a changed 'use' is\n"
				+ "noted as a change by hand, with today's date. The table '" + title + "' shows every column.");
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

	/** A thumbnail in the grid. */
	private static final class Thumb extends java.awt.Canvas {
		private static final long serialVersionUID = 1L;
		private final transient java.awt.Image image;

		Thumb(final java.awt.Image image) {
			this.image = image;
			setPreferredSize(new Dimension(THUMB, THUMB));
		}

		@Override
		public void paint(final java.awt.Graphics g) {
			g.drawImage(image, 0, 0, this);
		}
	}
}
