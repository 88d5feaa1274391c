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
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "plantrace", "ingest", str(ROOT / "corpora"), "--db",
                        f"sqlite:///{tmp}/bench.db", "--json", "--jobs", str(jobs)], check=False,
                       capture_output=True)
        return time.perf_counter() - start


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
        ("plantrace ingest (end to end)", pages / ingest_s),
        ("plantrace ingest --jobs 2", pages / parallel_s),
    ]
    print(f"corpus: {len(PDFS)} PDFs, {pages} pages")
    for name, rate in rows:
        print(f"  {name:34s} {rate:7.1f} pages/s")
    print(f"  ratio ingest / extract_text      {rows[2][1] / rows[0][1]:7.2f}")
    ours, ref = plan_extraction_000()
    print(f"000 plan extraction {ours:.2f}s vs pdfplumber extract_tables() {ref:.2f}s (ratio {ours / ref:.2f})")


if __name__ == "__main__":
    main()
