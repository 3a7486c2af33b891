package io.github.triage.stage;

import java.io.IOException;

import io.github.triage.Listener;
import io.github.triage.ops.ImageOps;

/**
 * One file-to-file step of a pipeline. The contract every stage keeps:
 * <ol>
 * <li>its options record holds every parameter with its default (faces read defaults from there, never retype them);</li>
 * <li>{@link #run} first validates everything it will read and reports all problems at once ({@link Problems}),
 * before anything is written;</li>
 * <li>it computes through the pure core, reporting progress, information and warnings to the listener;</li>
 * <li>it writes every output atomically ({@code io.AtomicFiles}), and its completion marker (a sentinel), if it
 * has one, last;</li>
 * <li>its result says what was decided and what was written, so a CLI prints it, a Fiji command shows it and a
 * test asserts on it.</li>
 * </ol>
 * Faces (CLI, SciJava commands, ImageJ 1.x macro functions, the demo, Nextflow processes) only map their
 * parameters to options and show the result.
 *
 * @param <O> the options record
 * @param <R> the result record
 */
public interface Stage<O, R> {

	/**
	 * Runs the step.
	 *
	 * @param options  what the user chose
	 * @param ops      image kernels (CPU or CLIJ2); stages that need none ignore it, and accept null
	 * @param listener progress, information, warnings and cancel
	 * @throws io.github.triage.BadInputException for input Triage cannot use (nothing written)
	 * @throws IOException                        when reading or writing fails
	 */
	R run(O options, ImageOps ops, Listener listener) throws IOException;
}
