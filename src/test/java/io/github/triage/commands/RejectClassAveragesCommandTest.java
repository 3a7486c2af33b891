package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.app.event.StatusEvent;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.FloatImages;

/** The Fiji command run headless through SciJava's CommandService, as a macro or script would. */
class RejectClassAveragesCommandTest extends HeadlessCommands {
	static final String A00 = "cavgA00_handcheck_b64_s1p00_n6";

	@TempDir
	Path tmp;

	static Path res(final String name) {
		try {
			return Path.of(RejectClassAveragesCommandTest.class.getResource("/cavg/" + name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private Map<String, Object> params(final Path out) {
		final Map<String, Object> m = new HashMap<>();
		m.put("classes_file", res(A00 + "_classes.csv").toFile());
		m.put("mskdiam", 50.0);
		m.put("tier", "p1");
		m.put("compat_simple", true);
		m.put("output_dir", out.toFile());
		m.put("use_gpu", "off");
		return m;
	}

	@Test
	void aCalibrationInAnyLengthUnitGivesThePixelSizeInAngstrom() {
		final ij.ImagePlus imp = ij.IJ.createImage("cavgs", "32-bit black", 8, 8, 2);
		for (final String[] u : new String[][] { { "µm", "0.0001", "1" }, { "micron", "0.0002", "2" }, { "nm", "0.13", "1.3" },
				{ "Å", "1.1", "1.1" }, { "mm", "1e-7", "1" } }) {
			final ij.measure.Calibration c = new ij.measure.Calibration();
			c.pixelWidth = c.pixelHeight = Double.parseDouble(u[1]);
			c.setUnit(u[0]);
			imp.setCalibration(c);
			assertEquals(Double.parseDouble(u[2]), RejectClassAveragesCommand.fromImage(imp).pixelSize(), 1e-9, u[0]);
		}
		imp.setCalibration(new ij.measure.Calibration());
		assertTrue(Double.isNaN(RejectClassAveragesCommand.fromImage(imp).pixelSize()), "pixels: no size");
	}

	@Test
	void fromMrcFile() throws Exception {
		final Path out = tmp.resolve("out");
		final Map<String, Object> p = params(out);
		p.put("stack_file", res(A00 + ".mrc").toFile());
		final List<String> progress = new ArrayList<>();
		final Object listener = new Object() {
			@EventHandler
			public void onStatus(final StatusEvent e) {
				if (e.getStatusMessage() != null && e.getStatusMessage().startsWith("class")) progress.add(e.getStatusMessage());
			}
		};
		final var subs = context.service(org.scijava.event.EventService.class).subscribe(listener);
		final CommandModule m = commands.run(RejectClassAveragesCommand.class, true, p).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ResultsTable rt = (ResultsTable) m.getOutput("results");
		assertEquals(6, rt.size());
		final int[] states = new int[6];
		for (int i = 0; i < 6; i++)
			states[i] = (int) rt.getValue("state", i);
		assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0 }, states);
		assertEquals("true", rt.getStringValue("population", 0));
		assertEquals("kept", rt.getStringValue("reason", 4));
		final ImagePlus montage = (ImagePlus) m.getOutput("montage");
		assertNotNull(montage);
		final io.github.triage.io.ContactSheets.Layout l = io.github.triage.io.ContactSheets.layout(6, 64);
		assertEquals(l.width(), montage.getWidth()); // 6 tiles: 3 × 2 grid of 128 px tiles
		assertEquals(3 * 132 + 4, l.width());
		// a rejected tile has a red frame, the kept one (class 5, second row, middle) a green one
		final int[] red = montage.getProcessor().getPixel(l.x(0) + 1, l.y(0) + 40, null);
		assertTrue(red[0] > 200 && red[1] < 60, "rejected class 1 framed in red: " + java.util.Arrays.toString(red));
		final int[] kept = montage.getProcessor().getPixel(l.x(4) + 1, l.y(4) + 40, null);
		assertTrue(kept[1] > 150 && kept[0] < 100, "kept class 5 framed in green: " + java.util.Arrays.toString(kept));
		assertTrue(((String) m.getOutput("summary")).startsWith("kept 1 of 6 classes"));
		assertTrue(Files.exists(out.resolve("REJECTION_FINISHED")));
		assertEquals(1, MrcFiles.read(out.resolve(A00 + "_selected.mrcs")).size());
		assertEquals(List.of("0", "0", "0", "0", "1", "0"), Files.readAllLines(out.resolve("selection.txt")));
		assertEquals(6, progress.size(), "progress per class: " + progress);
		context.service(org.scijava.event.EventService.class).unsubscribe(subs);
	}

	@Test
	void fromOpenStackUsesTheSameDecisions() throws Exception {
		final MrcStack s = MrcFiles.read(res(A00 + ".mrc"));
		final float[] all = new float[6 * 64 * 64];
		for (int k = 0; k < 6; k++)
			System.arraycopy(s.sections()[k], 0, all, k * 64 * 64, 64 * 64);
		final ImagePlus imp = TiffStacks.toImagePlus(FloatImages.wrap(all, 64, 64, 6), "handcheck.tif");
		final Path out = tmp.resolve("out");
		final Map<String, Object> p = params(out);
		p.put("image", imp);
		p.put("smpd", 1.0);
		final CommandModule m = commands.run(RejectClassAveragesCommand.class, true, p).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(List.of("0", "0", "0", "0", "1", "0"), Files.readAllLines(out.resolve("selection.txt")));
		assertTrue(Files.exists(out.resolve("handcheck_selected.mrcs")));
		assertEquals(1.0, MrcFiles.read(out.resolve("handcheck_selected.mrcs")).pixelSize());
	}

	@Test
	void openStackWithoutPixelSizeIsAFailureNamingIt() throws Exception {
		final ImagePlus imp = TiffStacks.toImagePlus(FloatImages.wrap(new float[6 * 64 * 64], 64, 64, 6), "blank");
		final Path out = tmp.resolve("out");
		final Map<String, Object> p = params(out);
		p.put("image", imp);
		final CommandModule m = commands.run(RejectClassAveragesCommand.class, true, p).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("image 'blank'") && m.getCancelReason().contains("smpd"),
				m.getCancelReason());
		assertEquals(List.of(out.resolve("REJECTION_FAILED")), Files.list(out).toList());
	}

	@Test
	void classCountMismatchCancelsWithBothCountsAndWritesOnlyTheFailureRecord() throws Exception {
		final Path out = tmp.resolve("out");
		final Map<String, Object> p = params(out);
		p.put("stack_file", res(A00 + ".mrc").toFile());
		p.put("classes_file", res("cavgA02_b96_s1p00_n36_classes.csv").toFile());
		final CommandModule m = commands.run(RejectClassAveragesCommand.class, true, p).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("6 class averages, but the class table has 36 classes"),
				m.getCancelReason());
		assertEquals(List.of(out.resolve("REJECTION_FAILED")), Files.list(out).toList());
	}

	@Test
	void noStackIsAFailure() throws Exception {
		final Path out = tmp.resolve("out");
		final CommandModule m = commands.run(RejectClassAveragesCommand.class, true, params(out)).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("stack_file"), m.getCancelReason());
	}


}
