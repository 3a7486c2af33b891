package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cavg.Tier;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.ops.GpuMode;
import io.github.triage.stage.cavg.RejectStage;
import io.github.triage.stage.cavg.RejectStageTest;

/**
 * {@code triage cavg reject}: argument mapping to {@link RejectStage.Options}, stdout, stderr and exit codes. What
 * the stage decides and writes is tested in {@link RejectStageTest}.
 */
class CavgCliTest {
	static final String HANDCHECK = RejectStageTest.HANDCHECK;

	@TempDir
	Path tmp;

	record Run(int exit, String out, String err) {
	}

	static Run run(final String... args) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final var cl = TriageCli.commandLine();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		final int exit = cl.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	static Path res(final String name) {
		return RejectStageTest.res(name);
	}

	/** The subcommand object after parsing {@code args} (nothing run). */
	private static CavgCli.Reject parse(final String... args) {
		final var pr = TriageCli.commandLine().parseArgs(args);
		return (CavgCli.Reject) pr.subcommand().subcommand().commandSpec().userObject();
	}

	@Test
	void everyArgumentMapsToTheStageOptions() {
		final CavgCli.Reject r = parse("cavg", "reject", "--stack", "s.mrcs", "--classes", "model.star", "--particles",
				"data.star", "--mskdiam", "150", "--tier", "P2", "--smpd", "1.3", "--compat", "simple", "--use-gpu",
				"off", "-o", "out");
		final RejectStage.Options o = r.options();
		assertEquals(RejectStage.StackInput.file(Path.of("s.mrcs")), o.stack());
		assertEquals(Path.of("model.star"), o.classes());
		assertEquals(Path.of("data.star"), o.particles());
		assertEquals(Path.of("out"), o.output());
		assertEquals(Tier.P2, o.tier());
		assertEquals(150.0, o.mskdiamA());
		assertEquals(1.3, o.pixelSizeA());
		assertTrue(o.compat());
		assertEquals(GpuMode.OFF, r.gpu.mode);
		assertEquals(Path.of("o2"), parse("cavg", "reject", "--stack", "s.mrcs", "--classes", "c.csv", "--mskdiam", "50",
				"--tier", "p1", "--output", "o2").options().output());
	}

	@Test
	void absentOptionsTakeTheStageDefaults() {
		final CavgCli.Reject r = parse("cavg", "reject", "--stack", "s.mrcs", "--classes", "c.csv", "--mskdiam", "50",
				"--tier", "ref", "-o", "out");
		final RejectStage.Options o = r.options();
		assertNull(o.particles());
		assertTrue(Double.isNaN(o.pixelSizeA()), "pixel size from the stack");
		assertEquals(RejectStage.Options.COMPAT, o.compat());
		assertEquals(GpuMode.AUTO, r.gpu.mode);
	}

	/** One whole run: exit 0, the stdout summary has the reference's flags, stderr says what was kept. */
	@Test
	void aRunPrintsTheSummaryAndExitsZero() throws IOException {
		final Path out = tmp.resolve("out");
		final Run r = run("cavg", "reject", "--stack", res(HANDCHECK + ".mrc").toString(), "--classes",
				res(HANDCHECK + "_classes.csv").toString(), "--mskdiam", "50", "--tier", "p1", "--compat", "simple",
				"--use-gpu", "off", "-o", out.toString());
		assertEquals(0, r.exit(), r.err());
		final List<String> expected = Files.readAllLines(res(HANDCHECK + "_expected_p1.csv"));
		assertEquals(expected, RejectStageTest.firstSixColumns(r.out().lines().toList()), "stdout summary");
		assertTrue(r.out().startsWith("class,state,population,resolution,mask,local_variance,reason\n"), r.out());
		assertTrue(r.err().contains("kept 1 of 6 classes; outputs in " + out), r.err());
		assertTrue(Files.exists(out.resolve("REJECTION_FINISHED")));
	}

	@Test
	void badInputExitsTwoWithTheMessageAndOnlyTheFailureRecord() throws IOException {
		final Path out = tmp.resolve("out");
		final Run r = run("cavg", "reject", "--stack", res(HANDCHECK + ".mrc").toString(), "--classes",
				res("cavgA02_b96_s1p00_n36_classes.csv").toString(), "--mskdiam", "50", "--tier", "p1",
				"--use-gpu", "off", "-o", out.toString());
		assertEquals(2, r.exit());
		assertTrue(r.err().contains("6 class averages, but the class table has 36 classes"), r.err());
		assertEquals("", r.out());
		assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
		RejectStageTest.assertOnlyFailureRecord(out, "6 class averages, but the class table has 36 classes");
	}

