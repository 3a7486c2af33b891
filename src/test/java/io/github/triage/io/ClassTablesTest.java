package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cavg.ClassStats;

class ClassTablesTest {
	@TempDir
	Path tmp;

	@Test
	void readsReferenceCsv() {
		final ClassTables.ClassTable t = ClassTables.read(MrcFilesTest.resource("cavgA00_handcheck_b64_s1p00_n6_classes.csv"));
		assertEquals(List.of(new ClassStats(1, 0, 10), new ClassStats(2, 50, 10), new ClassStats(3, 50, 55),
				new ClassStats(4, 0, 10), new ClassStats(5, 50, 10), new ClassStats(6, 50, 55)), t.classes());
		final ClassTables.ClassTable a01 = ClassTables.read(MrcFilesTest.resource("cavgA01_b64_s2p00_n120_classes.csv"));
		assertEquals(120, a01.size());
		assertEquals(36000, a01.classes().stream().mapToDouble(ClassStats::population).sum());
		assertEquals(new ClassStats(99, a01.classes().get(98).population(), 40.001), a01.classes().get(98));
	}

	@Test
	void csvRowsInAnyOrderAreSortedByClass() throws IOException {
		final Path f = write("t.csv", "res,class,pop\n12.5,2,30\n8,1,20\n");
		assertEquals(List.of(new ClassStats(1, 20, 8), new ClassStats(2, 30, 12.5)), ClassTables.read(f).classes());
	}

	@Test
	void relionModelFractionsAreScaledByTheGroupParticleCount() {
		final ClassTables.ClassTable t = ClassTables.read(MrcFilesTest.resource("relion/run_it006_model.star"));
		assertEquals(4, t.size());
		// fractions 0.021038, 0.518973, 0.282477, 0.177513 of 200 particles (data_model_groups)
		assertEquals(0.021038 * 200, t.classes().get(0).population(), 1e-9);
		assertEquals(0.518973 * 200, t.classes().get(1).population(), 1e-9);
		assertEquals(16.0, t.classes().get(0).resolution());
		assertEquals(12.8, t.classes().get(2).resolution());
		assertTrue(t.populationSource().contains("200"), t.populationSource());
		// with the particles' classes, the populations are their hard assignments
		final ClassTables.ClassTable hard = ClassTables.read(MrcFilesTest.resource("relion/run_it006_model.star"),
				new int[] { 2, 2, 3, 2, 0 }, "p.star");
		assertEquals(List.of(0.0, 3.0, 1.0, 0.0), hard.classes().stream().map(ClassStats::population).toList());
		assertTrue(hard.populationSource().startsWith("hard assignments"), hard.populationSource());
	}

	@Test
	void fractionsWithoutParticleCountAreRefused() throws IOException {
		final Path f = write("model.star", """
				data_model_classes
				loop_
				_rlnReferenceImage #1
				_rlnClassDistribution #2
				_rlnEstimatedResolution #3
				000001@run_classes.mrcs 0.25 12.0
				000002@run_classes.mrcs 0.75 30.0
				""");
		final BadInputException e = assertThrows(BadInputException.class, () -> ClassTables.read(f));
		assertTrue(e.getMessage().contains("model.star") && e.getMessage().contains("give the particle STAR"), e.getMessage());
		assertEquals(List.of(new ClassStats(1, 1, 12), new ClassStats(2, 3, 30)), ClassTables.read(f, new int[] { 1, 2, 2, 2 }, "p.star").classes());
	}

	@Test
	void simpleStarHoldsRawCounts() throws IOException {
		final Path f = write("simple_cls2D.star", """
				data_
				loop_
				_rlnReferenceImage
				_rlnEstimatedResolution
				_rlnClassDistribution
				2@cavgs.mrc 9.5 120
				1@cavgs.mrc 41 3
				""");
		assertEquals(List.of(new ClassStats(1, 3, 41), new ClassStats(2, 120, 9.5)), ClassTables.read(f).classes());
	}

