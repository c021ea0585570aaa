import pandas as pd


def to_rows(df: "pd.DataFrame", header=True):
    rows = [list(map(str, df.columns))] if header else []
    for rec in df.itertuples(index=False):
        rows.append(["" if pd.isna(v) else v for v in rec])
    return rows


def from_rows(rows, header=True):
    if not rows:
        return pd.DataFrame()
    if header:
        return pd.DataFrame(rows[1:], columns=rows[0])
    return pd.DataFrame(rows)


class Sheet:
    def __init__(self, service, spreadsheet_id, tab="Sheet1"):
        self.service, self.id, self.tab = service, spreadsheet_id, tab

    def push(self, df):
        body = {"values": to_rows(df)}
        return self.service.spreadsheets().values().update(
            spreadsheetId=self.id, range=f"{self.tab}!A1", valueInputOption="RAW", body=body
        ).execute()

    def pull(self):
        res = self.service.spreadsheets().values().get(spreadsheetId=self.id, range=self.tab).execute()
        return from_rows(res.get("values", []))
