"""The simulated network: mitmproxy at the real host names, TLS with the harness's own CA
(`ca.py`).

`serve.py` runs mitmproxy with the addons of `addon.py` (in its own virtual environment);
`process.py` starts it and talks to it from the harness.
"""

from mocks.proxy.process import CONTROL_HOST, Proxy, ProxyNotInstalled

__all__ = ["CONTROL_HOST", "Proxy", "ProxyNotInstalled"]
