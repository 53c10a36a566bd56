"""``aqyl worker``: runs the background work the web pages queue (gravity fits, batches of
forecasts, large flows files), from the queue kept in the database itself."""

from __future__ import annotations

from typing import Annotated

import typer

from aqyl.app.system import run_worker


def worker(
    batch: Annotated[bool, typer.Option("--batch", help="Run what is queued, then stop (for cron or tests).")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between looks at the queue.")] = 1.0,
) -> None:
    """Run queued background work until stopped (Ctrl+C); the web pages show its progress."""
    run_worker(batch, interval)


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
