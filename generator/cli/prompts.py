"""Prompts for ``briefing new``: each value from its flag or, unless ``--no-input``, asked for and
checked as it is typed, asked again until it is valid. Every answer is kept with its flag, so
an entry refused at the end is never lost: :meth:`Asker.command_line` gives the command that
makes it again with every answer, to correct the one refused and run."""

from __future__ import annotations

import shlex
from collections.abc import Callable

import click

Check = Callable[[str], "tuple[str, str] | None"]
#: Flags that go with the ``--source`` at their position: kept even when skipped ('').
PAIRED = ("--locator", "--quote", "--value")


class Asker:
    """Gets each value from its flag or, unless --no-input, from a prompt that checks it."""

    def __init__(self, no_input: bool) -> None:
        self.prompt = not no_input
        #: (flag, value) of every answer and flag, in the order given
        self.answers: list[tuple[str, str]] = []

    def keep(self, flag: str, value: str | None) -> None:
        if value or flag in PAIRED:
            self.answers.append((flag, value or ""))

    def text(self, value: str | None, flag: str, label: str, *, required: bool = True,
             default: str | None = None, check: Check | None = None) -> str | None:
        answer = self._text(value, flag, label, required=required, default=default, check=check)
        self.keep(flag, answer)
        return answer

    def _text(self, value: str | None, flag: str, label: str, *, required: bool,
              default: str | None, check: Check | None) -> str | None:
        if value is not None:
            return value
        if not self.prompt:
            if required and default is None:
                raise click.UsageError(f"missing {flag} (there are no prompts under --no-input)")
            return default

        def convert(answer: str) -> str | None:
            answer = answer.strip()
            if not answer:
                if required:
                    raise click.BadParameter("a value is needed")
                return None
            error = check(answer) if check else None
            if error:
                raise click.BadParameter(f"{error[0]} (hint: {error[1]})" if error[1] else error[0])
            return answer

        shown = default if default is not None else ("" if not required else None)
        return click.prompt(label + ("" if required else " (optional, Enter to skip)"), default=shown,
                            show_default=bool(default), value_proc=convert)

    def ids(self, values: tuple[str, ...], flag: str, label: str, *, required: bool, check: Check,
            known: list[str] | None = None) -> list[str]:
        if values or not self.prompt:
            if required and not values:
                raise click.UsageError(f"missing {flag} (there are no prompts under --no-input)")
            chosen = list(values)
        else:
            def check_all(answer: str) -> tuple[str, str] | None:
                return next((error for part in split(answer) if (error := check(part))), None)

            if known:
                click.echo(f"Known: {', '.join(known)}", err=True)
            answer = self._text(None, flag, label + " (comma-separated)", required=required, default=None,
                                check=check_all)
            chosen = split(answer or "")
        for value in chosen:
            self.keep(flag, value)
        return chosen

    def texts(self, values: tuple[str, ...], flag: str, label: str, *, check: Check) -> list[str]:
        """Several texts (one a prompt, until an empty answer), or the flag's values."""
        chosen = list(values)
        if not values and self.prompt:
            while answer := self._text(None, flag, f"{label} {len(chosen) + 1}", required=False, default=None,
                                       check=check):
                chosen.append(answer)
        for value in chosen:
            self.keep(flag, value)
        return chosen

    def choice(self, value: str | None, flag: str, label: str, choices: tuple[str, ...],
               default: str | None = None, check: Check | None = None, required: bool = True) -> str:
        """One of ``choices``; without prompts, the default stands in for an optional one."""
        if value is None and not self.prompt and not required and default is not None:
            value = default
        if value is None:
            if not self.prompt:
                raise click.UsageError(f"missing {flag} (there are no prompts under --no-input)")

            def convert(answer: str) -> str:
                answer = click.Choice(choices).convert(answer.strip(), None, None)
                error = check(answer) if check else None
                if error:
                    raise click.BadParameter(f"{error[0]} (hint: {error[1]})" if error[1] else error[0])
                return answer

            value = str(click.prompt(f"{label} ({', '.join(choices)})", default=default, value_proc=convert))
        self.keep(flag, value)
        return value

    def command_line(self, command: str) -> str:
        """The command that gives every answer as a flag, to run again without prompts."""
        flags = " ".join(f"{flag} {shlex.quote(value)}" for flag, value in self.answers)
        return f"{command} --no-input {flags}".rstrip()


def split(answer: str) -> list[str]:
    return [part for part in answer.replace(",", " ").split() if part]
