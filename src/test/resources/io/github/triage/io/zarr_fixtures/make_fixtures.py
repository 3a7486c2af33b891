"""Regenerates the OME-Zarr fixtures of OmeZarrFixturesTest (run with Debian's /usr/bin/python3: zarr 2.13,
numcodecs 0.11, numpy). v2 images are written by zarr-python itself; v3 images (zarr-python 2 cannot write v3)
are written by hand from the Zarr v3 spec with numcodecs doing the compression. expected_<dtype>.txt holds the
values of every image of that dtype, one per line, in C order, as numpy prints them."""
import json, os, shutil, struct
import numpy as np, zarr
from numcodecs import Zlib, GZip, Zstd, Blosc, LZ4

SHAPE, CHUNKS = (3, 5, 7), (2, 3, 4)
DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64']

def values(dt):
    n = int(np.prod(SHAPE))
    if dt == 'bool':
        return (np.arange(n) % 3 == 0).reshape(SHAPE)
    if dt.startswith('float'):
        a = (np.arange(n) - 40) * 1.25
        a[0], a[1] = 3.0e38 if dt == 'float32' else 1.0e300, -0.5
        return a.astype(dt).reshape(SHAPE)
    info = np.iinfo(dt)
    a = (np.arange(n, dtype=np.int64) * 7 - 30)
    a = np.clip(a, max(info.min, -2**62), min(info.max, 2**62)).astype(dt)
    a[0], a[1] = info.max, info.min
    return a.reshape(SHAPE)

def group_attrs(version, path, unit='micrometer', extra_ct=False):
    ms = {'axes': [{'name': a, 'type': 'space', 'unit': unit} for a in 'zyx'],
          'datasets': [{'path': path, 'coordinateTransformations': [{'type': 'scale', 'scale': [2.0, 0.5, 0.25]}]}],
          'name': 'fixture'}
    if extra_ct:
        ms['coordinateTransformations'] = [{'type': 'scale', 'scale': [10.0, 10.0, 10.0]}]
    if version == '0.4':
        ms['version'] = '0.4'
    return ms

def v2(name, dt, compressor, order='C', endian='<', unit='micrometer', extra_ct=False):
    root = f'v2/{name}.ome.zarr'
    shutil.rmtree(root, ignore_errors=True)
    g = zarr.open_group(zarr.DirectoryStore(root, dimension_separator='/'), mode='w')
    dtype = np.dtype(dt).newbyteorder(endian) if np.dtype(dt).itemsize > 1 else np.dtype(dt)
    a = g.create_dataset('0', shape=SHAPE, chunks=CHUNKS, dtype=dtype, compressor=compressor, order=order,
                         fill_value=0)
    a[:] = values(dt)
    g.attrs['multiscales'] = [group_attrs('0.4', '0', unit, extra_ct)]

CRC_TABLE = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
    CRC_TABLE.append(c)

