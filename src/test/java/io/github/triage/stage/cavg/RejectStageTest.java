package io.github.triage.stage.cavg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.Tier;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.StarFile;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;

/** {@code cavg reject} as a stage, on the reference stacks and on broken inputs. */
public class RejectStageTest {
	public static final String[] STACKS = { "cavgA00_handcheck_b64_s1p00_n6", "cavgA01_b64_s2p00_n120",
			"cavgA02_b96_s1p00_n36", "cavgA03_b160_s2p20_n20" };
	public static final String HANDCHECK = STACKS[0];

	@TempDir
	Path tmp;

	/** The messages a run sent to its listener. */
	static final class Messages implements Listener {
		final List<String> lines = new ArrayList<>();

		@Override
		public void info(final String m) {
			lines.add(m);
		}

		@Override
		public void warning(final String m) {
			lines.add("warning: " + m);
		}

		String text() {
			return String.join("\n", lines);
		}
	}

	public static Path res(final String name) {
		try {
			return Path.of(RejectStageTest.class.getResource("/cavg/" + name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static JsonObject meta(final String stack) throws IOException {
		return JsonParser.parseString(Files.readString(res(stack + ".json"))).getAsJsonObject();
	}

	public static RejectStage.Options options(final Path stack, final Path classes, final double mskdiam, final Tier tier,
			final Path out) {
		return RejectStage.Options.of(RejectStage.StackInput.file(stack), classes, mskdiam, tier, out);
	}

	/** The handcheck stack with its own table, mask 50 Å, pass 1. */
	RejectStage.Options handcheck(final Path out) {
		return options(res(HANDCHECK + ".mrc"), res(HANDCHECK + "_classes.csv"), 50, Tier.P1, out);
	}

	public static RejectStage.Result run(final RejectStage.Options o, final Listener l) throws IOException {
		try (ImageOps ops = new CpuImageOps()) {
			return new RejectStage().run(o, ops, l);
		}
	}

	public static RejectStage.Result run(final RejectStage.Options o) throws IOException {
		return run(o, Listener.NONE);
	}

	static Stream<String[]> stacksAndTiers() {
		final List<String[]> l = new ArrayList<>();
		for (final String s : STACKS)
			for (final String t : new String[] { "p1", "p2", "ref", "match" })
				l.add(new String[] { s, t });
		return l.stream();
	}

	/** Compat mode on a reference stack: the per-class flags equal the reference's expected CSV. */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("stacksAndTiers")
	void compatDecisionsEqualTheReference(final String stack, final String tier) throws IOException {
		final Path out = tmp.resolve(stack + "_" + tier);
		final RejectStage.Result r = run(options(res(stack + ".mrc"), res(stack + "_classes.csv"),
				meta(stack).get("mskdiam").getAsDouble(), Tier.parse(tier), out).withCompat(true));
		final List<String> expected = Files.readAllLines(res(stack + "_expected_" + tier + ".csv"));
		assertEquals(expected, firstSixColumns(Files.readAllLines(out.resolve("rejection.csv"))));
		// selection.txt and the stacks follow the states
		final List<String> states = expected.stream().skip(1).map(l -> l.split(",")[1]).toList();
		assertEquals(states, Files.readAllLines(out.resolve("selection.txt")));
		final long kept = states.stream().filter("1"::equals).count();
		assertEquals(kept, r.kept());
		assertEquals(kept, stackSize(out.resolve(stack + "_selected.mrcs")));
		assertEquals(states.size() - kept, stackSize(out.resolve(stack + "_rejected.mrcs")));
		assertEquals(out.resolve("REJECTION_FINISHED"), r.files().get(r.files().size() - 1), "sentinel last");
	}

	/**
	 * Without compat the spec's pixel-vs-pixel pruning applies: at 2 Å/px SIMPLE prunes (and so rejects for
	 * "no component") particles wider than 32 px in a 64-px box; the default mode keeps many of them. Population
	 * and resolution do not depend on the mode.
	 */
	@Test
	void defaultModeDiffersFromCompatOnlyWhereThePruningQuirkActs() throws IOException {
		final String stack = STACKS[1];
		final Path out = tmp.resolve("default");
		run(options(res(stack + ".mrc"), res(stack + "_classes.csv"), 96, Tier.P1, out));
		final List<String> expected = Files.readAllLines(res(stack + "_expected_p1.csv"));
		final List<String> got = Files.readAllLines(out.resolve("rejection.csv"));
		int maskFlips = 0;
		for (int i = 1; i < expected.size(); i++) {
			final String[] e = expected.get(i).split(","), g = got.get(i).split(",");
			assertEquals(e[2] + "," + e[3], g[2] + "," + g[3], "population, resolution of class " + e[0]);
			if (e[4].equals("true") && g[4].equals("false")) maskFlips++;
		}
		assertTrue(maskFlips >= 10, "default mode keeps classes SIMPLE's Å-vs-px pruning rejects: " + maskFlips);
	}

	@Test
	void handcheckOutputsInDetail() throws IOException {
		final Path out = tmp.resolve("out");
		final RejectStage.Result res = run(handcheck(out).withCompat(true).withParticles(particlesForHandcheck()));
		final String stem = HANDCHECK;
		assertEquals(Set.of(stem + "_selected.mrcs", stem + "_rejected.mrcs", stem + "_selected.star",
				stem + "_rejected.star", stem + "_selected.jpg", stem + "_rejected.jpg", "class_states.csv",
				"selection.txt", "rejection.csv", "particles_selected.star", "particles_states.star",
				"REJECTION_FINISHED"), names(out));
		assertEquals(names(out), res.files().stream().map(p -> p.getFileName().toString())
				.collect(Collectors.toCollection(TreeSet::new)));
		assertEquals(1.0, res.pixelSizeA());
		assertEquals("particle counts", res.populationSource().substring(0, 15));
		// final state [0,0,0,0,1,0]: class 5 alone is kept
		assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0 }, res.states());
		final MrcStack in = MrcFiles.read(res(HANDCHECK + ".mrc"));
		final MrcStack sel = MrcFiles.read(out.resolve(stem + "_selected.mrcs"));
		final MrcStack rej = MrcFiles.read(out.resolve(stem + "_rejected.mrcs"));
		assertEquals(1, sel.size());
		assertArrayEquals(in.sections()[4], sel.sections()[0]);
		assertEquals(5, rej.size());
		for (int i = 0; i < 5; i++)
			assertArrayEquals(in.sections()[new int[] { 0, 1, 2, 3, 5 }[i]], rej.sections()[i]);
		assertEquals(1.0, sel.pixelSize());
		assertEquals("class,pop,res,state\n1,0,10,0\n2,50,10,0\n3,50,55,0\n4,0,10,0\n5,50,10,1\n6,50,55,0\n",
				Files.readString(out.resolve("class_states.csv")));
		// rejection.csv: the numbers behind the decisions
		final List<String> rows = Files.readAllLines(out.resolve("rejection.csv"));
		final List<String> header = Arrays.asList(rows.get(0).split(","));
		assertEquals(CleanupOutputs.CSV_HEADER, header);
		final String[] c1 = rows.get(1).split(","), c5 = rows.get(5).split(",");
		assertEquals("1", c1[header.indexOf("pop_threshold")]);
		assertEquals("true", c1[header.indexOf("lv_zero")]);
		assertEquals("0", c1[header.indexOf("mask_components_kept")]);
		assertEquals("1", c5[header.indexOf("mask_components_kept")]);
		assertEquals("0", c5[header.indexOf("mask_px_outside_disc")]);
		assertEquals("kept", c5[header.indexOf("reason")]);
		assertEquals(0.0, Double.parseDouble(c5[header.indexOf("lv_z_in")]), 1e-6); // class 5 is the median
		assertEquals(-0.6745, Double.parseDouble(rows.get(4).split(",")[header.indexOf("lv_z_in")]), 1e-3);
		// particles: 50 each in classes 2, 3, 5, 6; only class 5 survives
		final StarFile.Loop l = StarFile.read(out.resolve("particles_states.star")).loopWith("_rlnClassNumber");
		assertEquals(200, l.rowCount());
		int selected = 0;
		for (int i = 0; i < 200; i++) {
			final String cls = l.value(i, l.column("_rlnClassNumber")), state = l.value(i, l.column("_rlnSelected"));
			assertEquals(cls.equals("5") ? "1" : "0", state);
			assertTrue(cls.equals("5") || cls.equals("0"));
			if (state.equals("1")) selected++;
			assertEquals(String.format("%06d@particles.mrcs", i + 1), l.value(i, l.column("_rlnImageName")));
		}
		assertEquals(50, selected);
		assertEquals(50, res.particles().selected());
		assertTrue(Files.readString(out.resolve("REJECTION_FINISHED")).contains("particles_selected: 50"));
		// contact sheets are real JPEGs: 1 tile and 5 tiles (3 × 2 grid) of 128 px (64 px scaled × 2)
		final BufferedImage s = ImageIO.read(out.resolve(stem + "_selected.jpg").toFile());
		final BufferedImage j = ImageIO.read(out.resolve(stem + "_rejected.jpg").toFile());
		assertNotNull(s);
		assertNotNull(j);
		final io.github.triage.io.ContactSheets.Layout l5 = io.github.triage.io.ContactSheets.layout(5, 64);
		assertEquals(128, l5.tile());
		assertEquals(128 + 8, s.getWidth());
		assertEquals(3 * 132 + 4, j.getWidth());
		assertEquals(2 * (l5.cellHeight() + 4) + 4, j.getHeight());
		// kept in green, rejected in red: the frames' colours at a glance
		final int green = s.getRGB(l5.x(0) + 1, l5.y(0) + 40), red = j.getRGB(l5.x(0) + 1, l5.y(0) + 40);
		assertTrue(((green >> 8) & 0xff) > 150 && ((green >> 16) & 0xff) < 100, Integer.toHexString(green));
		assertTrue(((red >> 16) & 0xff) > 150 && ((red >> 8) & 0xff) < 100, Integer.toHexString(red));
	}

	@Test
	void rerunGivesIdenticalFiles() throws IOException {
		final Path out = tmp.resolve("out");
		final RejectStage.Options o = options(res(HANDCHECK + ".mrc"), res(HANDCHECK + "_classes.csv"), 50, Tier.P2, out);
		run(o);
		final List<byte[]> first = contents(out);
		run(o);
		final List<byte[]> second = contents(out);
		assertEquals(first.size(), second.size());
		for (int i = 0; i < first.size(); i++)
			assertArrayEquals(first.get(i), second.get(i));
	}

	@Test
	void existingClassStatesAreAndedAsInSimplesCleanup() throws IOException {
		// class 5 is the one class the rejector keeps; the table says it was rejected before
		final Path classes = tmp.resolve("prior.csv");
		Files.writeString(classes, "class,pop,res,state\n1,0,10,1\n2,50,10,1\n3,50,55,1\n4,0,10,1\n5,50,10,0\n6,50,55,1\n");
		final Path out = tmp.resolve("out");
		final RejectStage.Result r = run(options(res(HANDCHECK + ".mrc"), classes, 50, Tier.P1, out));
		// the rejector keeps class 5 (rejection.csv), but it was rejected before: final state 0 everywhere else
		assertTrue(Files.readAllLines(out.resolve("rejection.csv")).get(5).startsWith("5,1,false,false,false,false"));
		assertEquals(List.of("0", "0", "0", "0", "0", "0"), Files.readAllLines(out.resolve("selection.txt")));
		assertEquals(0, r.kept());
		assertTrue(names(out).stream().noneMatch(n -> n.startsWith(HANDCHECK + "_selected.")),
				"an empty set writes no stack, table or sheet: " + names(out));
		assertNull(r.selectedStack());
		assertTrue(Files.readString(out.resolve("REJECTION_FINISHED")).contains("selected_stack: none"));
		assertTrue(Files.readString(out.resolve("REJECTION_FINISHED")).contains("rejected_before: 1"));
		// feeding class_states.csv back in gives the same states again
		final Path again = tmp.resolve("again");
		run(options(res(HANDCHECK + ".mrc"), out.resolve("class_states.csv"), 50, Tier.P1, again));
		assertEquals(Files.readAllLines(out.resolve("class_states.csv")), Files.readAllLines(again.resolve("class_states.csv")));
	}

	@Test
	void relionModelStarAndParticles() throws IOException {
		final Path out = tmp.resolve("relion");
		final Messages m = new Messages();
		final RejectStage.Result r = run(options(res("relion/run_it006_classes.mrcs"), res("relion/run_it006_model.star"),
				50, Tier.P1, out).withParticles(res("relion/run_it006_data.star")), m);
		assertTrue(m.text().contains("hard assignments"), m.text());
		assertTrue(r.populationSource().contains("hard assignments"), r.populationSource());
		assertEquals(2.0, r.pixelSizeA());
		final List<String> states = Files.readAllLines(out.resolve("selection.txt"));
		assertEquals(4, states.size());
		// every particle's state is its class's state; rejected classes' particles lose their class
		final StarFile.Loop in = StarFile.read(res("relion/run_it006_data.star")).loopWith("_rlnClassNumber");
		final StarFile.Loop o = StarFile.read(out.resolve("particles_states.star")).loopWith("_rlnClassNumber");
		int selected = 0;
		for (int i = 0; i < in.rowCount(); i++) {
			final int cls = Integer.parseInt(in.value(i, in.column("_rlnClassNumber")));
			final String state = states.get(cls - 1);
			assertEquals(state, o.value(i, o.column("_rlnSelected")));
			assertEquals(state.equals("1") ? Integer.toString(cls) : "0", o.value(i, o.column("_rlnClassNumber")));
			if (state.equals("1")) selected++;
		}
		assertTrue(Files.readString(out.resolve("REJECTION_FINISHED")).contains("particles_selected: " + selected));
	}

	@Test
	void aGivenPixelSizeWinsOverTheHeaderAndIsSaid() throws IOException {
		final Path out = tmp.resolve("out");
		final Messages m = new Messages();
		final RejectStage.Result r = run(handcheck(out).withPixelSize(1.5), m);
		assertEquals(1.5, r.pixelSizeA());
		assertEquals(1.5, MrcFiles.read(out.resolve(HANDCHECK + "_selected.mrcs")).pixelSize());
		assertTrue(m.text().contains("header pixel size 1 Å/px overridden by the given pixel size 1.5"), m.text());
		assertFalse(m.text().contains("--"), "no flag names in the stage's messages: " + m.text());
	}

	@Test
	void anImageInMemoryGivesTheSameDecisionsAsItsFile() throws IOException {
		final MrcStack s = MrcFiles.read(res(HANDCHECK + ".mrc"));
		final Path out = tmp.resolve("out");
		final RejectStage.Result r = run(RejectStage.Options.of(RejectStage.StackInput.image(
				new MrcStack(s.sections(), 64, 64, Double.NaN), "hand.tif"), res(HANDCHECK + "_classes.csv"), 50,
				Tier.P1, out).withPixelSize(1.0).withCompat(true));
		assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0 }, r.states());
		assertTrue(Files.exists(out.resolve("hand_selected.mrcs")));
		assertEquals(1.0, MrcFiles.read(out.resolve("hand_selected.mrcs")).pixelSize());
	}





