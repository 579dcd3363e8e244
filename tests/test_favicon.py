"""The site's icon: linked from every page, and at /favicon.ico for clients that ask unprompted."""

import re
import xml.etree.ElementTree as ET

from django.contrib.staticfiles import finders
from django.templatetags.static import static


def test_favicon_ico_redirects_anyone_to_the_icon_in_the_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.ico")
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file's header
    assert client.post("/favicon.ico").status_code == 405


def test_every_page_links_the_icons(client):
    page = client.get("/accounts/login/").content.decode()
    links = dict(re.findall(r'<link rel="icon" href="([^"]+)"[^>]*?(?:type="([^"]+)")?>', page))
    assert set(links) == {static("favicon.ico"), static("favicon.svg")}
    assert links[static("favicon.svg")] == "image/svg+xml"
    svg = ET.parse(finders.find("favicon.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
