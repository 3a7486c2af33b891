// Reads an OME-Zarr image with zarrita.js (Zarr v2 and v3) and prints what a test compares with what Triage wrote:
// usage: node read.mjs PATH  ->  one JSON line {version, zarrFormat, levels: [{path, dtype, shape, first, sum}]}.
import { FileSystemStore } from "@zarrita/storage";
import * as zarr from "zarrita";

const root = zarr.root(new FileSystemStore(process.argv[2]));
const group = await zarr.open(root, { kind: "group" });
// NGFF 0.5 (Zarr v3) keeps its metadata under attributes.ome; 0.4 (Zarr v2) at the top of .zattrs.
const ome = group.attrs.ome ?? group.attrs;
const ms = ome.multiscales[0];
const levels = [];
for (const ds of ms.datasets.slice(0, 2)) {
  const arr = await zarr.open(root.resolve(ds.path), { kind: "array" });
  const { data, shape } = await zarr.get(arr);
  let sum = 0;
  for (const v of data) sum += Number(v);
  levels.push({ path: ds.path, dtype: arr.dtype, shape, first: Number(data[0]), sum });
}
console.log(JSON.stringify({ version: ome.version ?? ms.version, levels }));
