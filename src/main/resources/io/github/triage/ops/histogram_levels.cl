// Histogram bin of each pixel (the image is passed flat, as one row) for ImageOps.otsuThreshold: (int) ((v - min) * scale), scale computed on the host.
// Subtraction and multiplication only, no contraction: every OpenCL device gives the CPU's bins (a division would
// not: OpenCL lets float division be 2.5 ulp off, and NVIDIA's is).
#pragma OPENCL FP_CONTRACT OFF

__constant sampler_t sampler = CLK_NORMALIZED_COORDS_FALSE | CLK_ADDRESS_CLAMP_TO_EDGE | CLK_FILTER_NEAREST;

__kernel void histogram_levels(IMAGE_src_TYPE src, IMAGE_dst_TYPE dst, float vmin, float scale, int last)
{
  const int2 pos = (int2){get_global_id(0), get_global_id(1)};
  const float v = READ_src_IMAGE(src, sampler, pos).x;
  const float x = (v - vmin) * scale;
  int b = (int) x;
  b = clamp(b, 0, last);
  WRITE_dst_IMAGE(dst, pos, CONVERT_dst_PIXEL_TYPE((float) b));
}
