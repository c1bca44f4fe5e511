"""Give every page a Content-Security-Policy that allows only the site's own origin.

A static host may not let us set HTTP headers, so the policy is a ``<meta http-equiv>`` written
as the first element of ``<head>`` (a meta policy covers only what follows it). Material's inline
scripts are allowed by the sha256 of their exact text, computed here from the final HTML.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from jinja2 import Environment, Template
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site287g.adapter.state import serving, state

# No 'unsafe-inline' or 'unsafe-eval' anywhere: the built HTML has no style="" attributes, and
# Material sets styles through the CSSOM (element.style), which CSP does not restrict.
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' {hashes}"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
SAFE = re.compile(r"[A-Za-z0-9 '+/=;:.-]+")
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


# What a browser's tokenizer does, for the one thing needed here: a comment is skipped, and a
# script's text runs raw up to the next "</script". A regular expression, not HTMLParser: at
# 50,000 agreements the pages hold 1.6 million tags, and parsing them all took most of the build.
# Spelled out case by case rather than with IGNORECASE, so the engine looks only at each "<".
_COMMENT_OR_SCRIPT = re.compile(
    r"<(?:!--.*?-->|[sS][cC][rR][iI][pP][tT](?=[\s/>])([^>]*)>)", re.DOTALL
)
_SCRIPT_END = re.compile(r"</script(?=[\s/>])", re.IGNORECASE)
_SRC = re.compile(r"(?:^|\s)src(?=[\s=/]|$)", re.IGNORECASE)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The exact text of every inline script a browser would run."""
    bodies = []
    pos = 0
    while match := _COMMENT_OR_SCRIPT.search(html, pos):
        pos = match.end()
        if match.group(1) is None:  # a comment
            continue
        end = _SCRIPT_END.search(html, pos)
        stop = end.start() if end else len(html)
        attributes = match.group(1)
        kind = _TYPE.search(attributes)
        kind = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if not _SRC.search(attributes) and kind.strip().lower() in SCRIPT_TYPES:
            bodies.append(html[pos:stop])
        pos = stop
    return bodies


def policy_for(html: str) -> str:
    """The policy for one page: its own inline scripts allowed by hash, nothing else inline."""
    digests = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in inline_scripts(html)
        }
    )
    return "; ".join(
        f"{name} {value}".format(hashes=" ".join(digests)).strip() for name, value in POLICY
    )


def secure(html: str, where: str, template: Template) -> str:
    """Insert the security meta tags as the first element of ``<head>``."""
    head = HEAD.search(html)
    if head is None:
        raise PluginError(f"{where}: no <head> to put the Content-Security-Policy in")
    policy = policy_for(html)
    # Only these characters occur in a policy: no escaping needed, and none wasted, since the
    # <meta charset> that follows must stay within the first 1024 bytes.
    if not SAFE.fullmatch(policy):
        raise PluginError(f"{where}: unexpected characters in the policy {policy!r}")
    return html[: head.end()] + "\n    " + _meta(template, policy) + html[head.end() :]


@functools.lru_cache(maxsize=64)
def _meta(template: Template, policy: str) -> str:
    """The security meta tags for one policy (most pages of a folder share theirs)."""
    return template.render(policy=Markup(policy)).strip()


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's security-meta partial for the pages to come, and secure the HTML files
    the hooks generated whole (the notes at a renamed agency's old address)."""
    template = env.get_template("partials/security-meta.html")
    state(config).memo["security_meta"] = template
    for file in [] if serving() else files:
        if (
            file.generated_by
            and file.src_uri.endswith(".html")
            and not file.is_documentation_page()
        ):
            file.content_string = secure(file.content_string, file.src_uri, template)
    return env


@event_priority(-100)  # last: the policy hashes the page's final HTML
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Secure each page once its HTML is final; not under `mkdocs serve`, whose live-reload
    script changes on every build and no hash can allow."""
    if serving():
        return output
    return secure(output, page.file.src_uri, state(config).memo["security_meta"])


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Secure the pages built from templates alone, such as 404.html."""
    if template_name.endswith(".html") and not serving():
        return secure(output_content, template_name, state(config).memo["security_meta"])
    return output_content
