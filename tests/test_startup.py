"""`uprdraft --help` must stay near bare-Python start-up: no heavy import on the way."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("docx", "docxtpl", "lxml", "pydantic", "openpyxl", "babel", "icalendar", "textstat", "jinja2",
         "ruamel", "markdown_it", "email_validator", "charset_normalizer", "aiosmtpd")

PROBE = f"""
import sys
from uprdraft.cli import main
for args in (['--help'], ['statement', '--help'], ['statement', 'written', '--help']):
    try:
        main(args)
    except SystemExit:
        pass
print(sorted(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_help_imports_nothing_heavy():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


LIGHT = f"""
import sys
from uprdraft.cli import main
try:
    main([ARG])
except SystemExit:
    pass
print(sorted(m for m in {HEAVY!r} + ("uprdraft.kinds", "uprdraft.api", "uprdraft.rules", "json", "pathlib",
                                     "dataclasses", "importlib.metadata", "shutil") if m in sys.modules))
print(sorted(main.commands))
"""


def test_version_imports_nothing_and_makes_no_command():
    out = subprocess.run([sys.executable, "-c", LIGHT.replace("ARG", "'--version'")], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()
    assert out[0].startswith("uprdraft ")
    assert out[-2] == "[]"
    assert out[-1] == "['import', 'track']"  # only the import and track groups themselves, no command made


def test_help_lists_commands_without_making_them():
    out = subprocess.run([sys.executable, "-c", LIGHT.replace("ARG", "'--help'")], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()
    assert "Commands:" in out
    assert out[-2] == "['uprdraft.kinds']"  # the registry gives the document commands' help
    assert out[-1] == "['import', 'track']"


def test_listed_short_help_is_the_made_commands_own():
    import click

    from uprdraft.cli import LazyGroup, main

    def walk(group: click.Group, path: list[str]):
        ctx = click.Context(group, info_name=" ".join(path))
        for name in group.list_commands(ctx):
            listed, _ = group.entries().get(name, (None, None)) if isinstance(group, LazyGroup) else (None, None)
            made = group.get_command(ctx, name)
            assert made is not None, name
            if listed is not None:
                assert click.Command(name, help=listed).get_short_help_str(60) == made.get_short_help_str(60), name
            if isinstance(made, click.Group):
                yield from walk(made, [*path, name])
            yield [*path, name]

    commands = list(walk(main, ["uprdraft"]))
    assert ["uprdraft", "statement", "written"] in commands and ["uprdraft", "import", "recommendations"] in commands


def test_help_width_is_the_one_shutil_would_give(monkeypatch):
    import shutil

    from click import formatting

    from uprdraft.cli import _help_width

    monkeypatch.setattr(formatting, "FORCED_WIDTH", None)
    for columns in ("40", "60", "99", "100", "101", "200", "", "x", "-3"):
        monkeypatch.setenv("COLUMNS", columns)
        assert _help_width(100) == max(min(shutil.get_terminal_size().columns, 100) - 2, 50), columns
    monkeypatch.setattr(formatting, "FORCED_WIDTH", 72)  # click's test runner forces a width
    assert _help_width(100) == 72
