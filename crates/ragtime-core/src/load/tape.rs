//! A file's TOML as a flat list of parser events, the input of the one-pass
//! read (see [`super::de`]).
//!
//! The `toml_parser` crate (the layer the `toml` crate is built on) lexes
//! the text and pushes events; this keeps the ones that carry meaning
//! (headers, keys, values, the brackets of arrays and inline tables), each
//! with its byte range and, for an opening bracket, where its value ends.
//! Whitespace, comments and line breaks are checked as the `toml` crate
//! checks them, then dropped. Any problem the parser reports marks the
//! tape as failed: the one-pass read then leaves the file to the
//! recovering read, which reports it.

use std::cell::RefCell;

use toml_parser::decoder::Encoding;
use toml_parser::lexer::Token;
use toml_parser::parser::{EventReceiver, RecursionGuard};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use super::de::Refused;

/// How deep arrays and inline tables may nest: the `toml` crate's limit,
/// so that both reads refuse the same files.
pub(crate) const DEPTH_LIMIT: u32 = 80;

/// What an event is. Only the kinds the one-pass read looks at are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `[` of a `[table]` header.
    TableOpen,
    /// `[[` of an `[[array.of.tables]]` header.
    ArrayTableOpen,
    /// A key, or one part of a dotted key.
    Key,
    /// A string, number, boolean or date.
    Scalar,
    ArrayOpen,
    ArrayClose,
    InlineOpen,
    InlineClose,
}

/// One event: its kind, how a key or string is written, and its bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Event {
    pub kind: Kind,
    pub encoding: Option<Encoding>,
    pub start: u32,
    pub end: u32,
    /// For a header, an array or an inline table: where its closing
    /// bracket ends, so that its whole span is known before it is read.
    pub close: u32,
}

impl Event {
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The whole value or header an opening event starts.
    pub fn whole(&self) -> std::ops::Range<usize> {
        self.start as usize..self.close as usize
    }

    /// The text of the event, with how it is written, for decoding.
    pub fn raw<'i>(&self, text: &'i str) -> Raw<'i> {
        let span = Span::new_unchecked(self.start as usize, self.end as usize);
        Raw::new_unchecked(&text[self.span()], self.encoding, span)
    }
}

/// Collects a file's events; set `failed` on the first problem.
struct Recorder<'t, 'i> {
    source: Source<'i>,
    events: &'t mut Vec<Event>,
    /// Indexes of every header, in order.
    headers: &'t mut Vec<u32>,
    /// Indexes of the headers, arrays and inline tables still open.
    open: Vec<u32>,
    failed: bool,
}

impl Recorder<'_, '_> {
    fn push(&mut self, kind: Kind, encoding: Option<Encoding>, span: Span) {
        self.events.push(Event {
            kind,
            encoding,
            start: span.start() as u32,
            end: span.end() as u32,
            close: span.end() as u32,
        });
    }

    fn open(&mut self, kind: Kind, span: Span) {
        self.open.push(self.events.len() as u32);
        self.push(kind, None, span);
    }

    /// Records where the innermost open bracket closes.
    fn close(&mut self, span: Span) {
        match self.open.pop() {
            Some(i) => self.events[i as usize].close = span.end() as u32,
            None => self.failed = true,
        }
    }
}

impl EventReceiver for Recorder<'_, '_> {
    fn std_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.headers.push(self.events.len() as u32);
        self.open(Kind::TableOpen, span);
    }
    fn std_table_close(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.close(span);
    }
    fn array_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.headers.push(self.events.len() as u32);
        self.open(Kind::ArrayTableOpen, span);
    }
    fn array_table_close(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.close(span);
    }
    fn inline_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) -> bool {
        self.open(Kind::InlineOpen, span);
        true
    }
    fn inline_table_close(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.close(span);
        self.push(Kind::InlineClose, None, span);
    }
    fn array_open(&mut self, span: Span, _: &mut dyn ErrorSink) -> bool {
        self.open(Kind::ArrayOpen, span);
        true
    }
    fn array_close(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.close(span);
        self.push(Kind::ArrayClose, None, span);
    }
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _: &mut dyn ErrorSink) {
        self.push(Kind::Key, encoding, span);
    }
    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, _: &mut dyn ErrorSink) {
        self.push(Kind::Scalar, encoding, span);
    }
    // Comments and line breaks are checked as the `toml` crate checks them
    // (control characters, a lone carriage return), then dropped.
    fn comment(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.source.get(span) {
            raw.decode_comment(error);
        }
    }
    fn newline(&mut self, span: Span, error: &mut dyn ErrorSink) {
        // A plain line feed, as nearly every line ends, needs no check.
        if self.source.input().as_bytes().get(span.start()) == Some(&b'\n') {
            return;
        }
        if let Some(raw) = self.source.get(span) {
            raw.decode_newline(error);
        }
    }
    fn error(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.failed = true;
    }
}

/// Remembers whether the parser reported any problem.
#[derive(Default)]
pub(crate) struct Failed(pub bool);

impl ErrorSink for Failed {
    fn report_error(&mut self, _: ParseError) {
        self.0 = true;
    }
}

thread_local! {
    /// The tokens, events and headers of the last file read on this
    /// thread, kept so that their memory is reused from one file to the
    /// next.
    static BUFFERS: RefCell<Buffers> = const { RefCell::new(Buffers::new()) };
}

/// What reading a file needs besides its text.
struct Buffers {
    tokens: Vec<Token>,
    events: Vec<Event>,
    headers: Vec<u32>,
}

impl Buffers {
    const fn new() -> Self {
        Buffers {
            tokens: Vec::new(),
            events: Vec::new(),
            headers: Vec::new(),
        }
    }
}

/// A file's events, and where its headers are among them.
pub(crate) struct Tape<'t> {
    pub events: &'t [Event],
    /// The index of each `[header]` and `[[header]]` event, in order.
    pub headers: &'t [u32],
}

/// Runs `read` on the events of `text`, or refuses when the parser finds
/// any problem in it (or it is too large for 32-bit offsets).
pub(crate) fn with_events<R>(
    text: &str,
    read: impl FnOnce(Tape<'_>) -> Result<R, Refused>,
) -> Result<R, Refused> {
    if u32::try_from(text.len()).is_err() {
        return Err(Refused("a file over 4 GiB".into()));
    }
    BUFFERS.with(|buffers| {
        // A read that calls back in here (it never does) gets new buffers.
        let mut fresh = Buffers::new();
        let mut borrowed = buffers.try_borrow_mut();
        let Buffers {
            tokens,
            events,
            headers,
        } = match &mut borrowed {
            Ok(b) => &mut **b,
            Err(_) => &mut fresh,
        };
        tokens.clear();
        events.clear();
        headers.clear();
        let source = Source::new(text);
        tokens.extend(source.lex());
        let mut recorder = Recorder {
            source,
            events,
            headers,
            open: Vec::new(),
            failed: false,
        };
        let mut failed = Failed::default();
        {
            let mut guard = RecursionGuard::new(&mut recorder, DEPTH_LIMIT);
            toml_parser::parser::parse_document(tokens, &mut guard, &mut failed);
        }
        if failed.0 || recorder.failed || !recorder.open.is_empty() {
            return Err(Refused("the parser found a problem".into()));
        }
        read(Tape {
            events: recorder.events,
            headers: recorder.headers,
        })
    })
}
