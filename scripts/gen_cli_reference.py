"""Write docs/cli.md: the help of every uprdraft command, from the commands themselves.

    python scripts/gen_cli_reference.py          # rewrite docs/cli.md
    python scripts/gen_cli_reference.py --check  # exit 1 when docs/cli.md is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "cli.md"


def _walk(cmd: click.Command, path: list[str]):
    yield path, cmd
    if isinstance(cmd, click.Group):  # commands are made on first use: ask the group for them
        ctx = click.Context(cmd, info_name=" ".join(path))
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None:
                yield from _walk(sub, [*path, name])


def reference() -> str:
    from uprdraft.cli import main

    out = ["# uprdraft command reference", "",
           "Generated from the commands themselves by `python scripts/gen_cli_reference.py`; a test keeps it "
           "current. Every command is also a function of the Python API with the same name and options "
           "(see the README).", ""]
    for path, cmd in _walk(main, ["uprdraft"]):
        ctx = click.Context(cmd, info_name=" ".join(path), terminal_width=100, max_content_width=100,
                            help_option_names=["-h", "--help"])
        out += [f"## {' '.join(path)}", "", "```text", cmd.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    text = reference()
    if "--check" in sys.argv:
        sys.exit(0 if TARGET.read_text(encoding="utf-8") == text else 1)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
