"""The simulated network: mitmproxy at the real host names, TLS with a CA made per run.

`addon.py` runs inside mitmdump (its own virtual environment); `process.py` starts and talks to
it from the harness.
"""

from mocks.proxy.process import CONTROL_HOST, Proxy, ProxyNotInstalled

__all__ = ["CONTROL_HOST", "Proxy", "ProxyNotInstalled"]
