"""The same batch on a Dask cluster (an in-process LocalCluster here)."""
from __future__ import annotations

import json

import pytest


def test_batch_on_dask_matches_local(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from extractor.batch import run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("On May 2, 2025 the Court DENIED the motion to dismiss.", encoding="utf-8")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4 truncated")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([str(folder)], str(local), jobs=1, progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = run_batch([str(folder)], str(remote), progress=False, dask_scheduler=cluster.scheduler_address)
    assert summary["files"] == 2 and summary["errors"] == {"pdf.corrupt": 1}
    strip = lambda p: [{k: v for k, v in json.loads(l).items() if k != "extractor"} for l in p.read_text().splitlines()]
    assert strip(local) == strip(remote)
