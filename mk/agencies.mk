# Agency pages targets. Included by the main Makefile (`-include mk/*.mk`), which defines
# VENV_PY, MKDOCS and STAMP.

BENCH_SIZES ?= 1843,10000,50000

.PHONY: bench

bench: $(STAMP) ## Time the agency pages against plain MkDocs at 1,843/10,000/50,000 agreements, and in Chromium
	$(VENV_PY) benchmarks/bench.py --sizes $(BENCH_SIZES)
