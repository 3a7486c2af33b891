package io.github.triage.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Shared by tests of the CLIJ2 path: they run on any OpenCL device (PoCL in CI) and are skipped without one. */
public final class OpenClTestSupport {
	private static ImageOps clij;

	private OpenClTestSupport() {
	}

	/**
	 * The CLIJ2 implementation, or a skipped test when there is no OpenCL device. Set
	 * {@code -Dtriage.require.opencl=true} (CI does) to fail instead of skipping.
	 */
	public static synchronized ImageOps clij2() {
		final OpenClProbe.Result probe = OpenClProbe.probe();
		if (Boolean.getBoolean("triage.require.opencl") && !probe.hasAny())
			throw new AssertionError("OpenCL required but not found: " + probe.problem);
		assumeTrue(probe.hasAny(), "no OpenCL device (" + probe.problem + "): CLIJ2 test skipped");
		if (clij == null) clij = ImageOpsFactory.create(GpuMode.ON, new io.github.triage.Listener() {
			@Override
			public void info(final String message) {
				System.err.println(message);
			}
		});
		return clij;
	}
}
