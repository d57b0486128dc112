#!/usr/bin/env python3
"""Prints the URL-encoded body a browser would send for the form of an HTML page whose action
ends with the given suffix: every named input (checked boxes and radios only), textarea and
selected option, as they are. The bench posts it back unchanged: a coordinator saving a form.

    form_body.py PAGE.html /bewerken   ->   prints "ACTION<TAB>BODY"
"""
import sys
import urllib.parse
from html.parser import HTMLParser


class Form(HTMLParser):
    def __init__(self, suffix):
        super().__init__(convert_charrefs=True)
        self.suffix, self.inside, self.found = suffix, False, None
        self.fields, self.textarea, self.select, self.first_option = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.found is None and (a.get("action") or "").endswith(self.suffix) and (a.get("method") or "").lower() == "post":
            self.inside, self.found = True, a["action"]
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file", "image"):
                return
            self.fields.append((a["name"], a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""
        elif tag == "select" and a.get("name"):
            self.select, self.first_option, self.chosen = a["name"], None, []
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.chosen.append(value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, self.text.lstrip("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            for value in self.chosen or ([self.first_option] if self.first_option is not None else []):
                self.fields.append((self.select, value))
            self.select = None


page, suffix = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
form = Form(suffix)
form.feed(page)
if form.found is None:
    sys.exit(f"no POST form ending in {suffix}")
print(form.found + "\t" + urllib.parse.urlencode(form.fields))
