"""mkdocs-macros module: the macros that pages call, each rendering one data file."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import build
from .agencies import define_agency_macros, model_agreements


def define_env(env: Any) -> None:
    """Register the macros; each loads validated data and renders a partial."""
    config = env.conf

    def data() -> Any:
        return build.site_data(config)

    def link(src_path: str, anchor: str = "") -> str:
        return build.page_url(config, env.page, src_path, anchor)

    def model_links() -> dict[str, str]:
        return {m["id"]: link(f"models/{m['slug']}.md") for m in data()["models"]["models"]}

    def show(template: str, **context: Any) -> Markup:
        return build.render(config, f"partials/content/{template}.html", **context)

    define_agency_macros(env, link)

    @env.macro
    def program_overview() -> Markup:
        """Home page: the program, the authority it grants, its benefits and models."""
        d = data()
        return show(
            "program",
            program=d["program"],
            models=d["models"],
            model_urls=model_links(),
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
            "signup", signup=data()["signup"], models=data()["models"], model_urls=model_links()
        )

    @env.macro
    def faq() -> Markup:
        """The FAQ, each question under its permanent anchor."""
        return show("faq", faq=data()["faq"])

    @env.macro
    def about() -> Markup:
        """About this site: who publishes it, where the content comes from, and as of when."""
        return show("about", site=data()["site"])
