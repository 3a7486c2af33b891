# A small asymmetric 3D map (three Gaussian blobs of different sizes) as MRC mode 2, 32^3 at 2 A/px.
import numpy as np, struct
n=32; z,y,x=np.mgrid[0:n,0:n,0:n].astype(np.float32)-n/2
def blob(cx,cy,cz,s,a): return a*np.exp(-((x-cx)**2+(y-cy)**2+(z-cz)**2)/(2*s*s))
v=blob(0,0,0,4,1.0)+blob(6,2,0,2.5,0.8)+blob(-3,-6,3,2,0.6)
v=v.astype('<f4')
hdr=bytearray(1024)
struct.pack_into('<3i',hdr,0,n,n,n); struct.pack_into('<i',hdr,12,2)
struct.pack_into('<3i',hdr,28,n,n,n); struct.pack_into('<3f',hdr,40,n*2.0,n*2.0,n*2.0)
struct.pack_into('<3f',hdr,52,90,90,90); struct.pack_into('<3i',hdr,64,1,2,3)
struct.pack_into('<3f',hdr,76,float(v.min()),float(v.max()),float(v.mean()))
hdr[208:212]=b'MAP '; struct.pack_into('<4B',hdr,212,0x44,0x44,0,0)
open('map.mrc','wb').write(bytes(hdr)+v.tobytes())
rng=np.random.default_rng(7)
with open('angles.star','w') as f:
    f.write('\ndata_optics\n\nloop_\n_rlnOpticsGroup #1\n_rlnOpticsGroupName #2\n_rlnAmplitudeContrast #3\n_rlnSphericalAberration #4\n_rlnVoltage #5\n_rlnImagePixelSize #6\n_rlnImageSize #7\n_rlnImageDimensionality #8\n1 opticsGroup1 0.1 2.7 300 2.0 32 2\n\n')
    f.write('data_particles\n\nloop_\n_rlnAngleRot #1\n_rlnAngleTilt #2\n_rlnAnglePsi #3\n_rlnDefocusU #4\n_rlnDefocusV #5\n_rlnDefocusAngle #6\n_rlnOpticsGroup #7\n_rlnMicrographName #8\n')
    for i in range(240):
        # a few preferred views so that 2D classes form
        view=i%3; rot=[0,90,45][view]+rng.normal(0,4); tilt=[0,90,60][view]+rng.normal(0,4); psi=rng.uniform(0,360)
        d=rng.uniform(15000,25000)
        f.write(f'{rot:.2f} {tilt:.2f} {psi:.2f} {d:.1f} {d:.1f} 0.0 1 mic{(i//20):03d}.mrc\n')
