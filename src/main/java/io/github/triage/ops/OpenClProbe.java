package io.github.triage.ops;

import java.util.ArrayList;
import java.util.List;

import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds OpenCL devices without touching CLIJ (which is slow to start and noisy when there is no OpenCL).
 * Never throws: a missing library or driver is reported as "no devices" with the reason.
 */
public final class OpenClProbe {

	/** What the probe found. */
	public static final class Result {
		public final List<String> gpuDevices;
		public final List<String> allDevices;
		public final String problem;

		Result(final List<String> gpus, final List<String> all, final String problem) {
			this.gpuDevices = gpus;
			this.allDevices = all;
			this.problem = problem;
		}

		public boolean hasGpu() {
			return !gpuDevices.isEmpty();
		}

		public boolean hasAny() {
			return !allDevices.isEmpty();
		}
	}

	private static Result cached;

	private OpenClProbe() {
	}

	public static synchronized Result probe() {
		if (cached == null) cached = doProbe();
		return cached;
	}

	private static Result doProbe() {
		final List<String> gpus = new ArrayList<>(), all = new ArrayList<>();
		try {
			CL.setExceptionsEnabled(true);
			final int[] n = new int[1];
			CL.clGetPlatformIDs(0, null, n);
			final cl_platform_id[] platforms = new cl_platform_id[n[0]];
			CL.clGetPlatformIDs(n[0], platforms, null);
			for (final cl_platform_id p : platforms) {
				collect(p, CL.CL_DEVICE_TYPE_ALL, all);
				collect(p, CL.CL_DEVICE_TYPE_GPU, gpus);
			}
			return new Result(gpus, all, all.isEmpty() ? "no OpenCL device" : null);
		}
		catch (final Throwable t) {
			// UnsatisfiedLinkError without libOpenCL; CLException CL_PLATFORM_NOT_FOUND_KHR without an ICD.
			return new Result(gpus, all, t.getClass().getSimpleName() + ": " + t.getMessage());
		}
	}

	private static void collect(final cl_platform_id p, final long type, final List<String> out) {
		final int[] n = new int[1];
		try {
			CL.clGetDeviceIDs(p, type, 0, null, n);
		}
		catch (final Throwable t) {
			return; // CL_DEVICE_NOT_FOUND for this type
		}
		final cl_device_id[] ids = new cl_device_id[n[0]];
		CL.clGetDeviceIDs(p, type, n[0], ids, null);
		for (final cl_device_id id : ids) {
			final long[] size = new long[1];
			CL.clGetDeviceInfo(id, CL.CL_DEVICE_NAME, 0, null, size);
			final byte[] buf = new byte[(int) size[0]];
			CL.clGetDeviceInfo(id, CL.CL_DEVICE_NAME, buf.length, org.jocl.Pointer.to(buf), null);
			out.add(new String(buf, 0, Math.max(0, buf.length - 1)).trim());
		}
	}
}
