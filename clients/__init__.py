"""The clients under test: the driver interface, the reference clients and adapter loading.

Clients never import `mocks`: they reach the platform only over the network, as a vendor's does.
"""
