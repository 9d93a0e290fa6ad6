"""Links built from the request (issue 7, finding 4): GET /%5Cevil.example
rendered href="/\\evil.example?lang=fr", which browsers resolve to
http://evil.example/.  Paths placed in a URL now go through url_path()
(lib/url.h): percent-encoded for a URL path, one leading slash.  Checked
through nginx and in plain CGI mode (where no web server normalises the
path first), on every link of the page, and in the templates' sources."""
import html
import os
import re
import urllib.parse

import harness
from harness import test, check

HOSTILE = ["/%5Cevil.example", "/%5C%5Cevil.example", "/%5C/evil.example",
           "//evil.example", "///evil.example/x", "/%2F%2Fevil.example",
           "/%2F/evil.example", "/http:%2F%2Fevil.example",
           "/c/%5Cevil.example", "/p/%5C%5Cevil.example"]
CGI_PATHS = ["/\\evil.example", "//evil.example", "/\\\\evil.example",
             "///evil.example", "/\\/evil.example"]


def links(text):
    """Every href, src and action of a page, HTML-unescaped."""
    return [html.unescape(v) for v in
            re.findall(r'(?:href|src|action)="([^"]*)"', text)]


def check_links(where, text, base):
    found = links(text)
    check(found, "%s: no links" % where)
    for v in found:
        if v.startswith("#"):
            continue
        # The shop's own contact channels (settings, never the request):
        # its address, phone and WhatsApp in the footer and contact page.
        if v.startswith(("mailto:", "tel:", "https://wa.me/")):
            check("evil" not in v, "%s: contact link %r" % (where, v))
            continue
        u = urllib.parse.urljoin(base + "/some/page", v)
        check(u.startswith(base + "/"), "%s: %r leaves the store (%s)" % (
            where, v, u))
        check("\\" not in v, "%s: a backslash in %r" % (where, v))


@test
def language_links_on_hostile_paths_stay_on_the_store():
    s = harness.stack()
    for path in HOSTILE:
        r = s.get(path)
        check(r.status in (400, 404), "%s -> %d" % (path, r.status))
        check_links(path, r.text, s.base)
        if r.status == 404:
            m = re.search(r'class="lang" href="([^"]*)"', r.text)
            check(m, "%s: no language link" % path)
            check(html.unescape(m.group(1)).startswith("/") and not
                  html.unescape(m.group(1)).startswith("//"),
                  "%s: language link %r" % (path, m.group(1)))
    r = s.get("/%5Cevil.example")
    check('href="/%5Cevil.example?lang=fr"' in r.text,
          "the link keeps the page, encoded: %s" %
          re.findall(r'class="lang" href="[^"]*"', r.text))


@test
def language_links_in_cgi_mode_stay_on_the_store():
    s = harness.stack()
    for path in CGI_PATHS:
        r = harness.cgi("catalog", path, stack_env=s.env)
        check(r.status in (400, 404), "CGI %r -> %d" % (path, r.status))
        check_links("CGI " + path, r.body.decode("utf-8"), s.base)


@test
def templates_place_request_values_in_urls_only_through_url_path():
    root = os.path.join(os.path.dirname(__file__), "..", "..", "templates")
    for d, _, files in os.walk(root):
        for name in files:
            with open(os.path.join(d, name), encoding="utf-8") as f:
                src = f.read()
            for attr in re.findall(r'(?:href|src|action)="([^"]*)"', src):
                check(not re.search(r"var:\s*Req\.path", attr),
                      "%s: Req.path in a URL without url_path(): %s" % (
                          name, attr))