def crc32c(b):
    c = 0xFFFFFFFF
    for x in b:
        c = CRC_TABLE[(c ^ x) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF

def v3(name, dt, codecs, endian='little', transpose=None):
    """codecs: list of (json, numcodecs object or 'crc32c')"""
    root = f'v3/{name}.ome.zarr'
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root + '/s0')
    json.dump({'zarr_format': 3, 'node_type': 'group',
               'attributes': {'ome': {'version': '0.5', 'multiscales': [group_attrs('0.5', 's0', 'nanometer')]}}},
              open(root + '/zarr.json', 'w'), indent=2)
    chain = ([{'name': 'transpose', 'configuration': {'order': transpose}}] if transpose else []) + \
            [{'name': 'bytes', 'configuration': {'endian': endian}}] + [c[0] for c in codecs]
    json.dump({'zarr_format': 3, 'node_type': 'array', 'shape': SHAPE, 'data_type': dt,
               'chunk_grid': {'name': 'regular', 'configuration': {'chunk_shape': CHUNKS}},
               'chunk_key_encoding': {'name': 'default', 'configuration': {'separator': '/'}},
               'fill_value': 0, 'codecs': chain, 'attributes': {}},
              open(root + '/s0/zarr.json', 'w'), indent=2)
    a = values(dt)
    bo = '<' if endian == 'little' else '>'
    for cz in range(0, SHAPE[0], CHUNKS[0]):
        for cy in range(0, SHAPE[1], CHUNKS[1]):
            for cx in range(0, SHAPE[2], CHUNKS[2]):
                chunk = np.zeros(CHUNKS, dtype=dt)
                part = a[cz:cz + CHUNKS[0], cy:cy + CHUNKS[1], cx:cx + CHUNKS[2]]
                chunk[:part.shape[0], :part.shape[1], :part.shape[2]] = part
                if transpose:
                    chunk = np.ascontiguousarray(chunk.transpose(transpose))
                b = chunk.astype(np.dtype(dt).newbyteorder(bo)).tobytes()
                for _, c in codecs:
                    b = b + struct.pack('<I', crc32c(b)) if c == 'crc32c' else bytes(c.encode(b))
                p = f'{root}/s0/c/{cz // CHUNKS[0]}/{cy // CHUNKS[1]}/{cx // CHUNKS[2]}'
                os.makedirs(os.path.dirname(p), exist_ok=True)
                open(p, 'wb').write(b)

comps = [Zlib(5), GZip(5), Zstd(3), Blosc('lz4', 5, Blosc.SHUFFLE), Blosc('zstd', 3, Blosc.BITSHUFFLE),
         Blosc('blosclz', 9, Blosc.SHUFFLE), Blosc('zlib', 5, Blosc.NOSHUFFLE), Blosc('lz4hc', 9, Blosc.BITSHUFFLE), LZ4()]
for i, dt in enumerate(DTYPES):
    c = comps[i % len(comps)]
    v2(f'{dt}_{c.codec_id}{i}', dt, c)
    v3(f'{dt}_zstd', dt, [({'name': 'zstd', 'configuration': {'level': 3, 'checksum': False}}, Zstd(3))])
    with open(f'expected_{dt}.txt', 'w') as f:
        f.write('\n'.join(str(int(v)) if dt != 'bool' and not dt.startswith('float') else
                          (str(int(v)) if dt == 'bool' else repr(float(v))) for v in values(dt).ravel()) + '\n')
for j, c in enumerate(comps):
    v2(f'uint16_all_{c.codec_id}{j}', 'uint16', c)
v2('float32_fortran_bigendian', 'float32', Zlib(5), order='F', endian='>', unit='millimeter', extra_ct=True)
v2('uint16_none', 'uint16', None)
v3('uint16_gzip_crc32c_transpose_big', 'uint16',
   [({'name': 'gzip', 'configuration': {'level': 5}}, GZip(5)), ({'name': 'crc32c'}, 'crc32c')],
   endian='big', transpose=[2, 0, 1])
v3('float32_blosc', 'float32', [({'name': 'blosc', 'configuration': {'cname': 'lz4', 'clevel': 5, 'shuffle': 'shuffle',
                                  'typesize': 4, 'blocksize': 0}}, Blosc('lz4', 5, Blosc.SHUFFLE))])

# Large enough chunks for Blosc to use several blocks and split streams: values are a known formula
# (y * 300 + x) % 65521 for uint16, so the test computes them itself.
for cname, shuf in (('lz4', Blosc.SHUFFLE), ('blosclz', Blosc.SHUFFLE), ('zstd', Blosc.BITSHUFFLE)):
    root = f'v2/big_{cname}.ome.zarr'
    shutil.rmtree(root, ignore_errors=True)
    g = zarr.open_group(zarr.DirectoryStore(root, dimension_separator='/'), mode='w')
    a = g.create_dataset('0', shape=(1, 300, 300), chunks=(1, 300, 300), dtype='<u2',
                         compressor=Blosc(cname, 5, shuf, blocksize=16384), fill_value=0)
    a[:] = ((np.arange(300)[:, None] * 300 + np.arange(300)[None, :]) % 65521).astype('u2')[None]
    g.attrs['multiscales'] = [group_attrs('0.4', '0')]
