"""Pages per second of `plantrace ingest` over the bundled corpus.

The reference is pdfplumber's own text and table extraction over the same pages,
measured in the same run on the same machine, so the ratio is comparable across
machines where the absolute numbers are not.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "corpora" / "pdf").glob("*.pdf"))


def reference(fn) -> tuple[int, float]:
    pages, start = 0, time.perf_counter()
    for path in PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                fn(page)
                pages += 1
    return pages, time.perf_counter() - start


def plantrace_ingest(jobs: int = 1) -> float:
    """End to end: 1 is the serial path (one supervised worker), N a local Dask cluster of N workers."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "plantrace", "ingest", str(ROOT / "corpora"), "--db",
                        f"sqlite:///{tmp}/bench.db", "--json", "--workers", str(jobs)], check=False,
                       capture_output=True)
        return time.perf_counter() - start


def store_rate(url_of, rounds: int = 3) -> tuple[float, float]:
    """The database's write rate: (documents/s, pages/s) of storing already-extracted documents,
    one transaction each, best of ``rounds`` fresh databases. The ceiling of the throughput model."""
    from plantrace.ingest.batch import _Job, _store, extract_file
    from plantrace.ingest.filetype import sha256_of
    from plantrace.store.db import open_db

    read = []
    for path in PDFS:
        sha = sha256_of(path)
        record, model = extract_file(path, "pdf", sha)
        read.append((_Job(path, "pdf", sha), (record, model, None), record["source"]["pages"]))
    best = None
    for _ in range(rounds):
        url, drop = url_of()
        try:
            engine, Session_ = open_db(url)
            start = time.perf_counter()
            for job, extracted, _ in read:
                assert _store(Session_, job, extracted).status == "ingested"
            took = time.perf_counter() - start
            engine.dispose()
        finally:
            drop()
        best = took if best is None else min(best, took)
    return len(read) / best, sum(p for *_, p in read) / best


def _sqlite_url():
    tmp = tempfile.TemporaryDirectory()
    return f"sqlite:///{tmp.name}/w.db", tmp.cleanup


def _postgres_url():
    import uuid

    import psycopg

    name = f"plantrace_bench_{uuid.uuid4().hex[:8]}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


def plan_extraction_000() -> tuple[float, float]:
    """Issue target: extracting the 000 plan vs pdfplumber's extract_tables() on its pages."""
    from plantrace.extract.document import build_contract
    from plantrace.extract.pdf import load_pdf

    path = next(p for p in PDFS if p.name.startswith("000"))
    ours, ref = [], []
    for _ in range(3):  # best of three, imports warm, so the figure is the work, not the noise
        start = time.perf_counter()
        build_contract(load_pdf(path))
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
        ref.append(time.perf_counter() - start)
    return min(ours), min(ref)


def main() -> None:
    pages, text_s = reference(lambda p: p.extract_text())
    _, tables_s = reference(lambda p: p.extract_tables())
    ingest_s = plantrace_ingest()
    parallel_s = plantrace_ingest(jobs=2)
    rows = [
        ("pdfplumber extract_text()", pages / text_s),
        ("pdfplumber extract_tables()", pages / tables_s),
        ("plantrace ingest, 1 worker", pages / ingest_s),
        ("plantrace ingest --workers 2", pages / parallel_s),
    ]
    print(f"corpus: {len(PDFS)} PDFs, {pages} pages")
    for name, rate in rows:
        print(f"  {name:34s} {rate:7.1f} pages/s")
    print(f"  ratio ingest / extract_text      {rows[2][1] / rows[0][1]:7.2f}")
    print(f"  speed-up of 2 workers over 1     {ingest_s / parallel_s:7.2f}x")
    for name, url_of in (("SQLite", _sqlite_url), ("PostgreSQL", _postgres_url)):
        try:
            docs, pps = store_rate(url_of)
        except Exception as exc:  # no server: say so and go on
            print(f"  store rate {name}: not measured ({type(exc).__name__})")
            continue
        print(f"  store rate {name:10s}  {docs:7.2f} documents/s, {pps:7.1f} pages/s "
              f"({1000 / docs:.0f} ms per document)")
    ours, ref = plan_extraction_000()
    print(f"000 plan extraction {ours:.2f}s vs pdfplumber extract_tables() {ref:.2f}s (ratio {ours / ref:.2f})")


if __name__ == "__main__":
    main()
