"""The work done beside the build: results in order, each job done once somewhere, and a job
the child cannot do done here with its error reported here.

Each case runs in a new process, as a build does: a test runner's own threads would keep
the child from starting.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

JOBS = """
import json, os, threading, time
from site287g.adapter.background import Background

PARENT = os.getpid()
calls = []


def where(n):
    def job():
        calls.append(n)
        if n == 0:
            time.sleep(0.5)  # the child is busy long enough for this process to take the rest
        return n, "here" if os.getpid() == PARENT else "child"
    return job


def only_here():
    if os.getpid() != PARENT:
        raise RuntimeError("not in the child")
    return "done here"


def broken():
    raise ValueError("bad data")
"""


def run(case: str) -> dict:
    """Run ``case`` after JOBS in a new Python process; the JSON it prints."""
    code = JOBS + textwrap.dedent(case)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_child_begins_and_this_process_takes_the_last_jobs() -> None:
    out = run("""
        results = Background({str(n): where(n) for n in range(6)}).results()
        out = {"results": list(results.values()), "order": list(results), "here": calls}
        print(json.dumps(out))
    """)
    assert [n for n, _ in out["results"]] == list(range(6))
    assert out["order"] == [str(n) for n in range(6)]
    assert out["results"][0][1] == "child"
    assert out["results"][-1][1] == "here"
    assert 0 not in out["here"]  # done once, by the child


def test_a_job_that_fails_in_the_child_is_done_here() -> None:
    out = run("""
        print(json.dumps(Background({"0": only_here, "1": where(1)}).results()))
    """)
    assert out["0"] == "done here"


def test_an_error_is_raised_where_the_build_reports_it() -> None:
    out = run("""
        try:
            Background({"0": broken, "1": where(1)}).results()
            print(json.dumps("no error"))
        except ValueError as exc:
            print(json.dumps(str(exc)))
    """)
    assert out == "bad data"


def test_no_child_while_other_threads_run() -> None:
    out = run("""
        stop = threading.Event()
        other = threading.Thread(target=stop.wait)
        other.start()
        background = Background({str(n): where(n) for n in range(3)})
        stop.set()
        other.join()
        print(json.dumps(list(background.results().values())))
    """)
    assert [where for _, where in out] == ["here"] * 3


def test_results_asked_again_are_not_made_again() -> None:
    out = run("""
        background = Background({str(n): where(n) for n in range(3)})
        first = background.results()
        done = list(calls)
        again = background.results()
        print(json.dumps({"same": first == again, "before": done, "after": calls}))
    """)
    assert out["same"]
    assert out["before"] == out["after"]
