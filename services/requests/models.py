"""Requests tables: the catalogue, service requests, their status history, the thread of
messages between the student and the department, and the documents attached."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()

categories = sa.Table(
    "categories", metadata,
    sa.Column("code", sa.String(60), primary_key=True),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
)

subtypes = sa.Table(
    "subtypes", metadata,
    sa.Column("code", sa.String(60), primary_key=True),
    sa.Column("category_code", sa.String(60), sa.ForeignKey("categories.code"), nullable=False),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("fee_code", sa.String(40)),                 # finance's fee; NULL = no fee
    sa.Column("department", sa.String(30), nullable=False),
    sa.Column("opens_degree_application", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("urgent", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("position", sa.Integer, nullable=False),
    # The department's service level: days from reaching its queue to a decision.
    sa.Column("service_days", sa.Integer, nullable=False, server_default="30"),
    # Another service decides these (finance: refunds and aid; exams: re-checking and a
    # change of centre): its event resolves the request, not a decision here.
    sa.Column("decided_by", sa.String(20), nullable=False, server_default=""),
)

# Request numbers are reserved before the challan is asked for, so the challan can carry
# the number as its reference; the same idempotency key reserves the same number again.
request_numbers = sa.Table(
    "request_numbers", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False),
    sa.Column("idempotency_key", sa.String(80)),
    sa.Column("reserved_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("registration_number", "idempotency_key"),
)

service_requests = sa.Table(
    "service_requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_number", sa.String(20), nullable=False, unique=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("category", sa.String(60), nullable=False),
    sa.Column("subtype", sa.String(60), sa.ForeignKey("subtypes.code"), nullable=False),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("department", sa.String(30), nullable=False, index=True),
    # The student's regional centre when the request was filed (enrollment's centre code):
    # regional staff see only their own centre's. "" for requests filed before it was
    # stored (no backfill across databases): no regional officer sees those.
    sa.Column("centre", sa.String(10), nullable=False, server_default=""),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("consumer_number", sa.String(18)),
    sa.Column("amount_paisa", sa.BigInteger),
    sa.Column("due_date", sa.Date),
    sa.Column("idempotency_key", sa.String(80)),
    sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # When it reached its department's queue (filed without a fee, or paid for): the
    # service level counts from here. NULL while it waits for its fee.
    sa.Column("queued_at", sa.DateTime(timezone=True)),
    sa.Column("assigned_to", sa.String(60)),              # an officer's login in the department
    sa.Column("escalated_at", sa.DateTime(timezone=True)),  # overdue, told to the department's head
    sa.UniqueConstraint("registration_number", "idempotency_key"),
    sa.Index("ix_service_requests_department_centre", "department", "centre"),
    sa.Index("ix_service_requests_department_status", "department", "status", "queued_at"),
)

status_history = sa.Table(
    "status_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("service_requests.id"), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
    # Who moved it (campus.audit.actor_of: student:<regno>, staff:<login>@<dept>, service:<name>, system).
    sa.Column("actor", sa.String(120), nullable=False, server_default=""),
)

#: The thread: the student and the department write to each other; staff may also leave
#: internal notes the student never sees.
messages = sa.Table(
    "messages", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("service_requests.id"), nullable=False, index=True),
    sa.Column("author_kind", sa.String(10), nullable=False),   # student | staff
    sa.Column("author", sa.String(120), nullable=False),       # campus.audit.actor_of
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("internal", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("idempotency_key", sa.String(80)),               # a form sent twice writes once
    sa.UniqueConstraint("request_id", "idempotency_key"),
)

#: Documents attached to a request. The bytes live in the attachment store (a folder, or
#: object storage) under `stored_name`, a name we generate; never under the uploader's.
attachments = sa.Table(
    "attachments", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("service_requests.id"), nullable=False, index=True),
    sa.Column("stored_name", sa.String(64), nullable=False, unique=True),
    sa.Column("filename", sa.String(130), nullable=False),
    sa.Column("content_type", sa.String(40), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("author_kind", sa.String(10), nullable=False),
    sa.Column("uploaded_by", sa.String(120), nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    # The same file sent twice (a retried upload) is one attachment.
    sa.UniqueConstraint("request_id", "sha256"),
)

#: The fields of a "Correction in personal information" request, each decided on its own.
correction_fields = sa.Table(
    "correction_fields", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("service_requests.id"), nullable=False, index=True),
    sa.Column("field", sa.String(30), nullable=False),
    sa.Column("current_value", sa.String(300), nullable=False),   # her record's, when she filed
    sa.Column("new_value", sa.String(300), nullable=False),       # checked as admission checks it
    sa.Column("decision", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("reason", sa.String(300), nullable=False, server_default=""),
    sa.Column("decided_by", sa.String(120), nullable=False, server_default=""),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("request_id", "field"),
)

#: Help-desk complaints from anyone, signed in or not (she may be unable to sign in): student
#: services answers them. The one document she may attach lives in the attachment store.
complaints = sa.Table(
    "complaints", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("complaint_number", sa.String(20), nullable=False, unique=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("registration_number", sa.String(20), nullable=False, server_default=""),  # if she knows it
    sa.Column("email", sa.String(120), nullable=False, server_default=""),
    sa.Column("mobile", sa.String(20), nullable=False, server_default=""),
    sa.Column("category", sa.String(30), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),                  # open | answered | closed
    sa.Column("answer", sa.Text, nullable=False, server_default=""),
    sa.Column("answered_by", sa.String(120), nullable=False, server_default=""),
    sa.Column("answered_at", sa.DateTime(timezone=True)),
    sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
    # The bot check's one-time id: a solved challenge files one complaint, never two.
    sa.Column("challenge_id", sa.String(64), nullable=False, unique=True),
    sa.Column("stored_name", sa.String(64)),
    sa.Column("filename", sa.String(130)),
    sa.Column("content_type", sa.String(40)),
    sa.Column("size", sa.Integer),
    sa.Index("ix_complaints_status_filed_at", "status", "filed_at"),
)

#: The help desk's answers to frequent questions, in English and Urdu, kept by student
#: services. Searched with PostgreSQL's full-text search (the generated, GIN-indexed columns
#: search_en and search_ur of migration 0009) or, on SQLite (`make up`), its FTS5 table
#: `faq_search`, which faq.py keeps in step. Those are one database's own: not declared here.
FAQ_SEARCH_OBJECTS = frozenset({"search_en", "search_ur", "ix_faq_articles_search_en", "ix_faq_articles_search_ur",
                                "faq_search"})
faq_articles = sa.Table(
    "faq_articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("category", sa.String(30), nullable=False),
    sa.Column("title_en", sa.String(200), nullable=False),
    sa.Column("body_en", sa.Text, nullable=False),
    sa.Column("title_ur", sa.String(200), nullable=False, server_default=""),
    sa.Column("body_ur", sa.Text, nullable=False, server_default=""),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("views", sa.Integer, nullable=False, server_default="0"),
    sa.Column("helpful_yes", sa.Integer, nullable=False, server_default="0"),
    sa.Column("helpful_no", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.String(120), nullable=False, server_default=""),
    sa.Index("ix_faq_articles_category", "category"),
)

