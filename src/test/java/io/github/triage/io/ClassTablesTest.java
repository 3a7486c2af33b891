package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
		final ClassTables.ClassTable t = ClassTables.read(MrcFilesTest.resource("cavgA00_handcheck_b64_s1p00_n6_classes.csv"), -1);
		assertEquals(List.of(new ClassStats(1, 0, 10), new ClassStats(2, 50, 10), new ClassStats(3, 50, 55),
				new ClassStats(4, 0, 10), new ClassStats(5, 50, 10), new ClassStats(6, 50, 55)), t.classes());
		final ClassTables.ClassTable a01 = ClassTables.read(MrcFilesTest.resource("cavgA01_b64_s2p00_n120_classes.csv"), -1);
		assertEquals(120, a01.size());
		assertEquals(36000, a01.classes().stream().mapToDouble(ClassStats::population).sum());
		assertEquals(new ClassStats(99, a01.classes().get(98).population(), 40.001), a01.classes().get(98));
	}

	@Test
	void csvRowsInAnyOrderAreSortedByClass() throws IOException {
		final Path f = write("t.csv", "res,class,pop\n12.5,2,30\n8,1,20\n");
		assertEquals(List.of(new ClassStats(1, 20, 8), new ClassStats(2, 30, 12.5)), ClassTables.read(f, -1).classes());
	}

	@Test
	void relionModelFractionsAreScaledByTheGroupParticleCount() {
		final ClassTables.ClassTable t = ClassTables.read(MrcFilesTest.resource("relion/run_it006_model.star"), -1);
		assertEquals(4, t.size());
		// fractions 0.021038, 0.518973, 0.282477, 0.177513 of 200 particles (data_model_groups)
		assertEquals(0.021038 * 200, t.classes().get(0).population(), 1e-9);
		assertEquals(0.518973 * 200, t.classes().get(1).population(), 1e-9);
		assertEquals(16.0, t.classes().get(0).resolution());
		assertEquals(12.8, t.classes().get(2).resolution());
		assertTrue(t.populationSource().contains("200"), t.populationSource());
		// an explicit particle count (from the particle STAR) wins
		assertEquals(0.518973 * 1000, ClassTables.read(MrcFilesTest.resource("relion/run_it006_model.star"), 1000)
				.classes().get(1).population(), 1e-9);
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
		final BadInputException e = assertThrows(BadInputException.class, () -> ClassTables.read(f, -1));
		assertTrue(e.getMessage().contains("model.star") && e.getMessage().contains("give the particle STAR"), e.getMessage());
		assertEquals(List.of(new ClassStats(1, 100, 12), new ClassStats(2, 300, 30)), ClassTables.read(f, 400).classes());
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
		assertEquals(List.of(new ClassStats(1, 3, 41), new ClassStats(2, 120, 9.5)), ClassTables.read(f, -1).classes());
	}

	@Test
	void missingColumnsAreErrors() throws IOException {
		final BadInputException csv = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("nopop.csv", "class,res\n1,10\n"), -1));
		assertTrue(csv.getMessage().contains("nopop.csv: missing column 'pop'"), csv.getMessage());
		final BadInputException star = assertThrows(BadInputException.class, () -> ClassTables.read(
				write("nores.star", "data_model_classes\nloop_\n_rlnReferenceImage\n_rlnClassDistribution\n1@a.mrcs 5\n"), -1));
		assertTrue(star.getMessage().contains("nores.star: missing column _rlnEstimatedResolution"), star.getMessage());
	}

	@Test
	void badValuesAreErrorsNamingFileAndLine() throws IOException {
		final BadInputException neg = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("neg.csv", "class,pop,res\n1,10,8\n2,-3,8\n"), -1));
		assertTrue(neg.getMessage().contains("neg.csv:3: class 2 has a negative population"), neg.getMessage());
		final BadInputException text = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("text.csv", "class,pop,res\n1,ten,8\n"), -1));
		assertTrue(text.getMessage().endsWith("text.csv:2: column pop: 'ten' is not a number"), text.getMessage());
		final BadInputException nan = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("nan.csv", "class,pop,res\n1,5,NaN\n"), -1));
		assertTrue(nan.getMessage().contains("nan.csv:2"), nan.getMessage());
		final BadInputException dup = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("dup.csv", "class,pop,res\n1,5,8\n1,5,8\n"), -1));
		assertTrue(dup.getMessage().contains("dup.csv:3: class 1 appears twice"), dup.getMessage());
		final BadInputException gap = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("gap.csv", "class,pop,res\n1,5,8\n3,5,8\n"), -1));
		assertTrue(gap.getMessage().contains("gap.csv:3: class 3 outside 1..2"), gap.getMessage());
		final BadInputException starText = assertThrows(BadInputException.class, () -> ClassTables.read(
				write("t.star", "data_\nloop_\n_rlnClassDistribution\n_rlnEstimatedResolution\n5 12\nmany 12\n"), -1));
		assertTrue(starText.getMessage().contains("t.star:6: column _rlnClassDistribution: 'many'"), starText.getMessage());
	}

	@Test
	void zeroClassesIsAnError() throws IOException {
		final BadInputException e = assertThrows(BadInputException.class,
				() -> ClassTables.read(write("empty.csv", "class,pop,res\n"), -1));
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
}
