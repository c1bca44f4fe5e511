# Quality checks a visitor would notice. Included by the Makefile (-include mk/*.mk).
# The browser tests are part of `make test`; the Lighthouse audit is separate (`make audit`).

LIGHTHOUSE_VERSION := 12.2.3
AUDIT_DIR := .audit
LIGHTHOUSE := $(AUDIT_DIR)/node_modules/lighthouse/cli/index.js

.PHONY: audit test-browser

$(LIGHTHOUSE):
	@command -v npm >/dev/null || { echo "make audit needs Node.js 18-20 and npm" >&2; exit 1; }
	@mkdir -p $(AUDIT_DIR)
	@test -f $(AUDIT_DIR)/package.json || echo '{"private": true}' > $(AUDIT_DIR)/package.json
	cd $(AUDIT_DIR) && npm i -E --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)

audit: $(STAMP) $(LIGHTHOUSE) ## Lighthouse scores (mobile, desktop) of key pages vs targets
	@scripts/ensure-chromium.sh
	$(VENV_PY) scripts/audit.py --lighthouse $(LIGHTHOUSE)

test-browser: $(STAMP) ## Run only the browser tests (axe, keyboard, print, CSP, search)
	@scripts/ensure-chromium.sh
	$(VENV_PY) -m pytest -m browser -n auto --dist worksteal
