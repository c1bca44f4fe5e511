# Agency pages targets. Included by the main Makefile (`-include mk/*.mk`), which defines
# VENV_PY, MKDOCS and STAMP.

BENCH_SIZES ?= 1843,10000,50000

.PHONY: bench

bench: $(STAMP) ## Time the site (a page per agency) against plain MkDocs with as many pages, an edit under serve, and Chromium
	$(VENV_PY) benchmarks/bench.py --sizes $(BENCH_SIZES)
