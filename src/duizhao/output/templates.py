"""The one jinja2 environment every HTML output renders with.

Autoescaping is on for every template (article text is never markup); a user's folder of templates
comes first, then the packaged ones, which stay reachable as ``default/NAME`` so that a user's
``sheet.html.j2`` can ``{% extends "default/sheet.html.j2" %}`` and override a single block.
Stylesheets and scripts are inlined with the ``asset(NAME)`` global, so a page is one file.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DuizhaoError

if TYPE_CHECKING:
    from collections.abc import Callable

    import jinja2
    from markupsafe import Markup

__all__ = ["environment", "generator"]


# One environment per templates folder; a process uses one or two folders, so a small bound.
@lru_cache(maxsize=8)
def _environment(user_dir: str | None) -> jinja2.Environment:
    import jinja2
    from markupsafe import Markup

    from ..resources import templates_dir

    packaged = jinja2.FileSystemLoader(str(templates_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders += [packaged, jinja2.PrefixLoader({"default": packaged})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # every template, whatever its name: article text is never markup
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )

    # The packaged assets as last read, each with jinja's check that its file is unchanged (a
    # page inlines three or four; reading them again was 1 ms of a 4 ms sheet). With a user's
    # folder, a file put there later must win, so they are read each time.
    assets: dict[str, tuple[Markup, Callable[[], bool] | None]] = {}

    def asset(name: str) -> Markup:
        """The raw text of a stylesheet or script (user folder first), to inline it."""
        known = assets.get(name)
        if known is not None and known[1] is not None and known[1]():
            return known[0]
        source, _, uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        # A stylesheet or script must not end its own element early.
        text = Markup(source.replace("</", "<\\/"))
        if user_dir is None:
            assets[name] = (text, uptodate)
        return text

    env.globals["asset"] = asset
    return env


def environment(templates: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    """The jinja2 environment: autoescaping, the user's folder first, then the packaged templates.

    Args:
        templates: A folder whose files replace the default templates of the same name (a template
            can also ``{% extends "default/sheet.html.j2" %}`` and override single blocks), or
            ``None``.

    Raises:
        DuizhaoError: ``templates`` is not a folder.
    """
    if templates is None:
        return _environment(None)
    path = Path(templates)
    if not path.is_dir():
        raise DuizhaoError(f"{path}: the templates folder does not exist")
    return _environment(str(path.resolve()))


def generator() -> str:
    """The ``<meta name="generator">`` text of every page: ``duizhao VERSION``."""
    from .. import __version__

    return f"duizhao {__version__}"
