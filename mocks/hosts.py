"""The host names of the simulated world, as clients name them."""

from mocks.azure_ad.endpoints import AZURE_HOST
from mocks.cloudlink.front import API_HOST, LOGIN_HOST
from mocks.mail.front import MAILBOX_HOST
from mocks.mitel_one import WEB_HOST

WORLD_HOST = "world.harness.test"  # the world's control API (mocks/world_api.py)
# The platform's own servers; the mailbox and world APIs are the harness's.
PLATFORM_HOSTS = ("micollab.*", LOGIN_HOST, API_HOST, AZURE_HOST, WEB_HOST)
CLOUDLINK_HOSTS = (LOGIN_HOST, API_HOST)
SIMULATED_HOSTS = (*PLATFORM_HOSTS, MAILBOX_HOST, WORLD_HOST)  # what the proxy routes to the mocks
