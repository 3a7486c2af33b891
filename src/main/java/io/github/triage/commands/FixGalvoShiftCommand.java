package io.github.triage.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.triage.BadInputException;
import io.github.triage.galvo.GalvoFix;
import io.github.triage.io.TiffStacks;

/**
 * Plugins > Triage > Galvo > Fix galvo shift: rolls the current stack circularly along Y (the A-line axis) by
 * {@code shift} rows (row y goes to y + shift), in place or into a new float image. Macro:
 * {@code run("Fix galvo shift", "shift=124 in_place=true");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Galvo>Fix galvo shift", label = "Fix galvo shift",
		description = "Roll the current tile along the A-line axis so the galvo-return band ends up last")
public class FixGalvoShiftCommand extends FixGalvoShiftFields {
	@Override
	protected void execute() {
		if (imp == null) throw new BadInputException("no image open");
		if (in_place) {
			rollInPlace(imp, shift);
			fixed = null;
			log.info("Triage: " + imp.getTitle() + " rolled by " + shift + " rows along Y");
			return;
		}
		fixed = TiffStacks.toImagePlus(GalvoFix.roll(TiffStacks.fromImagePlus(imp), shift),
				imp.getShortTitle() + "-galvo-fixed");
		fixed.setCalibration(imp.getCalibration());
	}

	/** Rolls every plane of {@code imp} along Y in place (any pixel type) and redraws it. */
	static void rollInPlace(final ImagePlus imp, final int shift) {
		final ImageStack st = imp.getStack();
		if (st.isVirtual()) // its planes are re-read from disk: an edit would be lost silently
			throw new BadInputException(imp.getTitle() + ": a virtual stack cannot be changed in place; "
					+ "duplicate it first or untick 'in place'");
		final Object[] planes = new Object[st.getSize()];
		for (int i = 0; i < planes.length; i++)
			planes[i] = st.getPixels(i + 1);
		GalvoFix.rollPlanesInPlace(planes, st.getWidth(), st.getHeight(), shift);
		imp.updateAndDraw();
	}
}
