"""The gateway shows each department the tools identity's declared caller policies let it use."""
import pytest

from campus import policy, registry
from gateway.blueprints.staff import TOOL_RPCS, TOOLS


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_each_tool_belongs_to_the_department_identity_allows(tool):
    servicer = registry.definition("identity").servicer_class()
    for rpc in TOOL_RPCS[tool]:
        declared = policy.policy_of(servicer, rpc)
        assert declared.staff != policy.ALL and TOOLS[tool] in declared.staff, (tool, rpc)
        assert declared.staff == {TOOLS[tool]}, f"{rpc} admits {set(declared.staff)}: show the tool to them too"
