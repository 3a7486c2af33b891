package io.github.triage.ops;

import io.github.triage.Listener;

/**
 * Picks the {@link ImageOps} implementation for a run. Without a GPU the CPU path is used: plain Java beats
 * CLIJ2 on an OpenCL CPU device (PoCL) by an order of magnitude, so PoCL is only used when asked for
 * ({@link GpuMode#ON}), as the tests do.
 */
public final class ImageOpsFactory {
	/** System property or environment variable (TRIAGE_OPENCL_DEVICE) naming part of the device to use. */
	public static final String DEVICE_PROPERTY = "triage.opencl.device";

	private ImageOpsFactory() {
	}

	/** @param log hears which kernels were chosen (info) */
	public static ImageOps create(final GpuMode mode, final Listener log) {
		if (mode == GpuMode.OFF) return new CpuImageOps();
		final OpenClProbe.Result probe = OpenClProbe.probe();
		final String wanted = wantedDevice();
		if (mode == GpuMode.AUTO) {
			if (!probe.hasGpu()) {
				log.info("No OpenCL GPU found (" + (probe.problem != null ? probe.problem
						: "devices: " + String.join(", ", probe.allDevices)) + "): using the CPU implementation.");
				return new CpuImageOps();
			}
			return openClij(wanted != null ? wanted : probe.gpuDevices.get(0), log, true);
		}
		if (!probe.hasAny())
			throw new IllegalStateException("GPU mode on, but no OpenCL device is available (" + probe.problem
					+ "). Install a GPU driver, or PoCL for the CPU: apt-get install ocl-icd-libopencl1 pocl-opencl-icd");
		return openClij(wanted != null ? wanted : probe.hasGpu() ? probe.gpuDevices.get(0) : probe.allDevices.get(0),
				log, false);
	}

	private static ImageOps openClij(final String device, final Listener log, final boolean fallBack) {
		try {
			final ImageOps ops = new Clij2ImageOps(device);
			log.info("Using CLIJ2 on OpenCL device '" + device + "'.");
			return ops;
		}
		catch (final Throwable t) {
			if (!fallBack) throw new IllegalStateException("CLIJ2 could not start on '" + device + "': " + t, t);
			log.info("CLIJ2 could not start on '" + device + "' (" + t + "): using the CPU implementation.");
			return new CpuImageOps();
		}
	}

	private static String wantedDevice() {
		final String p = System.getProperty(DEVICE_PROPERTY);
		if (p != null && !p.isBlank()) return p.trim();
		final String e = System.getenv("TRIAGE_OPENCL_DEVICE");
		return e != null && !e.isBlank() ? e.trim() : null;
	}
}
