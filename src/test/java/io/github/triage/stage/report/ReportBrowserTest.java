package io.github.triage.stage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.github.triage.Listener;

/**
 * Opens the report in a real headless browser (Debian's chromium, installed by bin/test): every image must have
 * loaded and decoded, and a screenshot is kept as target/report-browser/report.png. Skipped without chromium.
 */
class ReportBrowserTest {
	private static final Path OUT = Path.of("target/report-browser");

	@Test
	void rendersWithEveryImageLoaded() throws Exception {
		final String chromium = chromium();
		Assumptions.assumeTrue(chromium != null, "no chromium on PATH: the browser test of report.html is skipped");
		deleteTree(OUT);
		final ReportStage.Options o = ReportFixture.write(OUT.resolve("run"));
		final Path report = new ReportStage().run(o, null, Listener.NONE).written().toAbsolutePath();

		// A copy with a test-only check: after load, the body records how many images there are and which are
		// broken (not complete, or no natural size). The report itself has no script.
		final Path probe = report.resolveSibling("report-probe.html");
		Files.writeString(probe, Files.readString(report).replace("</body>", "<script>window.addEventListener('load',"
				+ "()=>{const im=[...document.images];const bad=im.filter(i=>!(i.complete&&i.naturalWidth>0))"
				+ ".map(i=>i.alt);document.body.setAttribute('data-probe',im.length+':'+bad.length+':'+bad.join('|'));"
				+ "});</script></body>"));
		final String dom = runChromium(chromium, "--dump-dom", "file://" + probe);
		final Matcher m = Pattern.compile("data-probe=\"(\\d+):(\\d+):([^\"]*)\"").matcher(dom);
		assertTrue(m.find(), "the page did not finish loading:\n" + dom.substring(0, Math.min(500, dom.length())));
		assertEquals(5 + 10 + 3, Integer.parseInt(m.group(1)), "images in the page");
		assertEquals(0, Integer.parseInt(m.group(2)), "broken images: " + m.group(3));

		final Path shot = OUT.resolve("report.png").toAbsolutePath();
		runChromium(chromium, "--screenshot=" + shot, "--window-size=1400,3000", "file://" + report);
		assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
	}

	private static String runChromium(final String chromium, final String... args) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of("timeout", "60", chromium, "--headless", "--no-sandbox",
				"--disable-gpu", "--hide-scrollbars", "--run-all-compositor-stages-before-draw",
				"--virtual-time-budget=5000", "--user-data-dir=" + OUT.resolve("chromium-profile").toAbsolutePath()));
		cmd.addAll(List.of(args));
		final Process p = new ProcessBuilder(cmd).redirectError(OUT.resolve("chromium.log").toFile()).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
		assertEquals(0, p.exitValue(), "chromium failed; see " + OUT.resolve("chromium.log"));
		return out;
	}

	private static String chromium() {
		for (final String name : new String[] { "chromium", "chromium-browser" })
			for (final String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
				if (Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
		return null;
	}

	private static void deleteTree(final Path p) throws Exception {
		if (!Files.exists(p)) return;
		try (var s = Files.walk(p)) {
			for (final Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator)
				Files.delete(f);
		}
	}
}
