//! `presslint server`: a Language Server Protocol server over standard
//! input and output, so an editor shows findings as the article is written.
//!
//! Messages and the protocol's handshake come from `lsp-server`, read
//! from standard input by `transport`, message shapes from `lsp-types`.
//! Documents are linted from the editor's text when opened and saved, and once typing pauses after a change
//! ([`DEBOUNCE`]); findings are pushed (`textDocument/publishDiagnostics`)
//! to editors that do not pull them, and answered to
//! `textDocument/diagnostic` for those that do. Positions are in the
//! encoding the editor negotiates (`convert`), configs are found as
//! `presslint check` finds them and read again when a `presslint.toml`
//! changes (`workspace`), code actions are in `actions`, hovers in `hover`.

mod actions;
mod convert;
mod edits;
mod hover;
mod transport;
mod workspace;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, DocumentDiagnosticRequest, HoverRequest, RegisterCapability, Request as _,
    Shutdown, WorkspaceDiagnosticRefresh,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DiagnosticOptions, DiagnosticServerCapabilities, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FileSystemWatcher, FullDocumentDiagnosticReport, GlobPattern, Hover, HoverContents,
    HoverParams, HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams,
    RelatedFullDocumentDiagnosticReport, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use workspace::{Document, Workspace};

/// How long typing must pause before a changed document is linted.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Serve one editor on standard input and output until it says `exit`.
pub fn run() -> ExitCode {
    let (connection, io_threads) = transport::stdio();
    let orderly = match serve(&connection) {
        Ok(orderly) => orderly,
        Err(message) => {
            // The reader may still wait on standard input: exit without it.
            eprintln!("presslint server: error: {message}");
            return ExitCode::from(2);
        }
    };
    // Close our end so the writer thread finishes, then wait for both.
    drop(connection);
    match io_threads.join() {
        // `exit` before `shutdown` exits 1, as the protocol asks.
        Ok(()) if !orderly => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("presslint server: error: reading or writing the protocol failed ({err})");
            ExitCode::from(2)
        }
    }
}

