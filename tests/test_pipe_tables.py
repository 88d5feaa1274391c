"""Markdown pipe tables read the same as tab-separated renderings."""
from __future__ import annotations

from pathlib import Path

from plantrace.extract.text import load_text
from plantrace.ingest.batch import extract_file

from .conftest import RENDERINGS
from .plan_score import score_plan


def _as_pipe_tables(text: str) -> str:
    """Rewrite every tab-separated run as a Markdown pipe table with its rule line."""
    out, in_table = [], False
    for line in text.splitlines():
        if "\t" in line.strip(" ") and line.strip():
            cells = [c.replace("|", "\\|") for c in line.split("\t")]
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "---|" * len(cells))
            in_table = True
        else:
            in_table = False
            out.append(line)
    return "\n".join(out)


def test_pipe_table_rows_and_escaped_bars(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("Intro line\n\n| Ref | What we will do | By when |\n|:--|---|--:|\n"
                    "| 1.1 | Agree a policy \\| and publish it | March 2021 |\n", encoding="utf-8")
    (page,) = load_text(path).pages
    (table,) = page.tables
    assert table.texts() == [["Ref", "What we will do", "By when"],
                             ["1.1", "Agree a policy | and publish it", "March 2021"]]
    assert [ln.text for ln in page.lines] == ["Intro line"]


def test_plan_rendered_with_pipe_tables_scores_like_tabs(tmp_path, gold):
    path = tmp_path / "003-pipes.md"
    path.write_text(_as_pipe_tables((RENDERINGS / "003.md").read_text(encoding="utf-8")), encoding="utf-8")
    record, _ = extract_file(Path(path))
    score = score_plan(record["plan"], gold("003.plan.json"))
    print(f"\n003 as pipe tables: {score['equal']}/{score['total']} ({score['ratio']:.1%})")
    assert score["actions_found"] == 48 and score["ratio"] >= 0.99
