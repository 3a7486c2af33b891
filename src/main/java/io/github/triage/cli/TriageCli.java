package io.github.triage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import io.github.triage.BadInputException;
import io.github.triage.NotEnoughMemoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless entry point ({@code bin/triage}) for cluster jobs and pipelines. Output is machine-readable CSV
 * on stdout; warnings and errors go to stderr. Exit codes: 0 success, 2 bad input, 1 anything else.
 */
@Command(name = "triage", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Keep/reject decisions on image series, with an audit trail.%n"
				+ "Serial-section OCT: the whole flow in one command (oct run), or its steps: slice_config.csv, shifts, "
				+ "galvo, slice quality, stacking. Cryo-EM: class averages.")
public final class TriageCli implements Runnable {
	public static final int EXIT_BAD_INPUT = 2;

	/**
	 * The subcommands, in help order. Not in the annotation: picocli would build every command's model (hundreds of
	 * classes, most of a second) on each start; {@link #main} builds only the one that runs (see {@link #commandLine(String...)}).
	 */
	private static final Class<?>[] SUBCOMMANDS = { OctCli.class, SliceConfigCli.class, ShiftsCli.class,
			GalvoCli.class, QualityCli.class, CavgCli.class, StackCli.class, ReportCli.class, MicrochunkCli.class };

	/**
	 * The demo and the benchmarks live in src/demo and src/bench, packaged in the -cli jar that bin/triage puts on
	 * the class path but never shipped to Fiji; they are added when present.
	 */
	private static final String[] OPTIONAL_SUBCOMMANDS = {
			"io.github.triage.demo.DemoCli", "io.github.triage.bench.BenchCli" };

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** A configured command line with every command built, for tests that capture its output. */
	public static CommandLine commandLine() {
		return commandLine((String) null);
	}