	@Test
	void failureAfterSuccessReplacesTheFinishedSentinel() throws IOException {
		final Path out = tmp.resolve("out");
		run(handcheck(out));
		assertTrue(Files.exists(out.resolve("REJECTION_FINISHED")));
		assertThrows(BadInputException.class, () -> run(options(res(HANDCHECK + ".mrc"),
				res("cavgA02_b96_s1p00_n36_classes.csv"), 50, Tier.P1, out)));
		assertTrue(Files.exists(out.resolve("REJECTION_FAILED")));
		assertFalse(Files.exists(out.resolve("REJECTION_FINISHED")));
		// and success after failure removes the failure record
		run(handcheck(out));
		assertFalse(Files.exists(out.resolve("REJECTION_FAILED")));
	}


	@Test
	void clij2PathGivesTheReferenceDecisions() throws IOException {
		org.junit.jupiter.api.Assumptions.assumeTrue(io.github.triage.ops.OpenClProbe.probe().hasAny(),
				"no OpenCL device: CLIJ2 test skipped");
		final Path out = tmp.resolve("clij");
		final Messages m = new Messages();
		try (ImageOps ops = ImageOpsFactory.create(GpuMode.ON, m)) {
			new RejectStage().run(handcheck(out).withCompat(true), ops, m);
		}
		assertTrue(m.text().contains("CLIJ2"), m.text());
		assertEquals(Files.readAllLines(res(HANDCHECK + "_expected_p1.csv")),
				firstSixColumns(Files.readAllLines(out.resolve("rejection.csv"))));
	}








