#!/usr/bin/env python3
"""The `folio` command is a client of the public API: its sources include folio/folio.hpp and
support/ (atomic files, threads, UTF-8), never a pipeline stage (manuscript, model, check,
typeset, pdf, epub, editions, facts, style, publish). Unit tests beside it may."""
import pathlib
import re
import sys

ALLOWED = {"cli", "support"}
src = pathlib.Path(__file__).resolve().parents[2] / "src" / "cli"
files = [p for p in sorted(src.glob("*.[ch]pp")) if not p.name.endswith("_test.cpp")]
assert len(files) > 10, f"expected the CLI's sources in {src}, found {len(files)}"
found = []
api_users = 0
for p in files:
    text = p.read_text()
    api_users += "api::" in text
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*#\s*include\s+"([^"/]+)/', line)
        if m and m.group(1) not in ALLOWED:
            found.append(f"{p.name}:{n}: {line.strip()}")
if found:
    sys.exit("the CLI reaches past the public API:\n  " + "\n  ".join(found))
# The commands that run the pipeline do it through folio::api.
for name in ["build_command.cpp", "check_command.cpp", "dump_command.cpp", "preview_command.cpp",
             "import_command.cpp"]:
    assert "api::" in (src / name).read_text(), f"{name} does not call folio::api"
print(f"{len(files)} CLI sources: only cli/, support/ and <folio/folio.hpp>; {api_users} call folio::api")
