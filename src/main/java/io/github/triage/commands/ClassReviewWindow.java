package io.github.triage.commands;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.table.DefaultTableModel;

import io.github.triage.Listener;
import io.github.triage.io.ContactSheets;
import io.github.triage.stage.cavg.OverrideStage;
import io.github.triage.stage.cavg.RejectionFolder;

/**
 * The class-average review window (Plugins > Triage > Class averages > Review class averages): the montage of a
 * rejection folder as on its contact sheets, a click on a class toggles keep/reject (shown with an orange
 * "unsaved" frame until saved) and shows its numbers in the side table; Save applies the toggles with the note
 * through {@link OverrideStage} (as {@code triage cavg override}) and reloads the folder. What is decided lives in
 * {@link ClassReview}; this class only draws and listens.
 */
public final class ClassReviewWindow extends JFrame {

	private static final Color PENDING = new Color(255, 160, 0), SELECTED = Color.WHITE;

	private final transient Listener log;
	private transient ClassReview review;
	private int selected;
	private volatile int saves;
	private final Montage montage = new Montage();
	private final DefaultTableModel numbers = new DefaultTableModel(new Object[] { "measure", "value" }, 0) {
		@Override
		public boolean isCellEditable(final int row, final int column) {
			return false;
		}
	};
	private final JTextField note = new JTextField(24);
	private final JLabel status = new JLabel(" ");
	private final JButton save = new JButton("Save"), close = new JButton("Close");

