# Agency-list importer targets. Included by the main Makefile (`include mk/*.mk`), which
# defines VENV_PY (= .venv/bin/python) and the `venv` target.

REFERENCE ?= ../shared/reference
DATA_DIR ?= data
LIST ?=
AS_OF ?=
ALLOW ?=
EVIDENCE ?=

IMPORT_USAGE := make import FILE=path.xlsx [LIST=participating|pending] [AS_OF=YYYY-MM-DD] [ALLOW=guard,...]
IMPORT_ARGS = "$(FILE)" --data-dir "$(DATA_DIR)" $(if $(LIST),--list $(LIST)) \
	$(if $(AS_OF),--as-of $(AS_OF)) $(if $(ALLOW),--allow $(ALLOW)) \
	$(if $(EVIDENCE),--evidence "$(EVIDENCE)")

.PHONY: import import-dry-run replay

import: venv ## Import an ICE agency list: make import FILE=path.xlsx [LIST=...] [AS_OF=...] [ALLOW=removals]
	@test -n "$(FILE)" || { echo "usage: $(IMPORT_USAGE)" >&2; exit 2; }
	@$(VENV_PY) -m site287g.ingest.importer $(IMPORT_ARGS)

import-dry-run: venv ## Show what `make import FILE=...` would change, write nothing
	@test -n "$(FILE)" || { echo "usage: make import-dry-run FILE=path.xlsx [LIST=...] [ALLOW=...]" >&2; exit 2; }
	@$(VENV_PY) -m site287g.ingest.importer $(IMPORT_ARGS) --dry-run

# Replay: the shipped data is the replay of ICE's archive plus the reference snapshots.
DIR ?= $(REFERENCE)/287g/archive $(REFERENCE)/287g/snapshots $(REFERENCE)/287g/raw_xlsx
.PHONY: replay-check test-archive

replay: venv ## Rebuild data/agencies/ from every list in DIR (default: the archive, snapshots and raw_xlsx)
	@$(VENV_PY) -m site287g.ingest.replay $(DIR) --data-dir $(DATA_DIR)

replay-check: venv ## Replay DIR into a temporary folder; fail unless data/agencies/ equals it
	@$(VENV_PY) -m site287g.ingest.replay $(DIR) --data-dir $(DATA_DIR) --check

test-archive: venv ## Run the tests that read every list of ICE's archive (CI runs them)
	$(VENV_PY) -m pytest -m archive tests/ingest/test_archive.py