/// Serve until `exit` or the end of the input: `Ok(false)` when the
/// editor said `exit` without `shutdown` first.
fn serve(connection: &Connection) -> Result<bool, String> {
    let (id, params) = connection.initialize_start().map_err(|e| {
        if e.channel_is_disconnected() {
            "standard input ended, or held something other than LSP messages, before an initialize request; presslint server is started by an editor (see README, Editor)".to_string()
        } else {
            format!("no initialize request from the editor ({e})")
        }
    })?;
    // `snippetEditSupport` is LSP 3.18, newer than lsp-types knows: read
    // it from the message as sent.
    let snippets = params
        .pointer("/capabilities/workspace/workspaceEdit/snippetEditSupport")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let params: InitializeParams = serde_json::from_value(params)
        .map_err(|e| format!("the editor's initialize request is malformed ({e})"))?;
    let mut server = Server::new(&params, snippets);
    let result = serde_json::json!({
        "capabilities": server.capabilities(),
        "serverInfo": ServerInfo {
            name: "presslint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("the editor did not finish initializing ({e})"))?;
    server.watch_configs(connection);
    // After `shutdown`, only `exit` (or the end of the input) is awaited.
    let mut shut_down = false;
    loop {
        let message = match server.next_due() {
            Some(due) => match connection.receiver.recv_deadline(due) {
                Ok(message) => message,
                Err(e) if e.is_timeout() => {
                    server.lint_due(connection);
                    continue;
                }
                Err(_) => return Ok(true),
            },
            None => match connection.receiver.recv() {
                Ok(message) => message,
                Err(_) => return Ok(true),
            },
        };
        match message {
            Message::Request(request) => {
                let response = if shut_down {
                    Response::new_err(
                        request.id,
                        ErrorCode::InvalidRequest as i32,
                        "presslint server is shut down: only `exit` is expected".into(),
                    )
                } else if request.method == Shutdown::METHOD {
                    shut_down = true;
                    server.workspace.documents.clear();
                    Response::new_ok(request.id, ())
                } else {
                    server.request(request)
                };
                send(connection, response.into());
            }
            Message::Notification(notification) => {
                if notification.method == Exit::METHOD {
                    return Ok(shut_down);
                }
                if !shut_down {
                    server.notification(notification, connection);
                }
            }
            // Answers to our registration and refresh requests.
            Message::Response(_) => {}
        }
    }
}

fn send(connection: &Connection, message: Message) {
    // The editor hung up: the receive loop ends on its own.
    let _ = connection.sender.send(message);
}

struct Server {
    workspace: Workspace,
    client: actions::Client,
    encoding: lsp_types::PositionEncodingKind,
    /// The editor pulls diagnostics (`textDocument/diagnostic`), so none
    /// are pushed.
    pulls: bool,
    /// The editor can be told to pull again after a config change.
    refresh: bool,
    /// The editor lets us ask it to watch `presslint.toml` files.
    can_watch: bool,
    next_request: i32,
    /// The config error last shown, so it is shown once.
    shown_error: Option<String>,
}

impl Server {
    fn new(params: &InitializeParams, snippets: bool) -> Server {
        let caps = &params.capabilities;
        let (encoding, unit) = convert::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let mut folders: Vec<_> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| convert::file_path(&f.uri))
            .collect();
        #[allow(deprecated)] // older editors send only the root.
        if folders.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(convert::file_path)
        {
            folders.push(root);
        }
        Server {
            workspace: Workspace::new(folders),
            client: actions::Client { unit, snippets },
            encoding,
            pulls: caps
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            refresh: caps
                .workspace
                .as_ref()
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            can_watch: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            next_request: 0,
            shown_error: None,
        }
    }

    fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(self.encoding.clone()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::new(actions::FIX_ALL),
                ]),
                ..CodeActionOptions::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("presslint".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..DiagnosticOptions::default()
            })),
            ..ServerCapabilities::default()
        }
    }

    /// Ask the editor to report changes to any `presslint.toml`.
    fn watch_configs(&mut self, connection: &Connection) {
        if !self.can_watch {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "presslint-config".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send_request(connection, RegisterCapability::METHOD, params);
    }

    fn send_request(
        &mut self,
        connection: &Connection,
        method: &str,
        params: impl serde::Serialize,
    ) {
        self.next_request += 1;
        let id = RequestId::from(format!("presslint-{}", self.next_request));
        send(connection, Request::new(id, method.into(), params).into());
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            DocumentDiagnosticRequest::METHOD => {
                params(request).map(|p: DocumentDiagnosticParams| self.pull(&p))
            }
            CodeActionRequest::METHOD => {
                params(request).map(|p: CodeActionParams| self.code_actions(&p))
            }
            HoverRequest::METHOD => params(request).map(|p: HoverParams| self.hover(&p)),
            method => {
                return Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("presslint server does not answer `{method}`"),
                );
            }
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(message) => Response::new_err(id, ErrorCode::InvalidParams as i32, message),
        }
    }

    fn notification(&mut self, notification: Notification, connection: &Connection) {
        let method = notification.method.clone();
        let handled = match method.as_str() {
            DidOpenTextDocument::METHOD => {
                params(notification).map(|p: DidOpenTextDocumentParams| {
                    let doc = p.text_document;
                    let key = doc.uri.as_str().to_string();
                    self.workspace.documents.insert(
                        key.clone(),
                        Document {
                            uri: doc.uri,
                            version: doc.version,
                            text: doc.text,
                            linted: None,
                            due: None,
                        },
                    );
                    self.publish(connection, &key);
                })
            }
            DidChangeTextDocument::METHOD => {
                params(notification).map(|p: DidChangeTextDocumentParams| self.change(p))
            }
            DidSaveTextDocument::METHOD => {
                params(notification).map(|p: DidSaveTextDocumentParams| {
                    // Saved: lint now, afresh (image files may have changed too).
                    let key = p.text_document.uri.as_str();
                    if let Some(doc) = self.workspace.documents.get_mut(key) {
                        doc.linted = None;
                    }
                    self.publish(connection, key);
                })
            }
            DidCloseTextDocument::METHOD => {
                params(notification).map(|p: DidCloseTextDocumentParams| {
                    let uri = p.text_document.uri;
                    if self.workspace.documents.remove(uri.as_str()).is_some() && !self.pulls {
                        self.push(connection, uri, Vec::new(), None);
                    }
                })
            }
            DidChangeWatchedFiles::METHOD => {
                params(notification).map(|p: DidChangeWatchedFilesParams| {
                    let config = p.changes.iter().any(|c| {
                        c.uri
                            .as_str()
                            .ends_with(&format!("/{}", crate::config::FILE_NAME))
                    });
                    if config {
                        self.config_changed(connection);
                    }
                })
            }
            _ => Ok(()),
        };
        if let Err(message) = handled {
            self.show(connection, MessageType::ERROR, message);
        }
    }

    /// Apply a change's edits; the lint waits until typing pauses.
    fn change(&mut self, p: DidChangeTextDocumentParams) {
        let unit = self.client.unit;
        let Some(doc) = self
            .workspace
            .documents
            .get_mut(p.text_document.uri.as_str())
        else {
            return;
        };
        edits::apply(&mut doc.text, p.content_changes, unit);
        doc.version = p.text_document.version;
        doc.linted = None;
        doc.due = Some(Instant::now() + DEBOUNCE);
    }

    /// A `presslint.toml` changed: read configs again and lint every open
    /// document again.
    fn config_changed(&mut self, connection: &Connection) {
        self.workspace.reload_config();
        self.shown_error = None;
        if self.pulls {
            if self.refresh {
                self.send_request(connection, WorkspaceDiagnosticRefresh::METHOD, ());
            }
            return;
        }
        let keys: Vec<String> = self.workspace.documents.keys().cloned().collect();
        for key in keys {
            self.publish(connection, &key);
        }
    }

    /// When the next pending lint is due.
    fn next_due(&self) -> Option<Instant> {
        self.workspace
            .documents
            .values()
            .filter_map(|d| d.due)
            .min()
    }

    /// Lint the documents whose pause is over.
    fn lint_due(&mut self, connection: &Connection) {
        let now = Instant::now();
        let due: Vec<String> = self
            .workspace
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.publish(connection, &key);
        }
    }

    /// Make sure a document's lint is of its current text; the diagnostics
    /// to show, or why it could not be linted.
    fn ensure_linted(&mut self, key: &str) -> Option<Result<Vec<lsp_types::Diagnostic>, String>> {
        let unit = self.client.unit;
        let doc = self.workspace.documents.get(key)?;
        if doc.linted.is_none() {
            let linted = self
                .workspace
                .setup(&doc.uri)
                .and_then(|setup| workspace::lint(&setup, &doc.text));
            let doc = self.workspace.documents.get_mut(key)?;
            doc.due = None;
            match linted {
                Ok(report) => doc.linted = Some(report),
                Err(message) => return Some(Err(message)),
            }
        }
        let doc = self.workspace.documents.get(key)?;
        let report = doc.linted.as_ref()?;
        Some(Ok(report
            .diagnostics
            .iter()
            .map(|d| convert::diagnostic(&doc.uri, &report.source, d, unit))
            .collect()))
    }

    /// Lint a document now, and push its findings unless the editor pulls.
    fn publish(&mut self, connection: &Connection, key: &str) {
        let Some(linted) = self.ensure_linted(key) else {
            return;
        };
        let diagnostics = match linted {
            Ok(diagnostics) => diagnostics,
            Err(message) => {
                self.show(connection, MessageType::ERROR, message);
                Vec::new()
            }
        };
        if self.pulls {
            return;
        }
        if let Some(doc) = self.workspace.documents.get(key) {
            let (uri, version) = (doc.uri.clone(), doc.version);
            self.push(connection, uri, diagnostics, Some(version));
        }
    }

    fn push(
        &self,
        connection: &Connection,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        send(
            connection,
            Notification::new(PublishDiagnostics::METHOD.into(), params).into(),
        );
    }

    /// A message in the editor, once per distinct text.
    fn show(&mut self, connection: &Connection, typ: MessageType, message: String) {
        if self.shown_error.as_ref() == Some(&message) {
            return;
        }
        self.shown_error = Some(message.clone());
        let params = ShowMessageParams {
            typ,
            message: format!("presslint: {message}"),
        };
        send(
            connection,
            Notification::new(ShowMessage::METHOD.into(), params).into(),
        );
    }

    fn pull(&mut self, p: &DocumentDiagnosticParams) -> Value {
        let key = p.text_document.uri.as_str();
        let items = match self.ensure_linted(key) {
            Some(Ok(items)) => items,
            // Not open, or not lintable (the config error was shown).
            _ => Vec::new(),
        };
        let report = DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            },
        ));
        serde_json::to_value(report).unwrap_or(Value::Null)
    }

    fn code_actions(&mut self, p: &CodeActionParams) -> Value {
        let key = p.text_document.uri.as_str();
        if !matches!(self.ensure_linted(key), Some(Ok(_))) {
            return Value::Array(Vec::new());
        }
        let Some(doc) = self.workspace.documents.get(key) else {
            return Value::Array(Vec::new());
        };
        let (Some(report), Ok(setup)) = (&doc.linted, self.workspace.setup(&doc.uri)) else {
            return Value::Array(Vec::new());
        };
        Value::Array(actions::actions(
            &doc.uri,
            doc.version,
            &setup,
            report,
            p.range,
            p.context.only.as_deref(),
            self.client,
        ))
    }

    fn hover(&mut self, p: &HoverParams) -> Value {
        let position = &p.text_document_position_params;
        let key = position.text_document.uri.as_str();
        if !matches!(self.ensure_linted(key), Some(Ok(_))) {
            return Value::Null;
        }
        let Some(doc) = self.workspace.documents.get(key) else {
            return Value::Null;
        };
        let (Some(report), Ok(setup)) = (&doc.linted, self.workspace.setup(&doc.uri)) else {
            return Value::Null;
        };
        let offset = convert::offset(&report.source, position.position, self.client.unit);
        let Some(text) = hover::hover(&setup, report, offset) else {
            return Value::Null;
        };
        let hover = Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: None,
        };
        serde_json::to_value(hover).unwrap_or(Value::Null)
    }
}

/// A message's parameters, or a one-line error naming what is wrong.
fn params<P: DeserializeOwned>(message: impl Into<Message>) -> Result<P, String> {
    let (method, params) = match message.into() {
        Message::Request(r) => (r.method, r.params),
        Message::Notification(n) => (n.method, n.params),
        Message::Response(_) => return Err("a response is not a request".into()),
    };
    serde_json::from_value(params).map_err(|e| format!("malformed `{method}` parameters ({e})"))
}
