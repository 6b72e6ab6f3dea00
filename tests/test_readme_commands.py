"""The README's console examples print what the README says they print.

Each ```console block of README.md is one `$ archive …` command and its output; they run in
order in a folder where examples/ and ../shared/seeds are what they are in the repo.
"""

import re
import shlex
from pathlib import Path

from click.testing import CliRunner
from shared_paths import SHARED, needs_shared

from archive.cli import main

pytestmark = needs_shared

REPO = Path(__file__).resolve().parent.parent
CONSOLE_BLOCK = re.compile(r"```console\n\$ (archive [^\n]*)\n(.*?)```", re.DOTALL)


def readme_examples() -> list[tuple[str, str]]:
    return CONSOLE_BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_readme_console_examples_print_what_they_show(tmp_path, monkeypatch):
    (tmp_path / "shared").symlink_to(SHARED)
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(REPO / "examples")
    monkeypatch.chdir(work)
    examples = readme_examples()
    assert len(examples) >= 10
    for command, shown in examples:
        result = CliRunner().invoke(main, shlex.split(command)[1:], env={"ARCHIVE_DB": None})
        assert result.exit_code == 0, f"{command}\n{result.output}"
        printed = "\n".join(line.rstrip() for line in result.stdout.splitlines())
        assert printed == shown.rstrip("\n"), f"README's output of `{command}` is out of date"
