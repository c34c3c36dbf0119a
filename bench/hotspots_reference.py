"""Independent reference for bench/hotspots.ts: the same kernel density and Gi* with NumPy/SciPy.

Run by the benchmark with Debian's /usr/bin/python3 (apt-get install python3-scipy):
    /usr/bin/python3 bench/hotspots_reference.py <directory> '<parameters as JSON>'
The directory holds, as little-endian binary:
  points.f64       x, y of every incident in projected metres, interleaved
  gi-counts.f64    incidents per H3 cell of the study area
  gi-indptr.i32    CSR row pointers of the cells' k-ring neighbours (the cell itself not listed)
  gi-indices.i32   CSR column indices
It writes kde.f64 (density per cell, row by row from the south-west), z.f64 and kind.i8
(1 hot, -1 cold, 0 none) there and prints the median times in seconds as JSON.

Kernel density the binned way (Wand 1994): each incident is moved to the centre of its grid
cell, and the grid of counts is convolved by FFT with the quartic kernel sampled at the offsets
between cell centres. Gi* with binary weights, a sparse matrix for the neighbourhoods, the normal
distribution's survival function for p and Benjamini-Hochberg for q.
"""

import json
import statistics
import sys
import time

try:
    import numpy as np
    import scipy
    from scipy import signal, sparse, stats
except ImportError:
    sys.exit("hotspots_reference.py needs NumPy and SciPy: apt-get install python3-scipy, run with /usr/bin/python3")


def binned_kde(xy, grid, bandwidth):
    columns, rows, size = grid["columns"], grid["rows"], grid["cellSize"]
    column = np.floor((xy[:, 0] - grid["originX"]) / size).astype(np.int64)
    row = np.floor((xy[:, 1] - grid["originY"]) / size).astype(np.int64)
    counts = np.bincount(row * columns + column, minlength=rows * columns).reshape(rows, columns).astype(np.float64)
    reach = int(np.floor(bandwidth / size))
    offsets = np.arange(-reach, reach + 1) * size
    u = (offsets[None, :] ** 2 + offsets[:, None] ** 2) / bandwidth**2
    kernel = np.where(u < 1, 3 / (np.pi * bandwidth**2) * (1 - u) ** 2, 0.0)
    return signal.fftconvolve(counts, kernel, mode="same")


def gi_star(x, indptr, indices, alpha):
    n = x.size
    near = sparse.csr_matrix((np.ones(indices.size), indices, indptr), shape=(n, n)) + sparse.identity(n, format="csr")
    local = near @ x
    weight = np.diff(near.indptr).astype(np.float64)
    mean = x.mean()
    spread = np.sqrt(max(0.0, (x**2).mean() - mean**2))
    denominator = spread * np.sqrt((n * weight - weight**2) / (n - 1))
    z = np.divide(local - mean * weight, denominator, out=np.zeros(n), where=denominator > 1e-12)
    p = 2 * stats.norm.sf(np.abs(z))
    order = np.argsort(p, kind="stable")
    ranked = p[order] * n / np.arange(1, n + 1)
    q = np.empty(n)
    q[order] = np.minimum(1.0, np.minimum.accumulate(ranked[::-1])[::-1])
    kind = np.where(q > alpha, 0, np.where(z > 0, 1, -1)).astype(np.int8)
    return z, kind


def median_time(run, repeats):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def main():
    directory, parameters = sys.argv[1], json.loads(sys.argv[2])
    xy = np.fromfile(f"{directory}/points.f64", dtype="<f8").reshape(-1, 2)
    x = np.fromfile(f"{directory}/gi-counts.f64", dtype="<f8")
    indptr = np.fromfile(f"{directory}/gi-indptr.i32", dtype="<i4")
    indices = np.fromfile(f"{directory}/gi-indices.i32", dtype="<i4")
    density, kde_seconds = median_time(lambda: binned_kde(xy, parameters["grid"], parameters["bandwidth"]), parameters["kdeRepeats"])
    (z, kind), gi_seconds = median_time(lambda: gi_star(x, indptr, indices, parameters["alpha"]), parameters["giRepeats"])
    density.astype("<f8").tofile(f"{directory}/kde.f64")
    z.astype("<f8").tofile(f"{directory}/z.f64")
    kind.tofile(f"{directory}/kind.i8")
    print(json.dumps({"kdeSeconds": kde_seconds, "giSeconds": gi_seconds, "scipy": scipy.__version__}))


main()