	/** Sections of a stack file; 0 when an empty set wrote none. */
	static int stackSize(final Path f) {
		return Files.exists(f) ? MrcFiles.read(f).size() : 0;
	}

	public static void assertOnlyFailureRecord(final Path out, final String reasonPart) throws IOException {
		assertEquals(Set.of("REJECTION_FAILED"), names(out));
		final String rec = Files.readString(out.resolve("REJECTION_FAILED"));
		assertTrue(rec.startsWith("status: failed\nreason: "), rec);
		assertTrue(rec.contains(reasonPart), rec);
	}

	public static Set<String> names(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static List<byte[]> contents(final Path dir) throws IOException {
		final List<byte[]> l = new ArrayList<>();
		for (final String n : names(dir))
			l.add(Files.readAllBytes(dir.resolve(n)));
		return l;
	}

	public static List<String> firstSixColumns(final List<String> lines) {
		return lines.stream().map(l -> String.join(",", Arrays.copyOf(l.split(","), 6))).toList();
	}

	/** 200 particles: 50 in each of classes 2, 3, 5 and 6 (the handcheck populations). */
	private Path particlesForHandcheck() throws IOException {
		final StringBuilder sb = new StringBuilder("\ndata_optics\n\nloop_\n_rlnOpticsGroup #1\n_rlnImagePixelSize #2\n"
				+ "1 1.0\n\ndata_particles\n\nloop_\n_rlnImageName #1\n_rlnClassNumber #2\n_rlnOpticsGroup #3\n");
		final int[] classes = { 2, 3, 5, 6 };
		for (int i = 0; i < 200; i++)
			sb.append(String.format("%06d@particles.mrcs", i + 1)).append(' ').append(classes[i / 50]).append(" 1\n");
		final Path f = tmp.resolve("particles.star");
		Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
		return f;
	}
}
