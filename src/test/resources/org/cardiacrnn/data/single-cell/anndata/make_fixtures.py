"""Writes the small AnnData fixtures beside this script with the anndata of the machine (Debian's
python3-anndata 0.8.0). Run with /usr/bin/python3 make_fixtures.py; the product never needs Python.

Cell c of 40, gene g of 6: X[c, g] = (c + 2 * g) % 4 (so about a quarter are zeros), individual L1 for
c < 20 else L2, diffday day0 for even c else day7, type cycles through IPSC, MES, CM, CF, UNK."""
import anndata
import anndata.experimental
import h5py
import numpy as np
import pandas as pd
import scipy.sparse as sp

cells, genes = 40, 6
x = np.array([[(c + 2 * g) % 4 for g in range(genes)] for c in range(cells)], dtype=np.float32)
states = ["IPSC", "MES", "CM", "CF", "UNK"]
obs = pd.DataFrame({
    "individual": pd.Categorical(["L1" if c < 20 else "L2" for c in range(cells)]),
    "diffday": pd.Categorical(["day0" if c % 2 == 0 else "day7" for c in range(cells)]),
    "type": pd.Categorical([states[c % 5] for c in range(cells)]),
    "dpt_pseudotime": np.linspace(0, 1, cells),
    "batch": np.array(["b%d" % (c % 3) for c in range(cells)], dtype=object),
}, index=["cell%02d" % c for c in range(cells)])
var = pd.DataFrame(index=["G%d" % g for g in range(genes)])

csr = anndata.AnnData(sp.csr_matrix(x), obs=obs, var=var)
csr.layers["counts"] = sp.csr_matrix(x * 10)
csr.raw = csr
csr.write_h5ad("csr-gzip.h5ad", compression="gzip")
# write_h5ad turns text columns into categoricals; anndata's element writer adds one kept as a string array
with h5py.File("csr-gzip.h5ad", "a") as f:
    anndata.experimental.write_elem(f["obs"], "barcode_text", np.array(["t%d" % c for c in range(cells)],
                                                                      dtype=object))

csc = anndata.AnnData(sp.csc_matrix(x), obs=obs, var=var)
csc.write_h5ad("csc-lzf.h5ad", compression="lzf")

dense = anndata.AnnData(x, obs=obs, var=var)
dense.write_h5ad("dense.h5ad")

for name in ["csr-gzip.h5ad", "csc-lzf.h5ad", "dense.h5ad"]:
    back = anndata.read_h5ad(name)
    assert np.array_equal(np.asarray(back.X.todense() if sp.issparse(back.X) else back.X), x), name

# var columns to take gene names from (--var-names): ids as strings, symbols as a categorical with one
# duplicate (G3 and G4 are both "MYL7") and one missing symbol, a number column that names nothing
named = anndata.AnnData(sp.csr_matrix(x), obs=obs, var=pd.DataFrame({
    "gene_ids": np.array(["ENSG%05d" % g for g in range(genes)], dtype=object),
    "feature_name": pd.Categorical(["NKX2-5", "TNNT2", "ACTC1", "MYL7", "MYL7", np.nan]),
    "n_cells": np.arange(genes) * 3,
}, index=["G%d" % g for g in range(genes)]))
named.write_h5ad("var-columns.h5ad", compression="gzip")
assert list(anndata.read_h5ad("var-columns.h5ad").var["gene_ids"]) == ["ENSG%05d" % g for g in range(genes)]

# many small chunks, as every real file has: X's data and indices in chunks of 16 values, a dense X in 8 × 4
# blocks (readers that only ever met one chunk read zeros past it)
import shutil
shutil.copy("csr-gzip.h5ad", "csr-small-chunks.h5ad")
shutil.copy("dense.h5ad", "dense-small-chunks.h5ad")
for name, parts, chunks in [("csr-small-chunks.h5ad", ["X/data", "X/indices"], (16,)),
                            ("dense-small-chunks.h5ad", ["X"], (8, 4))]:
    with h5py.File(name, "a") as f:
        for part in parts:
            values, attrs = f[part][...], dict(f[part].attrs)
            del f[part]
            f.create_dataset(part, data=values, chunks=chunks, compression="gzip")
            f[part].attrs.update(attrs)
for name in ["csr-small-chunks.h5ad", "dense-small-chunks.h5ad"]:
    back = anndata.read_h5ad(name)
    assert np.array_equal(np.asarray(back.X.todense() if sp.issparse(back.X) else back.X), x), name
