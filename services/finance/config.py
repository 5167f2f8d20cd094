from pydantic import Field

from campus.config import ServiceConfig


class FinanceConfig(ServiceConfig):
    service = "finance"

    #: The five-digit prefix the bill-payment network assigned to the university.
    biller_prefix: str = Field("10071", pattern=r"^\d{5}$")
    #: Days a challan may be paid at its face amount.
    due_days: int = Field(14, ge=1, le=120)
    #: Days after the due date during which the late amount is still accepted.
    expiry_days: int = Field(30, ge=0, le=365)
    #: How many days old a bank's transaction date may be when the payment reaches us.
    bank_backdate_days: int = Field(3, ge=0, le=30)
    #: How long after a payment reaches us the bank that took it may still reverse (void) it.
    reversal_window_hours: int = Field(72, ge=1, le=24 * 30)
    #: How often the relay closes challans that expired unpaid (their charge is cancelled).
    challan_expiry_check_seconds: float = Field(3600.0, gt=0, le=86400)
