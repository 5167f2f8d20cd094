"""Unit layer of deploy/: the deployment files checked as data, no Docker, no cluster."""
