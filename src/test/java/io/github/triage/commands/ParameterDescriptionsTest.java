package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Every parameter of every Triage command has a description, shown as help in its dialog. */
class ParameterDescriptionsTest {

	@Test
	void everyParameterHasADescription() throws Exception {
		final List<String> missing = new ArrayList<>();
		final List<Class<?>> commands = commands();
		assertTrue(commands.size() >= 13, commands.toString());
		for (final Class<?> c : commands)
			// our classes only (SciJava's ContextCommand has its own context parameter)
			for (Class<?> k = c; k != null && k.getName().startsWith("io.github.triage."); k = k.getSuperclass())
				for (final Field f : k.getDeclaredFields()) {
					final Parameter p = f.getAnnotation(Parameter.class);
					if (p != null && p.description().isBlank()) missing.add(c.getSimpleName() + "." + f.getName());
				}
		assertEquals(List.of(), missing);
	}

	@Test
	void theReviewWindowIsInTheClassAveragesMenuAndNotHeadless() {
		final Plugin p = ReviewClassAveragesCommand.class.getAnnotation(Plugin.class);
		assertEquals("Plugins>Triage>Class averages>Review class averages", p.menuPath());
		assertFalse(p.headless());
	}

	/** The classes of this package annotated @Plugin (read from the compiled classes folder). */
	private static List<Class<?>> commands() throws Exception {
		final Path dir = Path.of(TriageCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.resolve("io/github/triage/commands");
		final List<Class<?>> out = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (final Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
				final String name = f.getFileName().toString();
				final Class<?> c = Class.forName("io.github.triage.commands." + name.substring(0, name.length() - 6),
						false, ParameterDescriptionsTest.class.getClassLoader());
				if (c.isAnnotationPresent(Plugin.class)) out.add(c);
			}
		}
		return out;
	}
}