	public ClassReviewWindow(final RejectionFolder folder, final Listener log) {
		super("Review class averages: " + folder.folder().getFileName());
		this.log = Listener.orNone(log);
		this.review = new ClassReview(folder);
		final JTable table = new JTable(numbers) {
			@Override
			public String getToolTipText(final MouseEvent e) {
				// long values (the rejector's reason) are cut in the cell: the whole text on hover
				final int row = rowAtPoint(e.getPoint());
				return row < 0 ? null : String.valueOf(getValueAt(row, 1));
			}
		};
		table.getColumnModel().getColumn(0).setPreferredWidth(190);
		table.getColumnModel().getColumn(1).setPreferredWidth(230);
		final JPanel side = new JPanel(new BorderLayout(4, 4));
		side.add(new JScrollPane(table), BorderLayout.CENTER);
		final JPanel bottom = new JPanel(new GridLayout(0, 1, 2, 2));
		bottom.add(new JLabel("<html>Click a class: keep ↔ reject. Right-click: only show its numbers.</html>"));
		final JPanel notes = new JPanel(new BorderLayout(4, 0));
		notes.add(new JLabel("Note (why):"), BorderLayout.WEST);
		notes.add(note, BorderLayout.CENTER);
		note.setToolTipText("Recorded in rejection.csv with each class changed by this Save");
		bottom.add(notes);
		final JPanel buttons = new JPanel();
		buttons.add(save);
		buttons.add(close);
		bottom.add(buttons);
		bottom.add(status);
		side.add(bottom, BorderLayout.SOUTH);
		side.setPreferredSize(new Dimension(440, 400));
		final JScrollPane scroll = new JScrollPane(montage);
		scroll.getVerticalScrollBar().setUnitIncrement(16);
		final JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, scroll, side);
		split.setResizeWeight(1);
		getContentPane().add(split);
		save.setToolTipText("Apply the changes (as triage cavg override) and reload the folder");
		save.addActionListener(e -> save());
		close.addActionListener(e -> closeAsking());
		setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
		addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosing(final WindowEvent e) {
				closeAsking();
			}
		});
		montage.addMouseListener(new MouseAdapter() {
			@Override
			public void mousePressed(final MouseEvent e) {
				final int c = review.classAt(e.getX(), e.getY(), 1);
				if (c == 0 || !save.isEnabled()) return;
				if (!javax.swing.SwingUtilities.isRightMouseButton(e) && !e.isPopupTrigger()) {
					review.toggle(c);
					refresh();
				}
				select(c);
			}
		});
		refresh();
		select(1);
		pack();
		final Dimension screen = getToolkit().getScreenSize();
		setSize(Math.min(getWidth(), screen.width - 40), Math.min(getHeight(), screen.height - 60));
	}

	/** The decisions on show (for tests and scripts). */
	public ClassReview review() {
		return review;
	}

	/** The montage component (a click at a class's {@link ClassReview#centre} toggles it). */
	public JComponent montage() {
		return montage;
	}

	public JButton saveButton() {
		return save;
	}

	/** How many saves have completed (reloaded). */
	public int saves() {
		return saves;
	}

	public String statusText() {
		return status.getText();
	}

	private void select(final int classNumber) {
		selected = classNumber;
		numbers.setRowCount(0);
		for (final String[] row : review.details(classNumber))
			numbers.addRow(row);
		montage.repaint();
		showPending();
	}

	private void showPending() {
		status.setText(review.pending().isEmpty() ? "No unsaved change." : "Unsaved: " + review.describe());
	}

	private void refresh() {
		final ContactSheets.Layout l = review.layout();
		montage.sheet = ContactSheets.render(review.tiles(), review.folder().stack().width(), review.maskRadiusPx())
				.getBufferedImage();
		montage.setPreferredSize(new Dimension(l.width(), l.height()));
		montage.revalidate();
		montage.repaint();
	}

	/** Applies the pending toggles through OverrideStage off the event thread, then reloads the folder. */
	private void save() {
		final OverrideStage.Options options = review.overrideOptions(note.getText());
		if (options == null) {
			status.setText("Nothing to save.");
			return;
		}
		save.setEnabled(false);
		status.setText("Saving: " + review.describe() + " …");
		final Path dir = review.folder().folder();
		new SwingWorker<RejectionFolder, Void>() {
			@Override
			protected RejectionFolder doInBackground() throws IOException {
				new OverrideStage().run(options, null, log);
				return RejectionFolder.read(dir);
			}

			@Override
			protected void done() {
				save.setEnabled(true);
				try {
					final String what = review.describe();
					review = new ClassReview(get());
					note.setText("");
					saves++;
					refresh();
					select(selected);
					status.setText("Saved: " + what + " (manual decisions in rejection.csv)");
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				catch (final ExecutionException e) {
					final Throwable cause = e.getCause() != null ? e.getCause() : e;
					log.warning("saving the review failed: " + cause.getMessage());
					status.setText("Not saved: " + cause.getMessage());
					JOptionPane.showMessageDialog(ClassReviewWindow.this, "Not saved: " + cause.getMessage(),
							"Review class averages", JOptionPane.ERROR_MESSAGE);
				}
			}
		}.execute();
	}

	private void closeAsking() {
		final String question = review.closeQuestion();
		if (question == null || JOptionPane.showConfirmDialog(this, question, "Review class averages",
				JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION)
			dispose();
	}

	/** The sheet, with unsaved classes framed in orange and the selected class outlined in white. */
	private final class Montage extends JComponent {
		BufferedImage sheet;

		@Override
		protected void paintComponent(final Graphics g0) {
			final Graphics2D g = (Graphics2D) g0.create();
			try {
				g.setColor(new Color(0x303030));
				g.fillRect(0, 0, getWidth(), getHeight());
				if (sheet != null) g.drawImage(sheet, 0, 0, null);
				final ContactSheets.Layout l = review.layout();
				g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
				for (final int c : review.pending()) {
					final int x = l.x(c - 1), y = l.y(c - 1);
					g.setColor(PENDING);
					g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
							new float[] { 8f, 4f }, 0f));
					g.drawRect(x + 1, y + 1, l.tile() - 3, l.cellHeight() - 3);
					// "unsaved" over the state on the right of the number band
					final String text = "unsaved";
					final int w = g.getFontMetrics().stringWidth(text) + 6;
					g.fillRect(x + l.tile() - w - 3, y + 3, w, l.header() - 5);
					g.setColor(Color.BLACK);
					g.drawString(text, x + l.tile() - w, y + l.header() - 6);
				}
				if (selected > 0) {
					g.setColor(SELECTED);
					g.setStroke(new BasicStroke(2f));
					g.drawRect(l.x(selected - 1) - 2, l.y(selected - 1) - 2, l.tile() + 3, l.cellHeight() + 3);
				}
			}
			finally {
				g.dispose();
			}
		}
	}
}
