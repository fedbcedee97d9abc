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
import scipy.io
import scipy.sparse as sp


def write(folder):
    tenx = folder + "/filtered_feature_bc_matrix"
    with gzip.open(tenx + "/matrix.mtx.gz") as f:
        x = sp.csr_matrix(scipy.io.mmread(f).T.astype(np.float32))
    genes = pd.read_csv(tenx + "/features.tsv.gz", sep="\t", header=None)[1].values
    barcodes = pd.read_csv(tenx + "/barcodes.tsv.gz", sep="\t", header=None)[0].values
    obs = pd.read_csv(folder + "/cell-metadata.tsv", sep="\t", index_col=0).loc[barcodes]
    for column in ["individual", "diffday", "type"]:
        obs[column] = obs[column].astype("category")
    adata = anndata.AnnData(x, obs=obs, var=pd.DataFrame(index=genes))
    adata.write_h5ad(folder + "/sc.h5ad", compression="gzip")
    print("wrote", folder + "/sc.h5ad", adata.shape, x.nnz, "non-zeros")


def read(file):
    start = time.perf_counter()
    adata = anndata.read_h5ad(file)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"anndata {anndata.__version__} read_h5ad: {seconds:.2f} s, peak RSS {peak:.0f} MB, {adata.shape}")


if __name__ == "__main__":
    {"write": write, "read": read}[sys.argv[1]](sys.argv[2])
