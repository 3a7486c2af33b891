package io.github.triage.io.zarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.github.triage.BadInputException;

/**
 * The first {@code multiscales} entry of an OME-Zarr image: NGFF 0.4 in a Zarr v2 group ({@code .zattrs}) or NGFF
 * 0.5 in a Zarr v3 group ({@code zarr.json} → {@code attributes.ome}). Each level's scale is the product of its
 * dataset's scale transformations and the multiscale-level ones; translations do not change the voxel size.
 *
 * @param version   the NGFF version ("0.4", "0.5"; "" when the metadata names none)
 * @param format    Zarr format of the group, 2 or 3
 * @param paths     dataset path of each level
 * @param scales    voxel size of each level, one value per array axis
 * @param axisNames axis names ("" where unknown)
 * @param units     axis units as written ("" where none)
 */
public record NgffMultiscale(String version, int format, List<String> paths, List<double[]> scales,
		List<String> axisNames, List<String> units) {

	/** Millimetres per unit for the NGFF/UDUNITS space units; null for an unknown or empty unit. */
	private static final Map<String, Double> MM = Map.ofEntries(Map.entry("millimeter", 1.0),
			Map.entry("micrometer", 1e-3), Map.entry("nanometer", 1e-6), Map.entry("picometer", 1e-9),
			Map.entry("angstrom", 1e-7), Map.entry("centimeter", 10.0), Map.entry("decimeter", 100.0),
			Map.entry("meter", 1e3), Map.entry("kilometer", 1e6), Map.entry("inch", 25.4), Map.entry("foot", 304.8),
			Map.entry("mm", 1.0), Map.entry("um", 1e-3), Map.entry("µm", 1e-3), Map.entry("nm", 1e-6));

	/** Millimetres per {@code unit}, or NaN when the unit is empty or not a length. */
	public static double millimetresPer(final String unit) {
		final Double f = unit == null ? null : MM.get(unit.toLowerCase(Locale.ROOT));
		return f == null ? Double.NaN : f;
	}

	/** Reads the image metadata of {@code root}. */
	public static NgffMultiscale read(final Path root, final String label) {
		if (!Files.isDirectory(root)) throw new BadInputException(label + ": not an OME-Zarr folder");
		final JsonArray multiscales;
		String version = "";
		final int format;
		final String where;
		if (Files.isRegularFile(root.resolve("zarr.json"))) {
			format = 3;
			where = label + " (zarr.json)";
			final JsonObject g = ZarrJson.read(root.resolve("zarr.json"), label);
			if (g.has("node_type") && !"group".equals(g.get("node_type").getAsString()))
				throw new BadInputException(where + ": node_type is " + g.get("node_type") + ", an OME-Zarr image is a group");
			final JsonObject attrs = g.has("attributes") && g.get("attributes").isJsonObject()
					? g.getAsJsonObject("attributes") : new JsonObject();
			final JsonObject ome = attrs.has("ome") && attrs.get("ome").isJsonObject() ? attrs.getAsJsonObject("ome") : attrs;
			if (ome.has("version")) version = ome.get("version").getAsString();
			if (!ome.has("multiscales"))
				throw new BadInputException(where + ": attributes have no 'ome.multiscales' (not an OME-Zarr image)");
			multiscales = ZarrJson.array(ome, "multiscales", where);
		}
		else if (Files.isRegularFile(root.resolve(".zgroup"))) {
			format = 2;
			where = label + " (.zattrs)";
			if (!Files.isRegularFile(root.resolve(".zattrs")))
				throw new BadInputException(label + ": no .zattrs (not an OME-Zarr image)");
			ZarrJson.read(root.resolve(".zgroup"), label);
			final JsonObject attrs = ZarrJson.read(root.resolve(".zattrs"), label);
			if (!attrs.has("multiscales"))
				throw new BadInputException(where + ": no 'multiscales' (not an OME-Zarr image)");
			multiscales = ZarrJson.array(attrs, "multiscales", where);
		}
		else throw new BadInputException(label + ": neither zarr.json (Zarr v3) nor .zgroup (Zarr v2): not an OME-Zarr image");
		if (multiscales.isEmpty()) throw new BadInputException(where + ": 'multiscales' is empty");
		if (!multiscales.get(0).isJsonObject()) throw new BadInputException(where + ": multiscales[0] is not an object");
		final JsonObject ms = multiscales.get(0).getAsJsonObject();
		if (ms.has("version")) version = ms.get("version").getAsString();
		if (!version.isEmpty() && !version.startsWith("0.4") && !version.startsWith("0.5"))
			throw new BadInputException(where + ": OME-Zarr version " + version + " is not supported (0.4 and 0.5 are)");
		final List<String> names = new ArrayList<>(), units = new ArrayList<>();
		if (ms.has("axes") && ms.get("axes").isJsonArray())
			for (final JsonElement a : ms.getAsJsonArray("axes")) {
				if (a.isJsonPrimitive()) { // NGFF 0.3: a list of names
					names.add(a.getAsString());
					units.add("");
					continue;
				}
				final JsonObject o = a.getAsJsonObject();
				names.add(o.has("name") ? o.get("name").getAsString() : "");
				units.add(o.has("unit") && o.get("unit").isJsonPrimitive() ? o.get("unit").getAsString() : "");
			}
		final JsonArray datasets = ZarrJson.array(ms, "datasets", where + " multiscales[0]");
		if (datasets.isEmpty()) throw new BadInputException(where + ": multiscales[0].datasets is empty");
		final double[] global = ms.has("coordinateTransformations")
				? scaleOf(ms.get("coordinateTransformations"), where + " multiscales[0].coordinateTransformations") : null;
		final List<String> paths = new ArrayList<>();
		final List<double[]> scales = new ArrayList<>();
		for (int l = 0; l < datasets.size(); l++) {
			final String w = where + " datasets[" + l + "]";
			if (!datasets.get(l).isJsonObject()) throw new BadInputException(w + " is not an object");
			final JsonObject ds = datasets.get(l).getAsJsonObject();
			if (!ds.has("path") || ds.get("path").getAsString().isBlank()) throw new BadInputException(w + " has no path");
			paths.add(ds.get("path").getAsString());
			double[] s = ds.has("coordinateTransformations") ? scaleOf(ds.get("coordinateTransformations"), w) : null;
			if (global != null) s = s == null ? global.clone() : times(s, global, w);
			scales.add(s);
		}
		return new NgffMultiscale(version, format, List.copyOf(paths), scales, List.copyOf(names), List.copyOf(units));
	}

	/** Product of the scale transformations in a list; null when there is none. */
	private static double[] scaleOf(final JsonElement list, final String where) {
		if (!list.isJsonArray()) throw new BadInputException(where + ": coordinateTransformations is not a list");
		double[] out = null;
		for (final JsonElement t : list.getAsJsonArray()) {
			final JsonObject o = t.getAsJsonObject();
			final String type = o.has("type") ? o.get("type").getAsString() : "";
			if (!"scale".equals(type)) continue;
			if (o.has("path")) throw new BadInputException(where + ": a scale given by path is not supported");
			final JsonArray a = ZarrJson.array(o, "scale", where);
			final double[] s = new double[a.size()];
			for (int i = 0; i < s.length; i++) {
				if (!a.get(i).isJsonPrimitive() || !a.get(i).getAsJsonPrimitive().isNumber())
					throw new BadInputException(where + ": scale value " + a.get(i) + " is not a number");
				s[i] = a.get(i).getAsDouble();
			}
			out = out == null ? s : times(out, s, where);
		}
		return out;
	}

	private static double[] times(final double[] a, final double[] b, final String where) {
		if (a.length != b.length)
			throw new BadInputException(where + ": scales of " + a.length + " and " + b.length + " values do not match");
		final double[] out = new double[a.length];
		for (int i = 0; i < a.length; i++)
			out[i] = a[i] * b[i];
		return out;
	}
}
