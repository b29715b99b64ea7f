"""Each mock's requests received, read from the proxy's one record of the traffic: its own hosts
only, none the proxy answered in the server's place, none from before the mock's last reset."""

from __future__ import annotations

from mocks.received import Received


def flow(seq: int, host: str, **more) -> dict:
    return {"seq": seq, "host": host, "method": "GET", "path": f"/{seq}", "device": "", **more}


def test_a_mock_sees_the_requests_that_reached_its_hosts_since_its_last_reset():
    flows = [flow(1, "micollab.a.example.com"), flow(2, "auth.mitel.io")]
    asked: list[int] = []
    received = Received(lambda since: asked.append(since) or [f for f in flows if f["seq"] > since])
    micollab, cloudlink = received.to("micollab.*"), received.to("auth.mitel.io")
    assert [f["seq"] for f in micollab()] == [1]
    micollab.forget()
    flows += [
        flow(3, "micollab.b.example.com", device="lab-phone"),
        flow(4, "micollab.a.example.com", fault="5xx"),  # the proxy answered: the server never saw it
        flow(5, "micollab.a.example.com", refused=True),
    ]
    assert [f["seq"] for f in micollab()] == [3]
    assert micollab(host="micollab.a.example.com") == []
    assert [f["seq"] for f in micollab(device="lab")] == [3]
    assert [f["path"] for f in cloudlink()] == ["/2"]
    assert asked[:2] == [0, 2]  # the reset asked only for the flows after the newest it had seen
