package io.github.triage.stage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.cavg.stream.Sentinel;
import io.github.triage.io.StarFile;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.stage.cavg.OverrideStage;

/**
 * A {@code cavg override} on a pass-1 chunk, made after its rejection finished and before pass-2 consumed it, reaches
 * the pass-2 chunk: the stream is stepped with {@code once} and stopped between the tiers.
 */
class MicrochunkOverrideTest {
	@TempDir
	Path tmp;

	@Test
	void overrideOnAPass1ChunkReachesPass2() throws Exception {
		final Path imports = tmp.resolve("imports");
		StreamFixtures.micrographs(imports, 40, 25, 4);
		final Path project = tmp.resolve("project");
		final MicrochunkStage.Options o = MicrochunkStageTest.options(project, imports)
				.withTiming(Duration.ofHours(1), Duration.ofMillis(5), true);
		final Path p1 = MicrochunkStage.chunkDir(project, Tier.P1, 1), p2 = MicrochunkStage.chunkDir(project, Tier.P2, 1);
		for (int pass = 0; pass < 50 && !Files.exists(p1.resolve(Sentinel.REJECTION_FINISHED.fileName())); pass++)
			new MicrochunkStage().run(o, new CpuImageOps(), Listener.NONE);
		assertTrue(Files.exists(p1.resolve(Sentinel.REJECTION_FINISHED.fileName())), "p1_001 rejected");
		assertFalse(Files.exists(p2), "stopped before pass-2");

		// the classifier's class of each particle, and the rejection's states per class
		final ChunkFolder f = new ChunkFolder(project.resolve(StreamRun.CHUNKS), new ChunkId(Tier.P1, 1));
		final Map<String, Integer> classOf = classes(f.outputs().data());
		final Set<Integer> keptBefore = new HashSet<>(f.selected().values());
		final int toReject = keptBefore.stream().min(Integer::compare).orElseThrow();
		int toKeep = -1;
		for (final int c : new HashSet<>(classOf.values()))
			if (!keptBefore.contains(c) && (toKeep < 0 || c < toKeep)) toKeep = c;
		assertTrue(toKeep > 0, "the rejection rejected a populated class: " + keptBefore);
		new OverrideStage().run(OverrideStage.Options.of(p1, List.of(toKeep), List.of(toReject)).withNote("test"),
				new CpuImageOps(), Listener.NONE);

		for (int pass = 0; pass < 50 && !Files.exists(p2.resolve(ChunkFolder.PARTICLES)); pass++)
			new MicrochunkStage().run(o, new CpuImageOps(), Listener.NONE);
		final Set<String> inP2 = new HashSet<>();
		final StarFile star = StarFile.read(p2.resolve(ChunkFolder.PARTICLES));
		final StarFile.Loop loop = star.loopWith(ParticleTable.IMAGE);
		for (int r = 0; r < loop.rowCount(); r++)
			inP2.add(loop.value(r, loop.column(ParticleTable.IMAGE)));
		assertTrue(Files.readString(p2.resolve(ChunkFolder.SOURCES)).startsWith("p1_001\n"));
		int rejected = 0, kept = 0;
		for (final Map.Entry<String, Integer> e : classOf.entrySet()) {
			if (e.getValue() == toReject) {
				assertFalse(inP2.contains(e.getKey()), "a particle of class " + toReject + " rejected by hand: " + e.getKey());
				rejected++;
			}
			if (e.getValue() == toKeep) {
				assertTrue(inP2.contains(e.getKey()), "a particle of class " + toKeep + " kept by hand: " + e.getKey());
				kept++;
			}
		}
		assertTrue(rejected > 0 && kept > 0, rejected + " rejected, " + kept + " kept by hand");
		// the status counts what p1_001 selects now
		final String row = MicrochunkStage.status(project).lines().filter(l -> l.startsWith("p1_001,")).findFirst()
				.orElseThrow();
		assertEquals(Integer.toString(f.selected().size()), row.split(",")[4], row);
	}

	private static Map<String, Integer> classes(final Path data) {
		final StarFile star = StarFile.read(data);
		final StarFile.Loop loop = star.loopWith(ParticleTable.IMAGE);
		final int img = loop.column(ParticleTable.IMAGE), cls = loop.column("_rlnClassNumber");
		final Map<String, Integer> out = new HashMap<>();
		for (int r = 0; r < loop.rowCount(); r++)
			out.put(loop.value(r, img), (int) star.number(loop, r, cls));
		return out;
	}
}
