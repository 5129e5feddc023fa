"""Prompts for ``briefing new``: each value from its flag or, unless ``--no-input``, asked for and
checked as it is typed, asked again until it is valid."""

from __future__ import annotations

from collections.abc import Callable

import click

Check = Callable[[str], "tuple[str, str] | None"]


class Asker:
    """Gets each value from its flag or, unless --no-input, from a prompt that checks it."""

    def __init__(self, no_input: bool) -> None:
        self.prompt = not no_input

    def text(self, value: str | None, flag: str, label: str, *, required: bool = True,
             default: str | None = None, check: Check | None = None) -> str | None:
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
            return list(values)

        def check_all(answer: str) -> tuple[str, str] | None:
            return next((error for part in split(answer) if (error := check(part))), None)

        if known:
            click.echo(f"Known: {', '.join(known)}", err=True)
        answer = self.text(None, flag, label + " (comma-separated)", required=required, check=check_all)
        return split(answer or "")

    def choice(self, value: str | None, flag: str, label: str, choices: tuple[str, ...],
               default: str | None = None) -> str:
        if value is not None:
            return value
        if not self.prompt:
            raise click.UsageError(f"missing {flag} (there are no prompts under --no-input)")
        return str(click.prompt(label, type=click.Choice(choices), default=default))


def split(answer: str) -> list[str]:
    return [part for part in answer.replace(",", " ").split() if part]


