package io.github.triage.packaging;

import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.swing.JComponent;

import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.ui.UIService;

import io.github.triage.commands.ClassReviewWindow;
import io.github.triage.commands.ReviewClassAveragesCommand;

/**
 * Run by {@link ClassReviewWindowIT} under Xvfb: opens Review class averages on a rejection folder, clicks the
 * centre of a class (a mouse press dispatched on the montage), clicks Save and waits for the reload. Screenshots
 * before.png, pending.png and after.png go to the screenshot folder. Args: folder, class number, screenshot folder.
 * Prints "pending: [...]" and "saved: ..." lines.
 */
public final class ClassReviewWindowChild {

	public static void main(final String[] args) throws Exception {
		final Path folder = Paths.get(args[0]);
		final int cls = Integer.parseInt(args[1]);
		final Path shots = Files.createDirectories(Paths.get(args[2]));
		try (Context context = new Context(CommandService.class, LogService.class, UIService.class)) {
			final CommandModule m = context.service(CommandService.class).run(ReviewClassAveragesCommand.class, true,
					Map.of("folder", folder.toFile())).get();
			if (m.isCanceled()) throw new IllegalStateException("canceled: " + m.getCancelReason());
			final ClassReviewWindow w = waitForWindow();
			EventQueue.invokeAndWait(() -> shot(w, shots.resolve("before.png")));
			EventQueue.invokeAndWait(() -> {
				final JComponent montage = w.montage();
				final int[] c = w.review().centre(cls);
				montage.dispatchEvent(new MouseEvent(montage, MouseEvent.MOUSE_PRESSED, System.currentTimeMillis(),
						InputEvent.BUTTON1_DOWN_MASK, c[0], c[1], 1, false, MouseEvent.BUTTON1));
				System.out.println("pending: " + w.review().pending() + " (" + w.statusText() + ")");
			});
			EventQueue.invokeAndWait(() -> {
				shot(w, shots.resolve("pending.png"));
				w.saveButton().doClick();
			});
			for (int i = 0; i < 600 && w.saves() == 0; i++)
				Thread.sleep(50);
			if (w.saves() == 0) throw new IllegalStateException("not saved within 30 s: " + w.statusText());
			EventQueue.invokeAndWait(() -> {
				shot(w, shots.resolve("after.png"));
				System.out.println("saved: " + w.statusText() + "; pending now " + w.review().pending());
				w.dispose();
			});
		}
		System.exit(0);
	}

	/** The window as it is painted (Swing paints into an image; the same pixels as on the screen). */
	private static void shot(final Window w, final Path file) {
		final BufferedImage img = new BufferedImage(w.getWidth(), w.getHeight(), BufferedImage.TYPE_INT_RGB);
		final java.awt.Graphics2D g = img.createGraphics();
		w.paintAll(g);
		g.dispose();
		try {
			ImageIO.write(img, "png", file.toFile());
		}
		catch (final java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static ClassReviewWindow waitForWindow() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (final Window w : Window.getWindows())
				if (w instanceof ClassReviewWindow r && w.isShowing()) return r;
			Thread.sleep(50);
		}
		throw new IllegalStateException("no review window within 30 s");
	}
}
