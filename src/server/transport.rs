//! Standard input and output as LSP messages: the `Content-Length`
//! framing `lsp-server` speaks, but a message's body is read as its bytes
//! arrive, so a `Content-Length` claims memory only as the editor sends
//! it, and one over [`MAX_MESSAGE`] is refused at once. Once the editor
//! has said `initialize`, a message framed right whose body is not
//! JSON-RPC (not UTF-8, not JSON, a batch) is shown as an error and
//! skipped; a broken frame still ends the server, as nothing after it
//! can be trusted to start a message.

use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

use lsp_server::{Connection, Message, Notification};
use lsp_types::notification::{Notification as _, ShowMessage};
use lsp_types::{MessageType, ShowMessageParams};

/// The largest message read: a 1 GiB body is far beyond any article (the
/// command line refuses files over 32 MB by default), even JSON-escaped.
pub const MAX_MESSAGE: usize = 1 << 30;

/// The longest header line read: `Content-Length: …` and `Content-Type:
/// …` are a few dozen bytes, and a line without an end must not grow
/// without bound.
const MAX_HEADER_LINE: u64 = 64 << 10;

/// The reading and writing threads of [`stdio`].
pub struct Threads {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

/// A connection over standard input and output; reading stops after the
/// `exit` notification, writing once the connection is dropped.
pub fn stdio() -> (Connection, Threads) {
    let (server, client) = Connection::memory();
    let Connection { sender, receiver } = client;
    let editor = server.sender.clone();
    let reader = std::thread::spawn(move || {
        let mut input = io::stdin().lock();
        // Until the editor has said `initialize`, anything else is fatal.
        let mut started = false;
        while let Some(message) = read(&mut input)? {
            let message = match message {
                Ok(message) => message,
                Err(why) if started => {
                    // Framed, so the next message is found: skip this one.
                    let params = ShowMessageParams {
                        typ: MessageType::ERROR,
                        message: format!("presslint: {why}; it was ignored"),
                    };
                    let shown = Notification::new(ShowMessage::METHOD.into(), params);
                    let _ = editor.send(shown.into());
                    continue;
                }
                Err(why) => return Err(invalid(why)),
            };
            started |= matches!(&message, Message::Request(r) if r.method == "initialize");
            let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
            if sender.send(message).is_err() || exit {
                break;
            }
        }
        Ok(())
    });
    let writer = std::thread::spawn(move || {
        let mut output = io::stdout().lock();
        for message in receiver {
            message.write(&mut output)?;
            output.flush()?;
        }
        Ok(())
    });
    (server, Threads { reader, writer })
}

impl Threads {
    /// Wait for both threads; the first error either met.
    pub fn join(self) -> io::Result<()> {
        let joined = |thread: JoinHandle<io::Result<()>>| {
            thread
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the thread panicked")))
        };
        let read = joined(self.reader);
        let written = joined(self.writer);
        read.and(written)
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// The next message, or `None` when the input ends between messages; a
/// message framed right whose body is not JSON-RPC is `Err`, why.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Result<Message, String>>> {
    let mut size = None;
    let mut line = String::new();
    loop {
        line.clear();
        if (&mut *input).take(MAX_HEADER_LINE).read_line(&mut line)? == 0 {
            if size.is_none() {
                return Ok(None);
            }
            return Err(invalid("standard input ended inside a header".into()));
        }
        let Some(header) = line.strip_suffix("\r\n") else {
            return Err(invalid(format!("malformed header: {}", excerpt(&line))));
        };
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(": ") else {
            return Err(invalid(format!("malformed header: {}", excerpt(header))));
        };
        if name.eq_ignore_ascii_case("Content-Length") {
            let n: usize = value.parse().map_err(|e| {
                invalid(format!("malformed Content-Length {} ({e})", excerpt(value)))
            })?;
            if n > MAX_MESSAGE {
                return Err(invalid(format!(
                    "a message of {n} bytes, over the {} MiB a message may be",
                    MAX_MESSAGE >> 20
                )));
            }
            size = Some(n);
        }
    }
    let size = size.ok_or_else(|| invalid("no Content-Length".into()))?;
    // Grown as the bytes come, not allocated as claimed.
    let mut body = Vec::with_capacity(size.min(1 << 16));
    input.take(size as u64).read_to_end(&mut body)?;
    if body.len() < size {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            format!(
                "standard input ended inside a message ({} of its {size} bytes)",
                body.len()
            ),
        ));
    }
    Ok(Some(serde_json::from_slice(&body).map_err(|e| {
        format!("a message of {size} bytes is not JSON-RPC ({e})")
    })))
}

/// A header quoted in an error: its first 60 characters, escaped.
fn excerpt(text: &str) -> String {
    let cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        format!("{cut:?}…")
    } else {
        format!("{cut:?}")
    }
}
