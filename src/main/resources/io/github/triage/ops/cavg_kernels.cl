// Class-average kernels of Triage (issue 5), run through CLIJ2's execute(). Single precision, no contraction into
// fused multiply-add, so the grey levels equal the CPU's (CavgOtsu.Binning).
#pragma OPENCL FP_CONTRACT OFF
#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

__constant sampler_t sampler = CLK_NORMALIZED_COORDS_FALSE | CLK_ADDRESS_CLAMP_TO_EDGE | CLK_FILTER_NEAREST;

// SIMPLE's Otsu grey level of each pixel: nint((sc*v - off) / dx), clipped to 0..255.
__kernel void cavg_otsu_levels(IMAGE_src_TYPE src, IMAGE_dst_TYPE dst, float sc, float off, float dx)
{
  const int2 pos = (int2){get_global_id(0), get_global_id(1)};
  const float v = READ_src_IMAGE(src, sampler, pos).x;
  const float xs = sc * v - off;
#ifdef cl_khr_fp64
  // OpenCL lets float division be 2.5 ulp off (NVIDIA's is), which moved pixels across level boundaries on an H100;
  // double division is exact, and rounding it to float gives the CPU's correctly rounded float quotient.
  const float q = (float) ((double) xs / (double) dx);
#else
  const float q = xs / dx;
#endif
  float b = round(q);
  b = clamp(b, 0.0f, 255.0f);
  WRITE_dst_IMAGE(dst, pos, CONVERT_dst_PIXEL_TYPE(b));
}

// Unbiased (n-1) variance of the (2r+1)^2 window around each pixel, clipped at the image border (no padding).
__kernel void cavg_local_variance(IMAGE_src_TYPE src, IMAGE_dst_TYPE dst, int radius)
{
  const int x = get_global_id(0);
  const int y = get_global_id(1);
  const int w = GET_IMAGE_WIDTH(src);
  const int h = GET_IMAGE_HEIGHT(src);
  const int x0 = max(0, x - radius), x1 = min(w - 1, x + radius);
  const int y0 = max(0, y - radius), y1 = min(h - 1, y + radius);
  float sum = 0.0f;
  int n = 0;
  for (int yy = y0; yy <= y1; yy++)
    for (int xx = x0; xx <= x1; xx++) {
      sum += READ_src_IMAGE(src, sampler, ((int2){xx, yy})).x;
      n++;
    }
  const float mean = sum / n;
  float ss = 0.0f;
  for (int yy = y0; yy <= y1; yy++)
    for (int xx = x0; xx <= x1; xx++) {
      const float d = READ_src_IMAGE(src, sampler, ((int2){xx, yy})).x - mean;
      ss += d * d;
    }
  const float var = n > 1 ? ss / (n - 1) : 0.0f;
  WRITE_dst_IMAGE(dst, ((int2){x, y}), CONVERT_dst_PIXEL_TYPE(var));
}
