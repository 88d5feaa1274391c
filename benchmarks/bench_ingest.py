"""Pages per second of `plantrace ingest`, against pdfplumber and pdfium, from one run.

The references are measured in the same run on the same machine, so the ratios
are comparable across machines where the absolute numbers are not:
pdfplumber's ``extract_text()`` (what the page model was built on) and
pypdfium2's raw text (the floor: no layout at all). Ingest is run with each
page model (``PLANTRACE_PAGE_MODEL``: pdfplumber, pdfium), over the bundled
corpus and over the real files (``--real DIR``; default ``corpora/real``).

Also printed: where an extraction's time goes (read the page objects, build
the page model, extract, normalise, store), start-up of the command line, and
the peak memory of extracting the largest real file with each page model.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "corpora" / "pdf").glob("*.pdf"))
MODELS = ("pdfplumber", "pdfium")
STARTUP_RUNS = 5  # start-up is the median of this many runs of each command


def _pdfs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".pdf")


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (an ingest's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Wall and CPU seconds of a block: on a shared machine the wall clock measures the
    machine's load as much as the work, so CPU seconds (one core) are given beside it."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu


def reference(fn, pdfs=None) -> tuple[int, float]:
    """(pages, seconds) of ``fn(page)`` over every pdfplumber page of ``pdfs``."""
    pages, start = 0, time.perf_counter()
    for path in pdfs if pdfs is not None else PDFS:
        try:
            pdf = pdfplumber.open(path)
        except Exception:  # a file pdfminer refuses is left out of every figure alike
            continue
        with pdf:
            for page in pdf.pages:
                fn(page)
                page.close()
                pages += 1
    return pages, time.perf_counter() - start


def pdfium_text(pdfs) -> tuple[int, float]:
    """(pages, seconds) of pypdfium2's raw text of every page: the floor."""
    import pypdfium2 as pdfium

    pages, start = 0, time.perf_counter()
    for path in pdfs:
        try:
            doc = pdfium.PdfDocument(str(path))
        except Exception:
            continue
        for page in doc:
            page.get_textpage().get_text_range()
            pages += 1
        doc.close()
    return pages, time.perf_counter() - start


def plantrace_ingest(jobs: int = 1, folder: Path | None = None, model: str | None = None) -> float:
    """End to end: 1 is the serial path (one supervised worker), N a local Dask cluster of N workers."""
    env = dict(os.environ)
    if model:
        env["PLANTRACE_PAGE_MODEL"] = model
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "plantrace", "ingest", str(folder or ROOT / "corpora"), "--db",
                        f"sqlite:///{tmp}/bench.db", "--json", "--workers", str(jobs)], check=False,
                       capture_output=True, env=env)
        return time.perf_counter() - start


def stages(pdfs, model: str) -> dict[str, float]:
    """CPU seconds per stage of extracting ``pdfs`` in this process (imports paid beforehand).

    read: the page objects alone (pdfminer's or pdfium's); model: the rest of
    ``load_pdf``; extract: the readers; normalise; store: SQLite, one
    transaction per document."""
    from plantrace.extract.document import build_contract
    from plantrace.extract.pdf import load_pdf, open_pdf
    from plantrace.extract.pdfium_objects import page_objects
    from plantrace.normalise.apply import normalise_record

    out = dict.fromkeys(("read", "model", "extract", "normalise"), 0.0)
    for path in pdfs:
        start = time.process_time()
        try:
            pdf = open_pdf(path)
        except Exception:
            continue
        if model == "pdfium":
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(str(path))
            for page in pdf.pages:
                page_objects(doc, page)
            doc.close()
        else:
            for page in pdf.pages:
                page.objects
                page.close()
        pdf.close()
        read = time.process_time() - start
        start = time.process_time()
        try:
            document = load_pdf(path, page_model_of=model)
        except Exception:
            continue
        loaded = time.process_time() - start
        out["read"] += read
        out["model"] += max(0.0, loaded - read)
        start = time.process_time()
        record = build_contract(document)
        out["extract"] += time.process_time() - start
        start = time.process_time()
        normalise_record(record)
        out["normalise"] += time.process_time() - start
    return out


def startup() -> dict[str, float]:
    """Median wall seconds of the commands that do no work."""
    out = {}
    for args in (["--help"], ["--version"], ["extract", "-h"]):
        runs = []
        for _ in range(STARTUP_RUNS):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "plantrace", *args], capture_output=True, check=False)
            runs.append(time.perf_counter() - start)
        out["plantrace " + " ".join(args)] = statistics.median(runs)
    return out


def peak_rss(path: Path, model: str) -> tuple[float, float]:
    """(MB of peak resident memory, CPU seconds after imports) of extracting one file, in a fresh process."""
    probe = ("import resource, sys, time\n"
             "from plantrace.api import extract\n"
             "import plantrace.extract.document, plantrace.normalise.apply, plantrace.ingest.batch\n"
             "start = time.process_time()\n"
             "extract(sys.argv[1])\n"
             "took = time.process_time() - start\n"
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, took)")
    env = {**os.environ, "PLANTRACE_PAGE_MODEL": model}
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, env=env)
    try:
        mb, took = done.stdout.split()[-2:]
        return float(mb), float(took)
    except ValueError:
        return float("nan"), float("nan")


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


LONG_PACK = 300  # pages: the bound pack on which reading must stay as fast per page as on a short file


