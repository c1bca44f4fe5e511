# Refresh from ICE's 287(g) page. Included by the main Makefile (`-include mk/*.mk`), which
# defines VENV_PY and the `venv` target. See docs-dev/refresh.md.
#
# The command exits 0 (nothing new), 10 (imported), 20 (refused: a person has to look) or
# 30 (download failed). make reports 0 and 10 as success and stops with its own code 2
# otherwise; a workflow that acts on the exact code runs `python -m site287g.ingest.refresh`.

PAGE ?= https://www.ice.gov/identify-and-arrest/287g
DATA_DIR ?= data
SOURCES ?= sources/ice
LISTS ?=
SUMMARY ?=
DOWNLOADS ?=

.PHONY: refresh

refresh: venv ## Import each new list from ICE's 287(g) page: make refresh [PAGE=url] [SUMMARY=file.md]
	@$(VENV_PY) -m site287g.ingest.refresh --page "$(PAGE)" --data-dir "$(DATA_DIR)" \
		--sources "$(SOURCES)" $(if $(LISTS),--lists $(LISTS)) \
		$(if $(SUMMARY),--summary "$(SUMMARY)") $(if $(DOWNLOADS),--downloads "$(DOWNLOADS)"); \
	code=$$?; test $$code -eq 0 || test $$code -eq 10 || exit $$code
