"""The simulated platform: one package per server, the loopback network and the world builder.

Clients never import this package: they reach the mocks only over the network.
"""
