# Publishing targets (GitHub Pages). Included by the main Makefile (`-include mk/*.mk`), which
# defines VENV_PY, MKDOCS and STAMP.

# Reproducible builds: every date the build writes (sitemap, sitemap.xml.gz) derives from
# SOURCE_DATE_EPOCH. Default: the time of the last commit, so two builds of one commit are
# byte-identical; outside git a fixed value (2026-01-01T00:00:00Z).
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(or $(shell git log -1 --format=%ct 2>/dev/null),1767225600)
endif
export SOURCE_DATE_EPOCH

.PHONY: deploy

deploy: $(STAMP) ## Publish to the gh-pages branch from a laptop: SITE_URL=https://OWNER.github.io/REPO/ make deploy
	@test -n "$(SITE_URL)" || { echo "usage: SITE_URL=https://OWNER.github.io/REPO/ [CNAME=www.example.org] make deploy" >&2; exit 2; }
	$(MKDOCS) gh-deploy --strict --force --message "Deploy {sha} with MkDocs {version}"
