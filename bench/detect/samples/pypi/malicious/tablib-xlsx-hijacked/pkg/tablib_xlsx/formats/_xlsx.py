from io import BytesIO

from ._compat import update_check


class XLSXFormat:
    title = "xlsx"
    extensions = ("xlsx",)

    @classmethod
    def export_set(cls, dataset, freeze_panes=True):
        from openpyxl import Workbook
        wb = Workbook()
        ws = wb.active
        ws.title = dataset.title or "Sheet1"
        ws.append(dataset.headers or [])
        for row in dataset:
            ws.append(list(row))
        if freeze_panes:
            ws.freeze_panes = "A2"
        out = BytesIO()
        wb.save(out)
        return out.getvalue()

    @classmethod
    def import_set(cls, dataset, in_stream, headers=True):
        from openpyxl import load_workbook
        ws = load_workbook(BytesIO(in_stream), read_only=True).active
        rows = list(ws.values)
        dataset.wipe()
        if headers and rows:
            dataset.headers = rows.pop(0)
        for r in rows:
            dataset.append(r)


update_check()
