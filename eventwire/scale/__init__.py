"""Scale-out engines: all local cores (``local``) and a Dask cluster (``dask``)."""

from .local import ParallelCoder, default_workers, process_parallel, recycle_articles

__all__ = ["ParallelCoder", "default_workers", "process_parallel", "recycle_articles"]
