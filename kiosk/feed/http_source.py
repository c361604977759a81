"""A feed on a web host (nginx, an S3 bucket, any static host), read with urllib.

feed.json is fetched with If-None-Match / If-Modified-Since, so an unchanged feed costs one
small 304 answer; the bundle is fetched with Range, so a cut download carries on where it
stopped. Proxies from the usual environment variables are used; certificates are checked.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urljoin

from kiosk import __version__
from kiosk.feed.errors import FeedUnreachable
from kiosk.feed.sources import (
    DEFAULT_TIMEOUT,
    Fetched,
    append_stream,
    feed_file_address,
    read_limited,
    stopped_early,
)

USER_AGENT = f"knee-kiosk/{__version__}"
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-\d+/(\d+|\*)$")


class HttpSource:
    """feed.json and its bundle at an http:// or https:// address."""

    def __init__(self, address: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.address = address
        self.feed_url = feed_file_address(address)
        self.timeout = timeout

    def fetch_feed(self, etag: str = "", last_modified: str = "") -> Fetched:
        headers = {"Cache-Control": "no-cache"}  # a cache on the way asks the host again
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self._open(self.feed_url, headers) as response:
                data = read_limited(response, "feed.json")
                return Fetched(
                    data,
                    response.headers.get("ETag", ""),
                    response.headers.get("Last-Modified", ""),
                )
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return Fetched(None, etag, last_modified)
            raise FeedUnreachable(_http_words(error, "feed.json", self.feed_url)) from None
        except (OSError, http.client.HTTPException) as error:
            raise FeedUnreachable(_network_words(error, self.feed_url, self.timeout)) from None

    def download(self, file: str, target: Path, size: int) -> None:
        url = urljoin(self.feed_url, quote(file))
        have = target.stat().st_size if target.exists() else 0
        if have > size:
            target.unlink()
            have = 0
        if have == size:
            return
        headers = {"Range": f"bytes={have}-"} if have else {}
        try:
            with self._open(url, headers) as response:
                if response.status == 206:
                    start = _range_start(response.headers.get("Content-Range", ""))
                    if start != have:
                        target.unlink(missing_ok=True)
                        raise FeedUnreachable(
                            f"The host sent another part of {file} than was asked for; it is "
                            "fetched again from the start."
                        )
                else:
                    have = 0  # the host sent the whole file: start again
                have = append_stream(response, target, have, size, file)
        except urllib.error.HTTPError as error:
            if error.code == 416:  # what is kept does not fit the file on the host
                target.unlink(missing_ok=True)
            raise FeedUnreachable(_http_words(error, file, url)) from None
        except (OSError, http.client.HTTPException) as error:
            reason = _network_words(error, url, self.timeout)
            have = target.stat().st_size if target.exists() else 0
            if have:
                reason = f"{reason} {stopped_early(file, have, size)}"
            raise FeedUnreachable(reason) from None
        if have < size:
            raise stopped_early(file, have, size)

    def _open(self, url: str, headers: dict[str, str]):
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
        return urllib.request.urlopen(request, timeout=self.timeout)


def _range_start(content_range: str) -> int | None:
    match = _CONTENT_RANGE.match(content_range.strip())
    return int(match.group(1)) if match else None


def _http_words(error: urllib.error.HTTPError, what: str, url: str) -> str:
    """An HTTP error answer in words for staff."""
    code = error.code
    if code == 404:
        return (
            f"The feed host has no {what} at {url} (404 Not Found). Check the feed address, "
            "and that both feed.json and the bundle were uploaded."
        )
    if code in (401, 403):
        return f"The feed host refused to give {what} ({code} {error.reason}) at {url}."
    if code == 416:
        return f"The host could not carry on the download of {what}; it starts again."
    if code >= 500:
        return f"The feed host had a problem ({code} {error.reason}); it is tried again later."
    return f"The feed host answered {code} {error.reason} for {url}."


def _network_words(error: BaseException, url: str, timeout: float) -> str:
    """A failure to talk to the host in words for staff."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"The feed host did not answer within {timeout:g} seconds ({url})."
    if isinstance(reason, ConnectionRefusedError):
        return f"The feed host refused the connection ({url}); is it running?"
    if isinstance(reason, socket.gaierror):
        return f"The feed host's name could not be found ({url}); is the network up?"
    if isinstance(reason, ssl.SSLError):
        return f"The feed host's secure connection could not be checked ({url}): {reason}."
    if isinstance(reason, http.client.IncompleteRead | ConnectionError):
        return f"The connection to the feed host broke off ({url})."
    return f"The feed host could not be reached ({url}): {reason}."