def bound_pack(pdfs, dest: Path, pages: int = LONG_PACK) -> list[Path]:
    """The files bound into one PDF at ``dest`` of at least ``pages`` pages, as a committee
    pack is (files repeat when there are too few); the files, in the order bound."""
    import pypdfium2 as pdfium

    pack, bound = pdfium.PdfDocument.new(), []
    while len(pack) < pages:
        before = len(pack)
        for path in pdfs:
            try:
                src = pdfium.PdfDocument(str(path))
            except Exception:
                continue
            pack.import_pages(src)
            src.close()
            bound.append(path)
            if len(pack) >= pages:
                break
        if len(pack) == before:
            break
    pack.save(str(dest))
    pack.close()
    return bound


def linearity(pdfs) -> list[tuple[str, int, float]]:
    """Pages per CPU second of the page model and readers (default page model) over the
    same pages read file by file and bound into one pack of ``LONG_PACK`` pages: the rate
    must not fall with a document's length."""
    from plantrace.extract.document import build_contract
    from plantrace.extract.pdf import load_pdf

    def rate(paths) -> tuple[int, float]:
        n, start = 0, time.process_time()
        for path in paths:
            try:
                model = load_pdf(path)
            except Exception:
                continue
            build_contract(model)
            n += len(model.pages)
        return n, n / (time.process_time() - start)

    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack.pdf"
        bound = bound_pack(pdfs, pack)
        alone, bound_rate = rate(bound), rate([pack])
    return [(f"{len(bound)} files, one by one", *alone), ("the same bound into one pack", *bound_rate)]


def _pages_of(pdfs) -> dict[Path, int]:
    import pypdfium2 as pdfium

    out = {}
    for path in pdfs:
        try:
            doc = pdfium.PdfDocument(str(path))
        except Exception:
            continue
        out[path] = len(doc)
        doc.close()
    return out


def corpus_rates(name: str, folder: Path, pdfs: list[Path]) -> dict:
    """pages/s (wall, and per CPU second) of each reference and of ingest with each page model."""
    rates: dict[str, tuple[float, float]] = {}
    with Clock() as text:
        pages, _ = reference(lambda p: p.extract_text(), pdfs)
    with Clock() as floor:
        pdfium_text(pdfs)
    rates["pdfplumber extract_text()"] = (pages / text.wall, pages / text.cpu)
    rates["pypdfium2 raw text (floor)"] = (pages / floor.wall, pages / floor.cpu)
    for model in MODELS:
        with Clock() as ingest:
            plantrace_ingest(folder=folder, model=model)
        rates[f"plantrace ingest, page model {model}"] = (pages / ingest.wall, pages / ingest.cpu)
    print(f"{name}: {len(pdfs)} PDFs, {pages} pages ({folder})")
    print(f"  {'':40s} {'pages/s':>9s} {'pages/CPU s':>12s}")
    for label, (wall, cpu) in rates.items():
        print(f"  {label:40s} {wall:9.1f} {cpu:12.1f}")
    text_rate = rates["pdfplumber extract_text()"]
    for model in MODELS:
        wall, cpu = rates[f"plantrace ingest, page model {model}"]
        print(f"  ratio ingest ({model}) / extract_text    {wall / text_rate[0]:9.2f} {cpu / text_rate[1]:12.2f}")
    new, old = rates["plantrace ingest, page model pdfium"], rates["plantrace ingest, page model pdfplumber"]
    print(f"  speed-up of the pdfium page model        {new[0] / old[0]:9.2f} {new[1] / old[1]:12.2f}")
    return {"pages": pages, **{k: {"wall": w, "cpu": c} for k, (w, c) in rates.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=ROOT / "corpora" / "real",
                        help="folder of real council PDFs (default: corpora/real)")
    parser.add_argument("--quick", action="store_true", help="leave out the workers, store-rate and plan-extraction figures")
    args = parser.parse_args()
    real = _pdfs(args.real)
    figures = {"bundled": corpus_rates("bundled corpus", ROOT / "corpora" / "pdf", PDFS)}
    if real:
        figures["real"] = corpus_rates("real corpus", args.real, real)

    print("stages (CPU seconds over the bundled corpus, one process, imports paid):")
    for model in MODELS:
        stages(PDFS[:1], model)  # warm: imports and first-call costs are not a stage
        split = stages(PDFS, model)
        total = sum(split.values())
        print(f"  {model:10s} " + "  ".join(f"{k} {v:6.2f}" for k, v in split.items()) + f"  total {total:6.2f}")
    print("start-up (median of %d):" % STARTUP_RUNS)
    for label, took in startup().items():
        print(f"  {label:28s} {took:6.2f} s")
    if real:
        pages = _pages_of(real)
        largest = max(pages, key=lambda p: (p.stat().st_size, pages[p]))
        print(f"peak memory, largest real file ({largest.name}, {pages[largest]} pages, "
              f"{largest.stat().st_size / 1e6:.1f} MB):")
        for model in MODELS:
            mb, took = peak_rss(largest, model)
            print(f"  page model {model:10s} {mb:7.0f} MB peak RSS, {took:6.1f} CPU s to extract")
        print("pages per CPU second of reading (default page model), file by file and bound:")
        for name, n, rate in linearity(real):
            print(f"  {name:32s} {n:4d} pages {rate:6.1f} pages/CPU s")
    if args.quick:
        return
    parallel_s = plantrace_ingest(jobs=2)
    one_s = plantrace_ingest(jobs=1)
    print(f"speed-up of 2 workers over 1 (corpora/, default page model) {one_s / parallel_s:7.2f}x")
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
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
