package io.github.triage.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.triage.BadInputException;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.Tier;
import io.github.triage.io.ContactSheets;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.cavg.RejectOutputs;
import io.github.triage.stage.cavg.RejectStage;

/**
 * Plugins > Triage > Class averages > Reject class averages: SIMPLE's four rejection criteria on a stack of 2D
 * class averages (an MRC/MRCS file, or the open stack when no file is given) with its class table, writing the
 * cleanup outputs into the output folder (as {@code triage cavg reject}). Shows a montage with the rejected classes
 * framed in red with their reason, and a results table (one row per class). Macro:
 * {@code run("Reject class averages", "stack_file=/d/cavgs.mrcs classes_file=/d/classes.csv mskdiam=150 tier=p2 output_dir=/d/out");}
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Class averages>Reject class averages",
		label = "Reject class averages", description = "Reject cryo-EM 2D class averages (SIMPLE's criteria)")
public class RejectClassAveragesCommand extends RejectClassAveragesFields {
	public static final String TABLE_TITLE = "Class-average rejection";

	@Override
	protected void execute() throws Exception {
		final Path classes = required(classes_file, "class table", "classes_file");
		final Path out = required(output_dir, "output folder", "output_dir");
		final RejectStage.StackInput input;
		if (stack_file != null && !stack_file.getPath().isBlank()) input = RejectStage.StackInput.file(stack_file.toPath());
		else {
			// SciJava may hand an empty ImagePlus for an unset optional input
			if (image == null || image.getWidth() == 0 || image.getProcessor() == null)
				throw new BadInputException("no class averages: give stack_file=... or open a stack");
			input = RejectStage.StackInput.image(fromImage(image), image.getTitle());
		}
		final RejectStage.Options options = RejectStage.Options.of(input, classes, mskdiam,
				Tier.parse(tier), out).withParticles(particlesPath())
				.withPixelSize(smpd > 0 ? smpd : RejectStage.Options.PIXEL_SIZE_FROM_STACK).withCompat(compat_simple);
		final RejectStage.Result r;
		try (ImageOps ops = ops(use_gpu)) {
			r = new RejectStage().run(options, ops, listener());
		}
		catch (final BadInputException e) {
			if (RejectStage.needsPixelSize(e)) throw new BadInputException(e.getMessage() + " (smpd=...)", e);
			throw e;
		}
		final List<ClassDecision> decisions = r.decisions();
		results = table(decisions);
		final List<ContactSheets.Tile> tiles = new ArrayList<>();
		for (int i = 0; i < decisions.size(); i++)
			tiles.add(RejectOutputs.tile(r.stack().sections()[i], decisions.get(i)));
		montage = new ImagePlus("Class averages (" + tier + ")", ContactSheets.render(tiles, r.stack().width(),
				RejectOutputs.maskRadiusPx(decisions)));
		summary = String.format(Locale.ROOT, "kept %d of %d classes (%s)%s; outputs in %s", r.kept(),
				decisions.size(), tier, r.particles() != null ? ", " + r.particles().selected()
						+ " particles selected" : "", out);
		log.info("Triage: " + summary);
		if (ui != null && !ui.isHeadless() && !java.awt.GraphicsEnvironment.isHeadless()) results.show(TABLE_TITLE);
	}

	/** One row per class: state, the four flags, the key numbers and the reason. */
	static ResultsTable table(final List<ClassDecision> decisions) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final ClassDecision d : decisions) {
			rt.incrementCounter();
			rt.addValue("class", d.classNumber());
			rt.addValue("state", d.state());
			rt.addValue("population", String.valueOf(d.populationRejects()));
			rt.addValue("resolution", String.valueOf(d.resolutionRejects()));
			rt.addValue("mask", String.valueOf(d.maskRejects()));
			rt.addValue("local_variance", String.valueOf(d.localVarianceRejects()));
			rt.addValue("pop", d.roundedPopulation());
			rt.addValue("pop_threshold", d.populationThreshold());
			rt.addValue("res_A", d.resolutionA());
			if (d.localVarianceMeasures() != null) {
				rt.addValue("lv_z_in", d.localVarianceMeasures().zIn());
				rt.addValue("lv_z_out", d.localVarianceMeasures().zOut());
			}
			rt.addValue("reason", d.reason());
		}
		return rt;
	}

	private Path particlesPath() {
		return particles_file != null && !particles_file.getPath().isBlank() ? particles_file.toPath() : null;
	}

	/**
	 * The open stack as class averages: one slice per class, converted to float. Pixel size from the image's
	 * calibration in any length unit (Å, nm, µm, …; the smpd parameter wins when given).
	 */
	static MrcStack fromImage(final ImagePlus imp) {
		final int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
		final float[] all = TiffStacks.fromImagePlus(imp).update(null).getCurrentStorageArray();
		final float[][] sections = new float[n][];
		for (int k = 0; k < n; k++) {
			sections[k] = java.util.Arrays.copyOfRange(all, k * w * h, (k + 1) * w * h);
			MrcFiles.requireFinite(sections[k], w, "image '" + imp.getTitle() + "': slice " + (k + 1));
		}
		return new MrcStack(sections, w, h, pixelSizeA(imp));
	}

	private static double pixelSizeA(final ImagePlus imp) {
		final ij.measure.Calibration c = imp.getCalibration();
		if (c == null || !c.scaled()) return Double.NaN;
		// Bio-Formats may calibrate in µm or nm: any length unit is turned into Å
		return TiffStacks.toAngstrom(c.pixelWidth, c.getUnit());
	}
}
