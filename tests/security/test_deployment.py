"""Team deployment: Streamlit's public ``/_stcore/metrics`` route is blocked by the README's reverse proxy.

Streamlit 1.67 serves ``/_stcore/metrics`` without sign-in and offers no setting to turn it off; the route
is created with the server, before any app script runs, so the app cannot remove it. The README's nginx
example answers 404 for it; the second test fails when Streamlit adds a metrics setting (then use it).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from streamlit import config

ROOT = Path(__file__).resolve().parents[2]


def _nginx_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    team = readme[readme.index("## Team deployment") :]
    (block,) = re.findall(r"```nginx\n(.*?)```", team[: team.index("\n## ", 1)], re.S)
    return block


def test_the_readme_proxy_answers_404_for_the_metrics_route():
    block = _nginx_example()
    rule = re.search(r"location\s+\^~\s+/_stcore/metrics\s*\{([^}]*)\}", block)
    assert rule is not None, "the nginx example must block /_stcore/metrics"
    assert re.search(r"\breturn\s+404\s*;", rule.group(1))
    assert block.index("/_stcore/metrics") < block.index("location / {")  # a prefix match (^~) wins anyway


def test_streamlit_has_no_setting_that_turns_the_metrics_route_off():
    options = {
        name
        for name, option in config.get_config_options().items()
        if "metrics" in f"{name} {option.description or ''}".lower()
    }
    assert options == {"server.enableExpensiveMemoryStats", "server.unsafeMetricsUserAttributes"}


def test_no_user_identity_is_published_on_the_metrics_route():
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert not settings.get("server", {}).get("unsafeMetricsUserAttributes")
