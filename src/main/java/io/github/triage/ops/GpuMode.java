package io.github.triage.ops;

import java.util.Locale;

/** How to choose the {@link ImageOps} implementation: auto, on or off (the CLI's {@code --use-gpu}, the Fiji commands' use_gpu). */
public enum GpuMode {
	/** CLIJ2 when an OpenCL GPU device exists, else the CPU (with one log line saying so). */
	AUTO,
	/** CLIJ2 on any OpenCL device (a GPU if there is one, else e.g. PoCL on the CPU); an error if there is none. */
	ON,
	/** Always the CPU implementation. */
	OFF;

	public static GpuMode parse(final String s) {
		try {
			return valueOf(s.trim().toUpperCase(Locale.ROOT));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("the GPU mode must be auto, on or off, not '" + s + "'");
		}
	}
}