	@Test
	void missingColumnsAreErrors() throws IOException {
		final BadInputException csv = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("nopop.csv", "class,res\n1,10\n")));
		assertTrue(csv.getMessage().contains("nopop.csv: missing column 'pop'"), csv.getMessage());
		final BadInputException star = assertThrows(BadInputException.class, () -> ClassTables.read(
				write("nores.star", "data_model_classes\nloop_\n_rlnReferenceImage\n_rlnClassDistribution\n1@a.mrcs 5\n")));
		assertTrue(star.getMessage().contains("nores.star: missing column _rlnEstimatedResolution"), star.getMessage());
	}

	@Test
	void badValuesAreErrorsNamingFileAndLine() throws IOException {
		final BadInputException neg = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("neg.csv", "class,pop,res\n1,10,8\n2,-3,8\n")));
		assertTrue(neg.getMessage().contains("neg.csv:3: class 2 has a negative population"), neg.getMessage());
		final BadInputException text = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("text.csv", "class,pop,res\n1,ten,8\n")));
		assertTrue(text.getMessage().endsWith("text.csv:2: column pop: 'ten' is not a number"), text.getMessage());
		final BadInputException nan = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("nan.csv", "class,pop,res\n1,NaN,8\n")));
		assertTrue(nan.getMessage().contains("nan.csv:2"), nan.getMessage());
		final BadInputException dup = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("dup.csv", "class,pop,res\n1,5,8\n1,5,8\n")));
		assertTrue(dup.getMessage().contains("dup.csv:3: class 1 appears twice"), dup.getMessage());
		final BadInputException gap = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("gap.csv", "class,pop,res\n1,5,8\n3,5,8\n")));
		assertTrue(gap.getMessage().contains("gap.csv:3: class 3 outside 1..2"), gap.getMessage());
		final BadInputException starText = assertThrows(BadInputException.class, () -> ClassTables.read(
				write("t.star", "data_\nloop_\n_rlnClassDistribution\n_rlnEstimatedResolution\n5 12\nmany 12\n")));
		assertTrue(starText.getMessage().contains("t.star:6: column _rlnClassDistribution: 'many'"), starText.getMessage());
	}

	@Test
	void relionInfAndNanResolutionsReadAsUnresolved() throws IOException {
		// RELION 3.1.3's own model.star: classes 1, 6 and 9 have _rlnEstimatedResolution inf
		final ClassTables.ClassTable t = ClassTables.read(relion("run_it006_model.star"));
		assertEquals(10, t.size());
		for (final int c : new int[] { 1, 6, 9 })
			assertEquals(Double.POSITIVE_INFINITY, t.classes().get(c - 1).resolution(), "class " + c);
		assertEquals(16.0, t.classes().get(1).resolution());
		final ClassTables.ClassTable csv = ClassTables.read(write("u.csv", "class,pop,res\n1,5,inf\n2,5,-nan\n3,5,8\n"));
		assertEquals(List.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 8.0),
				csv.classes().stream().map(ClassStats::resolution).toList());
	}

	@Test
	void withParticlesRelionPopulationsAreHardAssignments() {
		final int[] classes = ParticleStars.read(relion("run_it006_data.star")).classNumbers();
		final ClassTables.ClassTable t = ClassTables.read(relion("run_it006_model.star"), classes, "run_it006_data.star");
		// README: 1: 2, 2: 67, 4: 2, 5: 14, 6: 4, 7: 157, 10: 54; classes 3, 8, 9 empty
		assertEquals(List.of(2.0, 67.0, 0.0, 2.0, 14.0, 4.0, 157.0, 0.0, 0.0, 54.0),
				t.classes().stream().map(ClassStats::population).toList());
		assertTrue(t.populationSource().contains("hard assignments") && t.populationSource().contains("run_it006_data"),
				t.populationSource());
	}

	@Test
	void fractionsSummingToLessThanOneAreFractions() throws IOException {
		// RELION's fractions need not sum to 1 (here 0.95): they are still fractions, not particle counts
		final Path f = write("model.star", """
				data_model_classes
				loop_
				_rlnReferenceImage #1
				_rlnClassDistribution #2
				_rlnEstimatedResolution #3
				000001@run_classes.mrcs 0.45 12.0
				000002@run_classes.mrcs 0.50 30.0

				data_model_groups
				loop_
				_rlnGroupNumber #1
				_rlnGroupNrParticles #2
				1 1000
				""");
		final ClassTables.ClassTable t = ClassTables.read(f);
		assertEquals(450.0, t.classes().get(0).population(), 1e-9);
		assertEquals(500.0, t.classes().get(1).population(), 1e-9);
		assertTrue(t.populationSource().contains("fractions") && t.populationSource().contains("sum 0.95"),
				t.populationSource());
	}

	@Test
	void aByteOrderMarkBeforeTheCsvHeaderIsAccepted() throws IOException {
		final Path f = tmp.resolve("bom.csv");
		Files.write(f, "\uFEFFclass,pop,res\n1,20,8\n2,30,12.5\n".getBytes(StandardCharsets.UTF_8));
		assertEquals(List.of(new ClassStats(1, 20, 8), new ClassStats(2, 30, 12.5)), ClassTables.read(f).classes());
	}

	@Test
	void zeroClassesIsAnError() throws IOException {
		final BadInputException e = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("empty.csv", "class,pop,res\n")));
		assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("no classes"), e.getMessage());
	}

	@Test
	void writesStates() throws IOException {
		final Path f = tmp.resolve("states.csv");
		ClassTables.writeStates(f, List.of(new ClassStats(1, 20, 8.5), new ClassStats(2, 4.2, 50)), new int[] { 1, 0 });
		assertEquals("class,pop,res,state\n1,20,8.5,1\n2,4.2,50,0\n", Files.readString(f));
	}

	private Path write(final String name, final String text) throws IOException {
		final Path f = tmp.resolve(name);
		Files.writeString(f, text);
		return f;
	}

	static Path relion(final String name) {
		try {
			return Path.of(ClassTablesTest.class.getResource("/relion/run10/" + name).toURI());
		}
		catch (final java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
