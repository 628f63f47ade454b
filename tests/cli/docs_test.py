#!/usr/bin/env python3
"""Help with examples on every command; the generated man page and bash completion agree
with `--help`, render without warnings, and complete what a user would type."""
import os
import re
import shutil
import subprocess
import unittest

from common import BUILD_DIR, FOLIO, run

COMMANDS = ["build", "check", "dump", "init", "import", "watch", "preview"]


def options_in_help(command):
    """Every --long option that `folio COMMAND --help` lists."""
    text = run(command, "--help").stdout
    return sorted(set(re.findall(r"(?m)^\s+(?:-\w,)?(--[\w-]+)", text)) - {"--help"})


class Help(unittest.TestCase):
    def test_every_command_has_examples(self):
        for command in [[]] + [[c] for c in COMMANDS]:
            r = run(*command, "--help")
            self.assertEqual(r.returncode, 0, command)
            self.assertIn("Examples:\n  folio", r.stdout, command)

    def test_top_level_help_lists_the_workflow_commands(self):
        text = run("--help").stdout
        for c in COMMANDS:
            self.assertRegex(text, rf"(?m)^\s+{c}\s", c)
        self.assertNotRegex(text, r"(?m)^\s+generate\s")  # the build-time tool stays hidden

    def test_global_flags_work_after_the_command(self):
        r = run("check", "--quiet", "manuscript", cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
        self.assertNotEqual(r.returncode, 2, r.stderr)


class ManPage(unittest.TestCase):
    def setUp(self):
        self.page_file = os.path.join(BUILD_DIR, "folio.1")
        self.assertTrue(os.path.exists(self.page_file), "the build generates folio.1")
        with open(self.page_file, encoding="ascii") as f:  # pure ASCII: \[uXXXX] escapes
            self.page = f.read()

    def test_is_what_the_binary_generates_now(self):
        # The .TH line carries SOURCE_DATE_EPOCH's date, which the build may have set.
        strip = lambda page: [l for l in page.split("\n") if not l.startswith(".TH ")]
        self.assertEqual(strip(run("generate", "man").stdout), strip(self.page))

    def test_documents_every_command_and_option(self):
        for c in COMMANDS:
            self.assertIn(f'.SS "folio {c}"', self.page)
            section = self.page.split(f'.SS "folio {c}"')[1].split(".SS")[0]
            for opt in options_in_help(c):
                self.assertIn("\\fB" + opt.replace("-", "\\-") + "\\fR", section, (c, opt))
        for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "EXAMPLES", "EXIT STATUS",
                        "ENVIRONMENT", "FILES"):
            self.assertIn(f".SH {heading}\n", self.page)

    def test_renders_without_groff_warnings(self):
        if not shutil.which("groff"):
            self.skipTest("groff is not installed")
        r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", self.page_file],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        text = subprocess.run(["groff", "-man", "-Tutf8", self.page_file], capture_output=True,
                              text=True, timeout=60).stdout
        text = re.sub(r".\x08", "", text)  # overstrike bold and underline
        self.assertIn("folio init mybook && folio build mybook", text)
        self.assertIn("–", text)  # an en dash from \[u2013]


class BashCompletion(unittest.TestCase):
    def complete(self, line):
        """What bash completes for `line` (the last word being typed)."""
        script = os.path.join(BUILD_DIR, "folio.bash")
        words = line.split(" ")
        program = (f'source "{script}"; COMP_WORDS=({" ".join(repr(w) for w in words)}); '
                   f"COMP_CWORD={len(words) - 1}; _folio; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
        r = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True,
                           text=True, timeout=60, cwd=os.path.dirname(script))
        self.assertEqual(r.stderr, "")
        return sorted(w for w in r.stdout.split("\n") if w)

    def test_is_registered_for_folio(self):
        r = subprocess.run(["bash", "--norc", "-c", f'source "{BUILD_DIR}/folio.bash"; complete -p folio'],
                           capture_output=True, text=True, timeout=60)
        self.assertIn("-F _folio", r.stdout)

    def test_completes_commands_options_and_values(self):
        self.assertEqual(self.complete("folio w"), ["watch"])
        self.assertEqual(self.complete("folio im"), ["import"])
        # import takes an .epub or .docx file (or a folder): the build folder holds none.
        self.assertNotIn("folio.1", self.complete("folio import fol"))
        self.assertEqual(self.complete("folio p"), ["preview"])
        self.assertNotIn("generate", self.complete("folio "))
        self.assertEqual(self.complete("folio check --format "), ["json", "text"])
        self.assertIn("--debounce", self.complete("folio watch --"))
        self.assertIn("--quiet", self.complete("folio watch --"))
        self.assertEqual(self.complete("folio preview --dpi "), [])  # a number: no guesses
        # After a flag, the next word is again the folder.
        self.assertIn("src", self.complete("folio build --epub s"))


if __name__ == "__main__":
    unittest.main()
