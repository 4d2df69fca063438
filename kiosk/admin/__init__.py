"""Writing to a hall store from the command line while its server owns it: the local admin
token, the registry of operations that go through the server, and the runner the CLI uses."""
