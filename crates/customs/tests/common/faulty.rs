//! A package registry on loopback that misbehaves on request: each path can be given
//! faults (an error status, a connection dropped or left hanging, a body that stalls
//! halfway, altered bytes), each used for a number of requests, after which the path
//! is served as usual. What a client asked for is kept, raw, as it came.

use std::collections::{HashMap, VecDeque};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One misbehaviour, for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answers this status with a short body.
    Status(u16),
    /// Reads the request and closes the connection without a word.
    Drop,
    /// Reads the request and answers nothing until [`Faulty::release`].
    Hang,
    /// Sends the headers (the whole length announced) and this many bytes of the body,
    /// then nothing more until [`Faulty::release`].
    StallBody(usize),
    /// Sends the body with its bytes changed (same length).
    Alter,
}

#[derive(Default)]
struct Inner {
    routes: HashMap<String, (String, Vec<u8>)>,
    faults: HashMap<String, VecDeque<Fault>>,
    hits: Vec<String>,
}

/// The server; it runs until the test process ends.
pub struct Faulty {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
    released: Arc<AtomicBool>,
}

/// The longest a hanging or stalled answer is held, whatever the test does.
const HOLD_AT_MOST: Duration = Duration::from_secs(120);

impl Faulty {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let inner: Arc<Mutex<Inner>> = Arc::default();
        let released: Arc<AtomicBool> = Arc::default();
        let (i, r) = (Arc::clone(&inner), Arc::clone(&released));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (i, r) = (Arc::clone(&i), Arc::clone(&r));
                std::thread::spawn(move || serve(stream, &i, &r));
            }
        });
        Self {
            url,
            inner,
            released,
        }
    }

    /// Serves `body` at `path` (the request target as sent, query included).
    pub fn route(&self, path: &str, content_type: &str, body: Vec<u8>) {
        self.inner
            .lock()
            .unwrap()
            .routes
            .insert(path.to_owned(), (content_type.to_owned(), body));
    }

    /// The next `times` requests for `path` get `fault` (after faults already queued).
    pub fn fault(&self, path: &str, fault: Fault, times: usize) {
        let mut inner = self.inner.lock().unwrap();
        let queue = inner.faults.entry(path.to_owned()).or_default();
        queue.extend(std::iter::repeat_n(fault, times));
    }

    /// Lets hanging and stalled answers go on (stalled bodies are then finished).
    pub fn release(&self) {
        self.released.store(true, Ordering::SeqCst);
    }

    /// How many times a path was requested.
    pub fn count(&self, path: &str) -> usize {
        self.inner
            .lock()
            .unwrap()
            .hits
            .iter()
            .filter(|p| *p == path)
            .count()
    }

    /// Every request target received, in order.
    pub fn hits(&self) -> Vec<String> {
        self.inner.lock().unwrap().hits.clone()
    }
}

fn hold(released: &AtomicBool) {
    let started = Instant::now();
    while !released.load(Ordering::SeqCst) && started.elapsed() < HOLD_AT_MOST {
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn serve(mut stream: TcpStream, inner: &Mutex<Inner>, released: &AtomicBool) {
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
    let (found, fault) = {
        let mut inner = inner.lock().unwrap();
        inner.hits.push(path.clone());
        let fault = inner.faults.get_mut(&path).and_then(VecDeque::pop_front);
        (inner.routes.get(&path).cloned(), fault)
    };
    let answer = |stream: &mut TcpStream, status: &str, ct: &str, body: &[u8]| {
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(body);
    };
    match (fault, found) {
        (Some(Fault::Status(code)), _) => {
            answer(
                &mut stream,
                &format!("{code} Fault"),
                "text/plain",
                b"fault",
            );
        }
        (Some(Fault::Drop), _) => {}
        (Some(Fault::Hang), _) => hold(released),
        (_, None) => answer(&mut stream, "404 Not Found", "text/plain", b"not found"),
        (Some(Fault::StallBody(sent)), Some((ct, body))) => {
            let sent = sent.min(body.len().saturating_sub(1));
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body[..sent]);
            let _ = stream.flush();
            hold(released);
            let _ = stream.write_all(&body[sent..]);
        }
        (Some(Fault::Alter), Some((ct, mut body))) => {
            for b in body.iter_mut().step_by(97) {
                *b ^= 0x5a;
            }
            answer(&mut stream, "200 OK", &ct, &body);
        }
        (None, Some((ct, body))) => answer(&mut stream, "200 OK", &ct, &body),
    }
}
