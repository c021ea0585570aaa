//! A package registry served on loopback from fixtures: a plain HTTP/1.1 server that
//! answers GET requests from a table of paths, as the tests fill it.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

type Routes = Arc<Mutex<HashMap<String, (String, Vec<u8>)>>>;
/// POST requests received: path and body.
type Posts = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// The server; it runs until the test process ends.
pub struct Loopback {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    routes: Routes,
    /// Paths requested, in order.
    pub hits: Arc<Mutex<Vec<String>>>,
    /// Bodies of POST requests, by path.
    pub posts: Posts,
    /// While set, every request gets 503 (an upstream that is down).
    pub down: Arc<std::sync::atomic::AtomicBool>,
}

impl Loopback {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let routes: Routes = Arc::default();
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let down: Arc<std::sync::atomic::AtomicBool> = Arc::default();
        let posts: Posts = Arc::default();
        let (r, h, d, p) = (
            Arc::clone(&routes),
            Arc::clone(&hits),
            Arc::clone(&down),
            Arc::clone(&posts),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, h, d, p) = (
                    Arc::clone(&r),
                    Arc::clone(&h),
                    Arc::clone(&d),
                    Arc::clone(&p),
                );
                std::thread::spawn(move || serve(stream, &r, &h, &d, &p));
            }
        });
        Self {
            url,
            routes,
            hits,
            posts,
            down,
        }
    }

    /// Serves `body` at `path`.
    pub fn route(&self, path: &str, content_type: &str, body: Vec<u8>) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.to_owned(), (content_type.to_owned(), body));
    }

    /// How many times a path was requested.
    pub fn count(&self, path: &str) -> usize {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|p| *p == path)
            .count()
    }
}

fn serve(
    mut stream: TcpStream,
    routes: &Routes,
    hits: &Arc<Mutex<Vec<String>>>,
    down: &std::sync::atomic::AtomicBool,
    posts: &Mutex<Vec<(String, Vec<u8>)>>,
) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let path = text.split_whitespace().nth(1).unwrap_or("/").to_owned();
    if text.starts_with("POST ") {
        let split = head.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let length: usize = text
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse().ok())?
            })
            .unwrap_or(0);
        let mut body = head[split..].to_vec();
        while body.len() < length {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => body.extend_from_slice(&buf[..n]),
            }
        }
        posts.lock().unwrap().push((path.clone(), body));
        let _ = write!(
            stream,
            "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
        );
        return;
    }
    hits.lock().unwrap().push(path.clone());
    let found = routes.lock().unwrap().get(&path).cloned();
    let unavailable = down.load(std::sync::atomic::Ordering::SeqCst);
    // Conditional requests, answered as registries do: an ETag from the body.
    let etag = found.as_ref().map(|(_, body)| {
        let sum = body.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        format!("\"{sum:016x}\"")
    });
    let asked = text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case("if-none-match")
            .then(|| v.trim().to_owned())
    });
    if !unavailable && etag.is_some() && asked == etag {
        let _ = write!(
            stream,
            "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n"
        );
        return;
    }
    let (status, content_type, body) = match found {
        _ if unavailable => (
            "503 Service Unavailable",
            "text/plain".to_owned(),
            b"down".to_vec(),
        ),
        Some((ct, body)) => ("200 OK", ct, body),
        None => (
            "404 Not Found",
            "text/plain".to_owned(),
            b"not found".to_vec(),
        ),
    };
    let etag = etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default();
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{etag}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}