	/**
	 * A configured command line for these arguments: the command they name (their first word) is built in full,
	 * every other one only as its name and description (all the top-level help and suggestions need), so a start
	 * loads only the classes of the command that runs. {@code null}, or {@code help}, builds all.
	 */
	public static CommandLine commandLine(final String... argv) {
		// picocli's factory looks for Groovy's Closure class first: a class that is not there is looked for in every
		// jar of the class path, and opening the ~60 jars of the command line's was most of a start's cost beyond
		// the JVM's own (docs/performance.md, Start-up). No command here is a Groovy closure.
		System.setProperty("picocli.disable.closures", "true");
		final String first = argv == null || argv.length == 0 ? "" : argv[0];
		final boolean all = first == null || first.equals("help");
		final CommandLine cl = new CommandLine(new TriageCli());
		final java.util.List<Class<?>> commands = new java.util.ArrayList<>(java.util.Arrays.asList(SUBCOMMANDS));
		for (final String name : OPTIONAL_SUBCOMMANDS)
			optional(name).ifPresent(commands::add);
		final String second = argv == null || argv.length < 2 ? null : argv[1];
		for (final Class<?> c : commands) {
			final Command a = c.getAnnotation(Command.class);
			if (all || named(a, first))
				cl.addSubcommand(all ? instance(c) : group(c, a, second, cl.getFactory()));
			else cl.addSubcommand(a.name(), new CommandLine(placeholder(a)));
		}
		cl.addSubcommand(new CommandLine.HelpCommand()); // last, as in picocli's usual order
		cl.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, line));
		// picocli hands only Exceptions to the handler: an Error (OutOfMemoryError above all) is caught here.
		cl.setExecutionStrategy(parsed -> {
			try {
				return new CommandLine.RunLast().execute(parsed);
			}
			catch (final Error e) {
				final List<CommandLine> lines = parsed.asCommandLineList();
				return report(e, lines.get(lines.size() - 1));
			}
		});
		cl.setParameterExceptionHandler((ex, args) -> {
			// One line and a suggestion, not the whole usage: the mistake stays visible.
			final CommandLine sub = ex.getCommandLine();
			final PrintWriter err = sub.getErr();
			err.println("triage: error: " + ex.getMessage());
			if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err))
				err.println("See '" + sub.getCommandSpec().qualifiedName() + " --help'.");
			err.flush();
			return EXIT_BAD_INPUT;
		});
		showDefaults(cl);
		return cl;
	}

	/**
	 * One line on stderr for whatever a command throws, never a stack trace (unless {@code TRIAGE_DEBUG=1}): bad
	 * input exits 2; I/O failures and memory exit 1 (outputs are atomic, so nothing half-written is left behind);
	 * anything else is a bug, named with the command and how to report it.
	 */
	static int report(final Throwable ex, final CommandLine line) {
		final PrintWriter err = line.getErr();
		final String command = line.getCommandSpec().qualifiedName();
		final int exit;
		if (ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
			err.println("triage: error: " + ex.getMessage());
			exit = EXIT_BAD_INPUT;
		}
		else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
			err.println("triage: I/O error: " + ex.getMessage());
			exit = 1;
		}
		else if (ex instanceof OutOfMemoryError || ex instanceof NotEnoughMemoryException) {
			err.println("triage: error: out of memory" + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
					+ " (Java may use " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; give more with TRIAGE_JAVA_OPTS=-Xmx"
					+ Math.max(1, 2 * ((Runtime.getRuntime().maxMemory() >> 30) + 1)) + "g)");
			exit = 1;
		}
		else if (ex instanceof java.util.concurrent.CancellationException) {
			err.println("triage: " + command + ": cancelled");
			exit = 1;
		}
		else {
			err.println("triage: error: " + command + " failed: " + ex
					+ " (please report: run with TRIAGE_DEBUG=1 for the stack trace)");
			exit = 1;
		}
		if (debug()) ex.printStackTrace(err);
		err.flush();
		return exit;
	}

	private static boolean debug() {
		final String d = System.getenv("TRIAGE_DEBUG");
		return d != null && !d.isEmpty() && !d.equals("0");
	}

	private static Optional<Class<?>> optional(final String className) {
		try {
			return Optional.of(Class.forName(className, false, TriageCli.class.getClassLoader()));
		} catch (final ClassNotFoundException e) {
			return Optional.empty();
		}
	}

	private static Object instance(final Class<?> c) {
		try {
			return c.getDeclaredConstructor().newInstance();
		} catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot create " + c.getName(), e);
		}
	}

	private static boolean named(final Command a, final String word) {
		return a.name().equals(word) || java.util.Arrays.asList(a.aliases()).contains(word);
	}

	/**
	 * A command group ({@code galvo}, {@code quality}, …) with only the subcommand {@code second} built in full and
	 * its siblings as name and description (what the group's help and suggestions need): picocli builds every
	 * subcommand an annotation lists, 10–25 ms of a start for the siblings. Anything else (a command without
	 * subcommands, a second word that names none: an option, a typo) is built in full as before.
	 */
	private static Object group(final Class<?> c, final Command a, final String second,
			final CommandLine.IFactory factory) {
		final Object command = instance(c);
		if (!(command instanceof CommandGroup) || a.subcommands().length == 0 || second == null) return command;
		Class<?> chosen = null;
		for (final Class<?> sub : a.subcommands())
			if (named(sub.getAnnotation(Command.class), second)) chosen = sub;
		if (chosen == null) return command;
		final CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(command, factory)
				.name(a.name()).aliases(a.aliases()).mixinStandardHelpOptions(a.mixinStandardHelpOptions());
		spec.usageMessage().description(a.description()).hidden(a.hidden());
		((CommandGroup) command).spec = spec; // what @Spec would have injected
		final CommandLine line = new CommandLine(spec, factory);
		for (final Class<?> sub : a.subcommands()) {
			final Command s = sub.getAnnotation(Command.class);
			if (sub == chosen) line.addSubcommand(instance(sub));
			else line.addSubcommand(s.name(), new CommandLine(placeholder(s), factory));
		}
		return line;
	}

	/** A command that is not run: only what the top-level help lists (its name and description). */
	private static CommandLine.Model.CommandSpec placeholder(final Command a) {
		final CommandLine.Model.CommandSpec s = CommandLine.Model.CommandSpec.create().name(a.name()).aliases(a.aliases());
		s.usageMessage().description(a.description()).hidden(a.hidden());
		return s;
	}

	/** Every option's help ends with its default, the same way on every command. */
	private static void showDefaults(final CommandLine cl) {
		cl.getCommandSpec().usageMessage().showDefaultValues(true);
		for (final CommandLine sub : cl.getSubcommands().values())
			showDefaults(sub);
	}

	public static void main(final String... args) throws java.io.IOException {
		if (HelpCache.print(args, System.out)) System.exit(0);
		System.exit(commandLine(args).execute(args));
	}
}
