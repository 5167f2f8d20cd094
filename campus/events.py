"""Event envelopes: `{event_id, event_type, occurred_at, source, version, data}`.

`data` is a protobuf message from protos/ in protobuf's JSON mapping. The event type is
the message name in snake_case past tense (ChallanPaid -> challan_paid), which is also
the routing key on the `<source>.events` topic exchange.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

from google.protobuf import json_format
from google.protobuf.message import Message

from campus import clock

ENVELOPE_VERSION = 1
M = TypeVar("M", bound=Message)


def event_type_of(message: Message) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", message.DESCRIPTOR.name).lower()


def exchange_of(source: str) -> str:
    return f"{source}.events"


def envelope_for(source: str, message: Message, *, event_type: str | None = None) -> dict[str, Any]:
    return {
        "event_id": str(uuid.uuid4()),
        "event_type": event_type or event_type_of(message),
        "occurred_at": clock.iso(clock.utcnow()),
        "source": source,
        "version": ENVELOPE_VERSION,
        "data": json_format.MessageToDict(message, preserving_proto_field_name=True),
    }


class MalformedEvent(ValueError):
    pass


@dataclass(frozen=True)
class Event:
    event_id: str
    event_type: str
    occurred_at: str
    source: str
    version: int
    data: dict[str, Any]

    @classmethod
    def from_envelope(cls, body: Any) -> Event:
        if not isinstance(body, dict):
            raise MalformedEvent("event body is not a JSON object")
        missing = [k for k in ("event_id", "event_type", "source", "data") if k not in body]
        if missing:
            raise MalformedEvent(f"event envelope lacks {', '.join(missing)}")
        return cls(str(body["event_id"]), str(body["event_type"]), str(body.get("occurred_at", "")),
                   str(body["source"]), int(body.get("version", 1)), dict(body["data"]))

    def payload(self, message_cls: type[M]) -> M:
        # Unknown fields are ignored so a producer can add fields before consumers know them.
        return json_format.ParseDict(self.data, message_cls(), ignore_unknown_fields=True)
