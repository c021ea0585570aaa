from requests import Session
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def retrying_session(total=5, backoff=0.5, statuses=(429, 500, 502, 503, 504)):
    retry = Retry(total=total, backoff_factor=backoff, status_forcelist=statuses,
                  allowed_methods=frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}))
    s = Session()
    adapter = HTTPAdapter(max_retries=retry)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    return s
