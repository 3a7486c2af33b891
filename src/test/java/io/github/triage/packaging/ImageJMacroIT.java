package io.github.triage.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the macros of {@code macros/} with plain ImageJ 1.x in batch mode, the packaged plugin jar in a fresh
 * plugins folder (so its plugins.config makes the menu entries) and the dependencies on the class path, and checks
 * what they write and print. "-batch" exits 0 even after macro errors, so only the outputs tell; every run is under
 * {@code timeout} because an unknown command opens a modal dialog that would hang under Xvfb.
 * <p>
 * Shifts (spec's worked example, rows shuffled): steps 0→1 (10,5), 1→2 (8,3), 2→3 (12,7), 3→4 (5,2), 4→5 (9,4) mm;
 * cumulative 0:(0,0) 1:(10,5) 2:(18,8) 3:(30,15) 4:(35,17) 5:(44,21). The macros exclude 0 (calibration) and 1, so
 * 02..05 are used; centred on the slice at index 4/2 = 2 of the selection (04: (35,17)); 10 µm pixels = mm × 100.
 */
class ImageJMacroIT {

	private static final List<String> CONFIG = List.of(
		"slice_id,use,quality_score,galvo_confidence,galvo_fix,rehomed,rehoming_reliable,auto_excluded,"
			+ "auto_exclude_reason,interpolated,interpolation_failed,interpolation_method_used,"
			+ "interpolation_fallback_reason,notes",
		"00,false,,,,,,,,,,,,calibration_slice",
		"01,false,,,,,,,,,,,,excluded",
		"02,true,,,,,,,,,,,,",
		"03,true,,,,,,,,,,,,checked by eye",
		"04,true,,,,,,,,,,,,",
		"05,true,,,,,,,,,,,,");

	private static final List<String> CUMULATIVE = List.of("slice_id,dx_mm,dy_mm,dx_px,dy_px",
		"02,-17,-9,-1700,-900", "03,-5,-2,-500,-200", "04,0,0,0,0", "05,9,4,900,400");

	@TempDir
	Path tmp;

	@Test
	void exampleMacroRunsThroughThePluginsConfigMenus() throws Exception {
		assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed: SKIPPING the ImageJ 1.x menu macro test "
			+ "(run(...) needs AWT menus; bin/test installs xvfb)");
		final Path data = dataWithShifts();
		final String out = runMacro(macro("slice_config_example.ijm"), data.toString(), true);

		assertTrue(out.contains("slice_config example done"), "macro did not finish:\n" + out);
		assertEquals(CONFIG, Files.readAllLines(data.resolve("slice_config.csv")), out);
		assertEquals(List.of("02", "03", "04", "05"), Files.readAllLines(data.resolve("ids.txt")), out);
		assertEquals(CUMULATIVE, Files.readAllLines(data.resolve("cumulative.csv")), out);
		assertTrue(out.contains("Triage: wrote " + data.resolve("slice_config.csv") + ": 6 slices, 4 used"), out);
		assertTrue(out.contains("\n02\n03\n04\n05\n"), "filter ids not printed one per line:\n" + out);
		assertTrue(out.contains("use: 02,03,04,05"), out);
		assertTrue(out.contains("skip: 00,01"), out);
		assertFalse(out.contains("Triage error"), out);
	}

	@Test
	void headlessMacroUsesCallWithoutADisplay() throws Exception {
		final Path data = dataWithShifts();
		final String out = runMacro(macro("slice_config_headless.ijm"), data.toString(), false);

		assertTrue(out.contains("slice_config headless done"), "macro did not finish:\n" + out);
		assertTrue(out.contains("generate: 6 slices, 4 used"), out);
		assertTrue(out.contains("stamped: 03"), out);
		assertTrue(out.contains("use: 02,03,04,05"), out);
		assertTrue(out.contains("skip: 00,01"), out);
		assertEquals(CONFIG, Files.readAllLines(data.resolve("slice_config.csv")), out);
		assertEquals(CUMULATIVE, Files.readAllLines(data.resolve("cumulative.csv")), out);
	}

	@Test
	void badInputIsNamedAndNothingIsWritten() throws Exception {
		final Path bad = tmp.resolve("bad.csv");
		copyResource("bad_boolean.csv", bad);
		final Path ids = tmp.resolve("ids.txt");
		final Path m = tmp.resolve("bad.ijm");
		final List<String> lines = new ArrayList<>();
		lines.add("r = call(\"io.github.triage.commands.ij1.MacroFunctions.filter\", \"" + bad + "\");");
		lines.add("print(\"call returned [\" + r + \"]\");");
		final boolean menus = onPath("xvfb-run");
		if (menus) lines.add("run(\"Slice config filter\", \"config=[" + bad + "] output=[" + ids + "]\");");
		lines.add("print(\"end of bad macro\");");
		Files.write(m, lines);
		final String out = runMacro(m, "", menus);

		final String error = bad + ": line 3, column 'use': unknown boolean 'maybe'";
		assertTrue(out.contains("call returned [error: " + error), out);
		assertTrue(out.contains("Triage error: " + error), out);
		if (menus) assertEquals(2, out.split("Triage error: ", -1).length - 1, "menu entry did not report:\n" + out);
		assertFalse(Files.exists(ids), "ids written from a bad config");
		assertTrue(out.contains("end of bad macro"), out);
		try (Stream<Path> s = Files.list(tmp)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "temporary file left behind");
		}
	}

	// ---------------------------------------------------------------------------------------------------------

	private Path dataWithShifts() throws IOException {
		final Path data = Files.createDirectories(tmp.resolve("data dir")); // a space: paths go in [brackets]
		copyResource("shifts_xy.csv", data.resolve("shifts_xy.csv"));
		return data;
	}

	private static Path macro(final String name) {
		final Path m = BuiltArtifacts.root().resolve("macros").resolve(name);
		assertTrue(Files.isRegularFile(m), m + " missing");
		return m;
	}

	/** Runs ImageJ 1.x -batch on the macro; headless unless {@code display} (then under xvfb-run). */
	private String runMacro(final Path macro, final String arg, final boolean display) throws Exception {
		final Path ij = tmp.resolve("imagej");
		final Path plugins = Files.createDirectories(ij.resolve("plugins"));
		final Path jar = BuiltArtifacts.pluginJar();
		if (!Files.exists(plugins.resolve(jar.getFileName()))) Files.copy(jar, plugins.resolve(jar.getFileName()));
		final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

		final List<String> cmd = new ArrayList<>(List.of("timeout", "120"));
		if (display) cmd.addAll(List.of("xvfb-run", "-a"));
		cmd.addAll(List.of(java, "-Xmx512m", "-Dplugins.dir=" + ij, "-Duser.home=" + tmp));
		if (!display) cmd.add("-Djava.awt.headless=true");
		cmd.addAll(List.of("-cp", classpath(), "ij.ImageJ", "-batch", macro.toString()));
		if (!arg.isEmpty()) cmd.add(arg);

		final Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
		final String out;
		try (InputStream in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertTrue(p.waitFor(150, TimeUnit.SECONDS), "ImageJ did not exit");
		assertFalse(p.exitValue() == 124, "ImageJ timed out (a dialog?):\n" + out);
		assertEquals(0, p.exitValue(), "ImageJ failed:\n" + out);
		return out;
	}

	/** ImageJ and the plugin's dependencies: target/lib (the plugin jar itself is only in plugins/). */
	private static String classpath() throws IOException {
		try (Stream<Path> s = Files.list(BuiltArtifacts.target().resolve("lib"))) {
			final List<String> jars = s.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted()
				.collect(Collectors.toList());
			assertTrue(jars.stream().anyMatch(j -> j.contains("ij-1.")), "no ImageJ jar in target/lib");
			return String.join(File.pathSeparator, jars);
		}
	}

	private static void copyResource(final String name, final Path to) throws IOException {
		try (InputStream in = ImageJMacroIT.class.getResourceAsStream("/commands/" + name)) {
			assertTrue(in != null, "test resource commands/" + name + " missing");
			Files.copy(in, to);
		}
	}

	private static boolean onPath(final String command) {
		final String path = System.getenv("PATH");
		if (path == null) return false;
		for (final String dir : path.split(File.pathSeparator))
			if (Files.isExecutable(Paths.get(dir, command))) return true;
		return false;
	}
}
