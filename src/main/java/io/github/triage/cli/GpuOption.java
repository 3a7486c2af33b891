package io.github.triage.cli;

import io.github.triage.Listener;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;

/**
 * {@code --use-gpu auto|on|off}, the same on every command that runs image kernels ({@code @Mixin GpuOption gpu}).
 */
public final class GpuOption extends GpuOptionFields {
	/** The kernels for this run; {@code listener} hears which were chosen. */
	public ImageOps open(final Listener listener) {
		if (mode == GpuMode.AUTO && !gpuCouldExist()) {
			// the OpenCL probe loads JOCL and starts every OpenCL driver (PoCL: most of a second) to find no GPU
			Listener.orNone(listener).info("No GPU on this machine (no " + String.join(", ", GPU_NODES)
					+ "): using the CPU implementation.");
			return ImageOpsFactory.create(GpuMode.OFF, Listener.NONE);
		}
		return ImageOpsFactory.create(mode, Listener.orNone(listener));
	}

	/** Device files one of which every Linux GPU driver creates (DRM, NVIDIA, AMD KFD, WSL, Mali, Adreno). */
	static final java.util.List<String> GPU_NODES = java.util.List.of("/dev/dri", "/dev/nvidiactl", "/dev/nvidia0",
			"/dev/kfd", "/dev/dxg", "/dev/mali0", "/dev/kgsl-3d0");

	/**
	 * False only where no GPU can be: Linux without any GPU device file, and no OpenCL device asked for by name.
	 * Elsewhere (macOS, Windows) only the OpenCL probe can tell.
	 */
	static boolean gpuCouldExist() {
		if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return true;
		final String device = System.getenv("TRIAGE_OPENCL_DEVICE");
		if (System.getProperty(ImageOpsFactory.DEVICE_PROPERTY) != null || device != null && !device.isBlank()) return true;
		for (final String node : GPU_NODES)
			if (new java.io.File(node).exists()) return true;
		return false;
	}

	/** A stage's run with the kernels of this option, closed after it. */
	public <R> R run(final Listener listener, final WithOps<R> work) throws Exception {
		try (ImageOps ops = open(listener)) {
			return work.run(ops);
		}
	}

	/** Work that needs the kernels. */
	@FunctionalInterface
	public interface WithOps<R> {
		R run(ImageOps ops) throws Exception;
	}

	/** {@code auto|on|off}, any case. */
	public static final class GpuModeConverter implements picocli.CommandLine.ITypeConverter<GpuMode> {
		@Override
		public GpuMode convert(final String value) {
			try {
				return GpuMode.parse(value);
			}
			catch (final IllegalArgumentException e) {
				throw new picocli.CommandLine.TypeConversionException("must be auto, on or off, not '" + value + "'");
			}
		}
	}
}
