"""Where the generated pages go in the navigation."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import SiteBuilder


def nav_links(site_html: str) -> list[str]:
    soup = BeautifulSoup(site_html, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("nav a, .navbar a, .wy-menu a")]


def test_explicit_nav_places_pages_by_path_and_gathers_the_rest(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "Home [data:2:transfer].\n", "threats.md": "# Threats\n"},
        {
            "nav": [
                {"Home": "index.md"},
                {"Threat model": "threats.md"},
                {"Datasets risks": "biml/data.md"},
            ],
            "validation": {"omitted_files": "warn"},
        },
        strict=True,
    )
    assert built.error is None, built.failure()
    assert built.warnings() == []
    links = nav_links(built.html("index.md"))
    raw = next(i for i, text in enumerate(links) if text.endswith("Raw data in the world"))
    assert links.index("Datasets risks") < raw
    assert "BIML risk framework" in built.html("index.md")
    # pages not listed are still built and reachable
    assert (built.site_dir / "biml" / "raw" / "index.html").is_file()
    assert "Datasets risks" in links
    assert links.count("Datasets risks") == 1


def test_automatic_nav_section_title_and_position(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "Home\n", "zeta.md": "# Zeta\n"},
        {"plugins": [{"biml": {"nav_title": "ML risks", "nav_position": "start"}}]},
    )
    links = nav_links(built.html("zeta.md"))
    assert links.index("ML risks") < links.index("Zeta")
