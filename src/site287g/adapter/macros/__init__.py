"""mkdocs-macros module: the macros that pages call, each rendering one data file."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...views.changes import recent_counts
from ...views.documents.preview import preview_blocks
from ...views.documents.render import preview_page
from .. import slots
from ..state import state
from .agencies import define_agency_macros, model_agreements
from .profiles import define_profile_macros


def home_numbers(view: Any, link: Any) -> dict[str, Any]:
    """The numbers people ask first, each with the page behind it."""
    lists = view.lists
    as_of = (lists.get("participating") or {}).get("as_of")
    recent = recent_counts(view.profiles, as_of) if as_of else {"added": 0, "removed": 0}
    return {
        "lists": lists,
        "as_of": as_of,
        "agreements": len(view.rows["participating"]),
        "agencies": sum(1 for p in view.profiles if p.status == "active"),
        "states": len({r.state for r in view.rows["participating"]}),
        **recent,
        "overview_url": link("agencies/index.md"),
        "participating_url": link("agencies/participating.md"),
        "pending_url": link("agencies/pending.md"),
        "map_url": link("agencies/index.md", "map"),
        "whats_new_url": link("agencies/whats-new.md"),
        "removed_url": link("agencies/removed.md"),
        "finder_url": link("agencies/find.md"),
    }


def define_env(env: Any) -> None:
    """Register the macros; each loads validated data and renders a partial."""
    config = env.conf

    def data() -> Any:
        return state(config).data

    def link(src_path: str, anchor: str = "") -> str:
        return state(config).url(env.page, src_path, anchor)

    def model_links() -> dict[str, str]:
        return {m["id"]: link(f"models/{m['slug']}.md") for m in data()["models"]["models"]}

    def show(template: str, **context: Any) -> Markup:
        return state(config).page(env.page, f"partials/content/{template}.html", **context)

    define_agency_macros(env, link)
    define_profile_macros(env, link)

    @env.macro
    def program_overview() -> Markup:
        """Home page: the program, the authority it grants, its benefits and models."""
        d = data()
        view = state(config).agencies
        agencies = view and home_numbers(view, link)
        return show(
            "program",
            program=d["program"],
            models=d["models"],
            model_urls=model_links(),
            agencies=agencies,
            signup_url=link("sign-up.md"),
            faq_url=link("faq.md"),
        )

    @env.macro
    def models_overview() -> Markup:
        """The three models side by side, each linking to its page."""
        return show("models", models=data()["models"], model_urls=model_links())

    @env.macro
    def model_page(model_id: str) -> Markup:
        """One model: what officers may do, where, under whose supervision."""
        models = {m["id"]: m for m in data()["models"]["models"]}
        if model_id not in models:
            raise ValueError(f"model_page({model_id!r}): no such model in data/models.yml")
        return show(
            "model",
            model=models[model_id],
            training_url=link("training.md"),
            signup_url=link("sign-up.md"),
            agreements=model_agreements(config, link, model_id),
        )

    @env.macro
    def training() -> Markup:
        """Training topics and who pays."""
        return show("training", training=data()["training"])

    @env.macro
    def signup() -> Markup:
        """How to sign up: steps, documents and where to send them."""
        return show(
            "signup",
            signup=data()["signup"],
            models=data()["models"],
            model_urls=model_links(),
            groups=download_groups(),
            templates_url=link("templates/index.md"),
        )

    @env.macro
    def faq() -> Markup:
        """The FAQ, each question under its permanent anchor."""
        questions = data()["faq"]["questions"]
        urls = {
            q["id"]: [link(*e["page"].partition("#")[::2]) for e in q.get("links", [])]
            for q in questions
        }
        return show("faq", faq=data()["faq"], link_urls=urls)

    def download_groups() -> list[dict]:
        """Downloads grouped by template, each with its description and preview link."""
        groups: dict[str, dict] = {}
        for d in state(config).downloads:
            template = data().get(f"templates/{d.group}")
            if template is None:
                continue  # an agency list, not a template
            group = groups.setdefault(
                d.group,
                {
                    "name": d.group,
                    "title": d.label,
                    "note": template.get("note", ""),
                    "preview": link(preview_page(d.group)),
                    "files": [],
                },
            )
            group["files"].append(
                {"format": d.format, "size": slots.size(d.path), "url": link(d.path)}
            )
        return list(groups.values())

    @env.macro
    def templates_page() -> Markup:
        """Every downloadable template with description, formats, sizes and preview."""
        return show("templates", groups=download_groups(), signup_url=link("sign-up.md"))

    @env.macro
    def template_preview(name: str) -> Markup:
        """A template's full text as HTML, fill-in fields marked, with its downloads."""
        group = next((g for g in download_groups() if g["name"] == name), None)
        if group is None:
            raise ValueError(f"template_preview({name!r}): no data/templates/{name}.yml")
        blocks = preview_blocks(data()[f"templates/{name}"])
        return show(
            "template_preview", group=group, blocks=blocks, templates_url=link("templates/index.md")
        )

    @env.macro
    def about() -> Markup:
        """About this site: who publishes it, where the content comes from, and as of when."""
        return show("about", site=data()["site"])
