"""The same batch on a Dask cluster: one task per file, results streamed back as they finish."""
from __future__ import annotations

from collections.abc import Iterator


def run_on_dask(files: list[str], address: str, anchor_date: str | None, include_text: bool,
                ocr: bool = True, show_hidden_text: bool = False) -> Iterator[tuple[str, str]]:
    """Yield ``(path, json_line)`` for each file, computed on the Dask scheduler at ``address``.

    The lines are :func:`extractor.batch.process_one`'s, so they are the local batch's bytes. Every worker
    must have this package and the files at the same paths. Dask retries the tasks of a worker it lost;
    the local per-file ``timeout`` does not apply here.

    Raises:
        RuntimeError: when dask.distributed is not installed.
    """
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:
        raise RuntimeError("Running on Dask needs `pip install dask distributed`.") from exc
    from .batch import process_one

    with Client(address) as client:
        futures = {client.submit(process_one, f, anchor_date, include_text, ocr, show_hidden_text, pure=False): f for f in files}
        for fut in as_completed(futures):
            yield futures[fut], fut.result()
