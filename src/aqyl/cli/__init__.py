"""The ``aqyl`` command: a package of command modules, one per command group, registered on the
root of :mod:`aqyl.cli.app`; they call :mod:`aqyl.app` and show what it returns
(:mod:`aqyl.cli.present`)."""


def main() -> None:
    """The console script ``aqyl`` and ``python -m aqyl.cli``."""
    from aqyl.cli.app import main as run

    run()
