package fiji.util.gui;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * Stand-in for fiji-lib's dialog, referenced by CLIJ's macro modules. Outside Fiji only; never shipped.
 */
public class GenericDialogPlus extends GenericDialog {
	private static final long serialVersionUID = 1L;
	private int nextImage;
	private final java.util.List<String> imageChoices = new java.util.ArrayList<>();

	public GenericDialogPlus(final String title) {
		super(title);
	}

	public void addImageChoice(final String label, final String defaultImage) {
		imageChoices.add(defaultImage);
		addStringField(label, defaultImage == null ? "" : defaultImage);
	}

	public ImagePlus getNextImage() {
		final String title = getNextString();
		nextImage++;
		return WindowManager.getImage(title);
	}
}