	@Test
	void aMissingPixelSizeNamesTheSmpdOption() throws IOException {
		final Path f = tmp.resolve("nopix.mrc");
		MrcFiles.write(f, new MrcStack(MrcFiles.read(res(HANDCHECK + ".mrc")).sections(), 64, 64, Double.NaN));
		final Run r = run("cavg", "reject", "--stack", f.toString(), "--classes",
				res(HANDCHECK + "_classes.csv").toString(), "--mskdiam", "50", "--tier", "p1", "--use-gpu", "off",
				"-o", tmp.resolve("out").toString());
		assertEquals(2, r.exit());
		assertTrue(r.err().contains("nopix.mrc: no pixel size") && r.err().contains("--smpd"), r.err());
	}

	@Test
	void unknownTierCompatAndGpuValuesAreUsageErrors() {
		final Run t = run("cavg", "reject", "--stack", "x.mrc", "--classes", "c.csv", "--mskdiam", "50", "--tier",
				"p3", "-o", tmp.resolve("o").toString());
		assertEquals(2, t.exit());
		assertTrue(t.err().contains("p3"), t.err());
		final Run c = run("cavg", "reject", "--stack", "x.mrc", "--classes", "c.csv", "--mskdiam", "50", "--tier",
				"p1", "--compat", "relion", "-o", tmp.resolve("o").toString());
		assertEquals(2, c.exit());
		assertTrue(c.err().contains("--compat"), c.err());
		final Run g = run("cavg", "reject", "--stack", "x.mrc", "--classes", "c.csv", "--mskdiam", "50", "--tier",
				"p1", "--use-gpu", "maybe", "-o", tmp.resolve("o").toString());
		assertEquals(2, g.exit());
		assertTrue(g.err().contains("auto, on or off"), g.err());
		assertTrue(!Files.exists(tmp.resolve("o")), "nothing written on a usage error");
	}

	@Test
	void helpShowsTheOutputOptionAndTheGpuDefault() {
		final Run h = run("cavg", "reject", "--help");
		assertEquals(0, h.exit());
		assertTrue(h.out().contains("-o, --output=DIR"), h.out());
		assertTrue(h.out().toLowerCase(java.util.Locale.ROOT).contains("default: auto"), h.out());
		assertTrue(!h.out().contains("Default: 0.0"), "no default for the required mask diameter: " + h.out());
	}

	@Test
	void overrideMapsItsArgumentsAndExitsTwoOnAnUnfinishedFolder() throws IOException {
		final CavgCli.OverrideClasses o = (CavgCli.OverrideClasses) TriageCli.commandLine().parseArgs("cavg", "override",
				"dir", "--keep", "3,5", "--reject", "7", "--note", "side view").subcommand().subcommand().commandSpec()
				.userObject();
		final io.github.triage.stage.cavg.OverrideStage.Options opt = o.options();
		assertEquals(Path.of("dir"), opt.folder());
		assertEquals(java.util.List.of(3, 5), opt.keep());
		assertEquals(java.util.List.of(7), opt.reject());
		assertEquals("side view", opt.note());
		assertNull(opt.particles());
		final Path out = tmp.resolve("out");
		final Run ok = run("cavg", "reject", "--stack", res(HANDCHECK + ".mrc").toString(), "--classes",
				res(HANDCHECK + "_classes.csv").toString(), "--mskdiam", "50", "--tier", "p1", "--use-gpu", "off",
				"-o", out.toString());
		assertEquals(0, ok.exit(), ok.err());
		final Run r = run("cavg", "override", out.toString(), "--keep", "3");
		assertEquals(0, r.exit(), r.err());
		assertTrue(Files.readString(out.resolve("rejection.csv")).contains(",manual,"));
		final Run bad = run("cavg", "override", tmp.resolve("nothing").toString(), "--keep", "3");
		assertEquals(2, bad.exit());
		assertTrue(bad.err().contains("no such folder"), bad.err());
	}
}
