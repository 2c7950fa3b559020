//! How long an editor waits on `presslint server`: opens every article of
//! a directory in one session and times, per article, open → pushed
//! diagnostics, an edit → pushed diagnostics (less the debounce), a code
//! action request and a hover. Messages are framed by `lsp-server`, as in
//! `tests/server.rs`. The figures are recorded in docs/editor.md.
//!
//! ```sh
//! cargo build --release && cargo run --release --example server_latency -- \
//!     target/release/presslint ../shared/corpus/articles
//! ```

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};

/// `presslint::server::DEBOUNCE`, subtracted from the edit timings.
const DEBOUNCE: Duration = Duration::from_millis(200);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [bin, dir] = args.as_slice() else {
        eprintln!("usage: server_latency PRESSLINT_BINARY ARTICLE_DIR");
        std::process::exit(2);
    };
    let dir = std::fs::canonicalize(dir).expect("the article directory");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    files.sort();

    let mut child = Command::new(bin)
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut send = |message: Message| {
        message.write(&mut stdin).unwrap();
        stdin.flush().unwrap();
    };
    let mut next = |wanted: &dyn Fn(&Message) -> bool| loop {
        let message = Message::read(&mut stdout)
            .unwrap()
            .expect("the server hung up");
        if wanted(&message) {
            return message;
        }
    };
    let request = |id: i32, method: &str, params: Value| -> Message {
        Request::new(RequestId::from(id), method.into(), params).into()
    };
    let notification = |method: &str, params: Value| -> Message {
        Notification::new(method.into(), params).into()
    };
    let is_response = |id: i32| move |m: &Message| matches!(m, Message::Response(r) if r.id == RequestId::from(id));
    let is_publish = |uri: String| {
        move |m: &Message| {
            matches!(m, Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri.as_str())
        }
    };

    send(request(
        1,
        "initialize",
        json!({"capabilities": {}, "workspaceFolders": [{"uri": uri(&dir), "name": "corpus"}]}),
    ));
    next(&is_response(1));
    send(notification("initialized", json!({})));

    let (mut open, mut change, mut action, mut hover) = (vec![], vec![], vec![], vec![]);
    let mut findings = 0;
    let mut bytes = 0;
    let mut id = 1;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue; // not UTF-8: editors would decode it first.
        };
        bytes += text.len();
        let uri = uri(path);
        let t = Instant::now();
        send(notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "html", "version": 1, "text": text}}),
        ));
        let Message::Notification(published) = next(&is_publish(uri.clone())) else {
            unreachable!()
        };
        open.push(t.elapsed());
        let diagnostics = published.params["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        findings += diagnostics.len();

        let t = Instant::now();
        send(notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2},
                   "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": " "}]}),
        ));
        next(&is_publish(uri.clone()));
        change.push(t.elapsed().saturating_sub(DEBOUNCE));

        if let Some(first) = diagnostics.first() {
            id += 1;
            let t = Instant::now();
            send(request(
                id,
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": first["range"], "context": {"diagnostics": [first]}}),
            ));
            next(&is_response(id));
            action.push(t.elapsed());
            id += 1;
            let t = Instant::now();
            send(request(
                id,
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": first["range"]["start"]}),
            ));
            next(&is_response(id));
            hover.push(t.elapsed());
        }
        send(notification(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        ));
        next(&is_publish(uri.clone()));
    }
    id += 1;
    send(request(id, "shutdown", Value::Null));
    next(&is_response(id));
    send(notification("exit", Value::Null));
    let _ = child.wait();

    println!(
        "{} articles, {:.1} MB, {findings} findings",
        open.len(),
        bytes as f64 / 1e6
    );
    for (what, times) in [
        ("open → diagnostics", &mut open),
        ("edit → diagnostics (less the debounce)", &mut change),
        ("code actions", &mut action),
        ("hover", &mut hover),
    ] {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "| {what} | {} | {:.1} ms | {:.1} ms | {:.1} ms |",
            times.len(),
            ms(at(0.5)),
            ms(at(0.95)),
            ms(at(1.0))
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().expect("a UTF-8 path").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
