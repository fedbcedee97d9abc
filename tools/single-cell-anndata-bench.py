"""Benchmark companion for `bench load --single-cell` (never needed by the product).

  /usr/bin/python3 tools/single-cell-anndata-bench.py write DIR   # DIR from `sample-data --single-cell` or the bench
  /usr/bin/python3 tools/single-cell-anndata-bench.py read DIR/sc.h5ad

`write` turns the generated 10x folder and cell-metadata.tsv into DIR/sc.h5ad with anndata's default gzip
compression (CSR X, categorical obs), the file the workbench's h5ad figures are measured on. `read` times
anndata.read_h5ad on it and prints the peak RSS of this process, for docs/performance.md.
"""
import gzip
import resource
import sys
import time

import anndata
import numpy as np
import pandas as pd
import scipy.sparse as sp


def write(folder):
    tenx = folder + "/filtered_feature_bc_matrix"
    x = csr_from_cell_ordered_mtx(tenx + "/matrix.mtx.gz")
    genes = pd.read_csv(tenx + "/features.tsv.gz", sep="\t", header=None)[1].values
    barcodes = pd.read_csv(tenx + "/barcodes.tsv.gz", sep="\t", header=None)[0].values
    obs = pd.read_csv(folder + "/cell-metadata.tsv", sep="\t", index_col=0).loc[barcodes]
    for column in ["individual", "diffday", "type"]:
        obs[column] = obs[column].astype("category")
    adata = anndata.AnnData(x, obs=obs, var=pd.DataFrame(index=genes))
    adata.write_h5ad(folder + "/sc.h5ad", compression="gzip")
    print("wrote", folder + "/sc.h5ad", adata.shape, x.nnz, "non-zeros")


def csr_from_cell_ordered_mtx(path):
    """Builds the cells x genes CSR straight into preallocated arrays, in slices of the file.

    scipy.io.mmread (1.10) holds the whole COO in float64/int64 and converts it twice: about 10 GB and a quarter
    of an hour at 236 M non-zeros. The generator writes one cell after another, so each slice only appends.
    """
    header_lines = 0
    with gzip.open(path, "rt") as f:
        for line in f:
            header_lines += 1
            if not line.startswith("%"):
                genes, cells, nonzeros = (int(v) for v in line.split())
                break
    indptr = np.zeros(cells + 1, dtype=np.int64)
    indices = np.empty(nonzeros, dtype=np.int32)
    data = np.empty(nonzeros, dtype=np.float32)
    at = 0
    last_cell = 0
    for chunk in pd.read_csv(path, sep=" ", header=None, skiprows=header_lines, names=["gene", "cell", "count"],
                             dtype={"gene": np.int32, "cell": np.int32, "count": np.float32},
                             chunksize=20_000_000):
        cell = chunk["cell"].values
        if cell[0] < last_cell or np.any(np.diff(cell) < 0):
            raise SystemExit(path + " is not ordered by cell; this writer only handles the generator's order")
        last_cell = cell[-1]
        n = len(cell)
        indices[at:at + n] = chunk["gene"].values - 1
        data[at:at + n] = chunk["count"].values
        indptr[1:] += np.bincount(cell - 1, minlength=cells)
        at += n
    if at != nonzeros:
        raise SystemExit(f"{path} declares {nonzeros} non-zeros but holds {at}")
    np.cumsum(indptr, out=indptr)
    x = sp.csr_matrix((data, indices, indptr), shape=(cells, genes))
    x.sort_indices()
    return x


def read(file):
    start = time.perf_counter()
    adata = anndata.read_h5ad(file)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"anndata {anndata.__version__} read_h5ad: {seconds:.2f} s, peak RSS {peak:.0f} MB, {adata.shape}")


if __name__ == "__main__":
    {"write": write, "read": read}[sys.argv[1]](sys.argv[2])
