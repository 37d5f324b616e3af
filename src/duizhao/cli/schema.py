"""``duizhao schema``: print the JSON Schema of the document form (what annotate prints)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import CommandGroup, print_json


def _cmd_schema(args: argparse.Namespace) -> int:
    from ..model import json_schema

    print_json(json_schema(), sys.stdout)
    return 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of the document form",
        description=(
            "Print the JSON Schema (draft 2020-12) of what 'duizhao parse/annotate --format json' "
            "print and what sheet, drill, build and bank add accept. Its 'schema' number changes "
            "when a key changes meaning, type or disappears, not when one is added."
        ),
    )
    p.set_defaults(func=_cmd_schema)


GROUP = CommandGroup(name="schema", add_to=_add)
