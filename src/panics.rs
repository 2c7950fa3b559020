//! Panics are bugs, never the input's fault, and never the end of a run:
//! a panic while linting a file becomes an error line for that file (exit
//! 2) and the other files are reported (see `lint_paths_with`). The
//! default hook's multi-line message is replaced by that one line, which
//! says where the panic happened.

use std::cell::RefCell;

thread_local! {
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Record panics instead of printing them; [`describe`] reports them.
pub fn quiet() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST.with(|last| *last.borrow_mut() = Some(at));
    }));
}

/// What a caught panic said, and where it happened when the hook saw it.
pub fn describe(panic: &Box<dyn std::any::Any + Send>) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into());
    let at = LAST
        .with(|last| last.borrow_mut().take())
        .unwrap_or_default();
    format!("{message}{at}")
}
