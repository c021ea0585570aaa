"""Build Discord embed payloads with a fluent API."""


class Embed:
    def __init__(self, title="", description="", color=0x5865F2):
        self.data = {"title": title, "description": description, "color": color, "fields": []}

    def field(self, name, value, inline=False):
        self.data["fields"].append({"name": name, "value": value, "inline": inline})
        return self

    def footer(self, text):
        self.data["footer"] = {"text": text}
        return self

    def to_dict(self):
        return dict(self.data)
