"""The gateway shows each department the tools the services' declared caller policies let it use."""
import pytest

from campus import policy, registry
from gateway.blueprints.staff import TOOL_RPCS, TOOLS


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_each_tool_belongs_to_the_departments_its_service_allows(tool):
    for service, rpc in TOOL_RPCS[tool]:
        declared = policy.policy_of(registry.definition(service).servicer_class(), rpc)
        assert declared.staff != policy.ALL, (tool, rpc)
        assert declared.staff == set(TOOLS[tool]), f"{rpc} admits {set(declared.staff)}: show the tool to them too"
