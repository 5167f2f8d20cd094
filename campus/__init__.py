"""The platform every service is built on: configuration, database and unit of work,
the transactional outbox and its relay, idempotent event consumers, gRPC server and
client plumbing, caller identity, and the errors they all speak.

Written once here; a second copy in a service is a bug.
"""
