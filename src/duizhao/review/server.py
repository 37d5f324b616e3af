"""Running the review app: uvicorn on 127.0.0.1 (a free port unless one is given), the browser.

Examples:
    >>> server = ReviewServer("corpus", open_browser=False)  # doctest: +SKIP
    >>> server.start(); server.url                          # doctest: +SKIP
    'http://127.0.0.1:43817/'
    >>> server.stop()                                       # doctest: +SKIP
"""

from __future__ import annotations

import os
import socket
import threading
import webbrowser
from pathlib import Path
from typing import Any

from ..errors import DuizhaoError, MissingExtraError
from .workspace import Workspace

__all__ = ["HOST", "ReviewServer", "check_review_support"]

#: The only address the app listens on.
HOST = "127.0.0.1"


def check_review_support() -> None:
    """Check that the ``review`` extra (Starlette and uvicorn) is installed.

    Raises:
        MissingExtraError: It is not.
    """
    for module in ("starlette", "uvicorn"):
        try:
            __import__(module)
        except ImportError as e:
            raise MissingExtraError(module, "review", "the review page") from e


class ReviewServer:
    """The review app for an article or a folder, served on ``127.0.0.1``.

    Args:
        target: An article, or a folder of articles.
        port: The port (default: a free one, chosen by the system).
        open_browser: Open the page in the browser once the server is up.
    """

    def __init__(
        self, target: str | os.PathLike[str], *, port: int | None = None, open_browser: bool = True
    ) -> None:
        check_review_support()
        self.workspace = Workspace(target)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.sock.bind((HOST, port or 0))
        except OSError as e:
            self.sock.close()
            raise DuizhaoError(f"cannot listen on {HOST}:{port}: {e.strerror or e}") from e
        self.port: int = self.sock.getsockname()[1]
        self.open_browser = open_browser
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The page to open."""
        only = self.workspace.only
        from urllib.parse import quote

        return f"http://{HOST}:{self.port}/" + (f"a/{quote(only)}" if only else "")

    def _uvicorn(self) -> Any:
        import uvicorn

        from .app import create_app

        app = create_app(self.workspace, self.port)
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        return self._server

    def _open(self) -> None:
        if self.open_browser:
            threading.Timer(0.5, webbrowser.open, [self.url]).start()

    def run(self) -> None:
        """Serve until interrupted (Ctrl+C)."""
        server = self._uvicorn()
        self._open()
        server.run(sockets=[self.sock])

    def start(self) -> None:
        """Serve from a background thread (tests, screenshots); returns once it answers."""
        import time

        server = self._uvicorn()
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [self.sock]},
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        if not server.started:
            raise DuizhaoError("the review server did not start")
        self._open()

    def stop(self) -> None:
        """Stop a server started with :meth:`start`."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.sock.close()


def describe(target: str | os.PathLike[str]) -> str:
    """What ``duizhao review`` serves, for its first line of output."""
    p = Path(target)
    return f"the articles of {p}" if p.is_dir() else str(p)
