"""Files that once cost minutes and gigabytes are refused or stored inside the budget, end to end.

Each file goes through `analyst ingest` in its own wrapper process with one analysis child and a
30 s per-article deadline, so "within 30 s" is the product's own deadline (a case that took
longer would fail as "analysis took longer than 30 s", which the test rejects), and "within
1 GB" is the largest peak resident size among the wrapper's descendants (`RUSAGE_CHILDREN`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.solo  # deadlines and crashes: runs alone, after the parallel part

HEADINGS = "\n".join(f"# Heading {n}" for n in range(50_000)) + "\n"
SENTENCE = "The council approved the new budget on March 3, 2021 after a long debate. "
WRAPPER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "peak": peak}))
"""


def _ingest(path: Path, tmp_path: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}",
        "ANALYST_ANALYSIS_PROCESSES": "1",
        "ANALYST_ANALYSIS_TIMEOUT": "30",
    }
    analyst = str(Path(sys.executable).with_name("analyst"))
    command = [sys.executable, "-c", WRAPPER, analyst, "ingest", str(path), "--json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("headings.md", HEADINGS, "not an article: 49,999 of 49,999 paragraphs are headings"),
        ("one-line.txt", SENTENCE * (2_000_000 // len(SENTENCE)), "not an article: the same few"),
        ("one-word.txt", "news " * 1_000_000, "not an article: the same few"),
    ],
    ids=["50k-headings", "2MB-one-sentence-one-line", "5MB-one-word"],
)
def test_a_pathological_file_is_refused_with_its_reason_inside_the_budget(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = _ingest(path, tmp_path)
    assert result["code"] == 1, result["err"]  # 1: a source failed, with its reason
    assert "Traceback" not in str(result["err"])
    outcomes = json.loads(str(result["out"]))
    (outcome,) = outcomes["results"]
    assert outcome["status"] == "failed"
    assert str(outcome["message"]).startswith(reason)
    assert float(str(result["peak"])) < 1024
