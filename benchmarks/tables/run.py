"""Table structure benchmark: plantrace's table layer against camelot and pdfplumber.

Hand-checked grids of real tables (``gold/*.json``, written by reading the
PDFs) and the tables ``generate.py`` draws, scored by the cell-adjacency
relation F1 (``adjacency.py``), micro (all relations pooled) and macro (mean
of the pages' F1), with the tables each system found against the true count
and its seconds per page. Run by ``make bench-tables``.

    python benchmarks/tables/run.py [--only plantrace,pdfplumber] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from adjacency import f1, grid_from_rows, matrix_cells, score  # noqa: E402
from generate import generated  # noqa: E402
from generate_reports import generated as generated_reports  # noqa: E402


def real_items() -> list[tuple[Path, int, list, str]]:
    out = []
    for path in sorted((HERE / "gold").glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        tables = [t["cells"] if "cells" in t else grid_from_rows(t["rows"]) for t in g["tables"]]
        out.append((ROOT / g["pdf"], int(g["page"]), tables, path.stem))
    return out


def run_plantrace(path: Path, page: int):
    from plantrace.extract.tables import read_tables

    return [[c.as_dict() for c in t.cells] for t in read_tables(path, pages=[page])]


def run_page_model(path: Path, page: int):
    """The tables of the page model the plan and minutes readers use (the layer before this one)."""
    from plantrace.extract.borderless import borderless_tables
    from plantrace.extract.pdf import open_pdf, page_model

    pdf = open_pdf(path)
    try:
        p = pdf.pages[page - 1]
        model = page_model(p, page, lambda: borderless_tables(path, p, page, None)[0])
    finally:
        pdf.close()
    return [matrix_cells([[("" if c.continued else c.text) for c in row] for row in t.rows]) for t in model.tables]


def run_pdfplumber(path: Path, page: int):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [matrix_cells(t) for t in pdf.pages[page - 1].extract_tables()]


def _camelot(flavor):
    def run(path: Path, page: int):
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = camelot.read_pdf(str(path), pages=str(page), flavor=flavor)
            except Exception:
                return []
        return [matrix_cells(t.df.values.tolist()) for t in found]
    return run


SYSTEMS = {"plantrace": run_plantrace, "plantrace page model": run_page_model, "pdfplumber": run_pdfplumber,
           "camelot lattice": _camelot("lattice"), "camelot stream": _camelot("stream"),
           "camelot network": _camelot("network"), "camelot hybrid": _camelot("hybrid")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated systems")
    ap.add_argument("--json", default="", help="write the figures here")
    ap.add_argument("--detail", action="store_true", help="one line per page and system")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"real": real_items(),
                "drawn": [(p, n, g, f"{p.stem}-p{n}") for p, n, g in generated(Path(tmp) / "drawn")],
                "report-style": [(p, n, g, f"{p.stem}-p{n}") for p, n, g in generated_reports(Path(tmp) / "reports")]}
        set_of = {label: name for name, its in sets.items() for *_, label in its}
        items = [it for its in sets.values() for it in its]
        n_true = sum(len(g) for _, _, g, _ in items)
        n_rel = sum(score(g, g)[2] for _, _, g, _ in items)
        print(f"{len(items)} pages, {n_true} tables, {n_rel} adjacency relations ("
              + ", ".join(f"{len(its)} {name}" for name, its in sets.items()) + ")")
        names = [s for s in SYSTEMS if not args.only or s in args.only.split(",")]
        for name in names:  # import and warm each library once, off the clock
            SYSTEMS[name](items[-1][0], 1)
        rows = []
        for name in names:
            run = SYSTEMS[name]
            tot = [0, 0, 0]
            per_page, found, seconds = [], 0, 0.0
            by_set = {k: {"tot": [0, 0, 0], "pages": [], "found": 0, "true": 0, "seconds": 0.0} for k in sets}
            for path, page, gold, label in items:
                start = time.perf_counter()
                out = run(path, page)
                seconds += time.perf_counter() - start
                c, o, t = score(gold, out)
                tot = [tot[0] + c, tot[1] + o, tot[2] + t]
                per_page.append(f1(c, o, t))
                found += len(out)
                b = by_set[set_of[label]]
                b["tot"] = [b["tot"][0] + c, b["tot"][1] + o, b["tot"][2] + t]
                b["pages"].append(f1(c, o, t))
                b["found"] += len(out)
                b["true"] += len(gold)
                b["seconds"] += time.perf_counter() - start
                if args.detail:
                    print(f"  {name:16} {label:28} F1 {f1(c, o, t):.3f}  ({c}/{o} found, {t} true, "
                          f"{len(out)}/{len(gold)} tables)")
            rows.append({"system": name, "micro": f1(*tot), "macro": sum(per_page) / len(per_page),
                         "found": found, "true": n_true, "s_per_page": seconds / len(items),
                         "sets": {k: {"micro": f1(*b["tot"]), "macro": sum(b["pages"]) / len(b["pages"]),
                                      "found": b["found"], "true": b["true"],
                                      "s_per_page": b["seconds"] / len(b["pages"])}
                                  for k, b in by_set.items() if b["pages"]}})
    print("\n| system | structure F1 (micro) | macro | tables found / true | s per page |")
    print("|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: -r["micro"]):
        print(f"| {r['system']} | {r['micro']:.3f} | {r['macro']:.3f} | {r['found']} / {r['true']} | "
              f"{r['s_per_page']:.3f} |")
    for k in sets:
        print(f"\n{k} pages:\n| system | micro | macro | tables found / true | s per page |\n|---|---|---|---|---|")
        for r in sorted(rows, key=lambda r: -r["sets"][k]["micro"]):
            b = r["sets"][k]
            print(f"| {r['system']} | {b['micro']:.3f} | {b['macro']:.3f} | {b['found']} / {b['true']} | "
                  f"{b['s_per_page']:.3f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
