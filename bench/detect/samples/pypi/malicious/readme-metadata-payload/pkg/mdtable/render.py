def _cell(value, width):
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render(rows, align=None, max_width=40):
    align = align or {}
    cols = list(dict.fromkeys(k for row in rows for k in row))
    widths = {c: max([len(c)] + [len(_cell(r.get(c), max_width)) for r in rows]) for c in cols}
    head = "| " + " | ".join(c.ljust(widths[c]) for c in cols) + " |"
    rule = "|" + "|".join(("-" * (widths[c] + 1) + ":") if align.get(c) == "right" else "-" * (widths[c] + 2) for c in cols) + "|"
    body = []
    for r in rows:
        cells = []
        for c in cols:
            t = _cell(r.get(c), max_width)
            cells.append(t.rjust(widths[c]) if align.get(c) == "right" else t.ljust(widths[c]))
        body.append("| " + " | ".join(cells) + " |")
    return "\n".join([head, rule] + body)
