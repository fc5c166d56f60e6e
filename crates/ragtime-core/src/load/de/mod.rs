//! The one-pass read: a serde deserializer over a file's parser events
//! (see [`super::tape`]), straight into the raw records, with no table
//! built in between.
//!
//! It reads any serde type as `toml::from_str` would, spans included (the
//! `toml::Spanned` protocol: a header table spans its `[header]`, an
//! array of tables its first header, an inline table or array its
//! brackets, a scalar its text), so record kinds added later are read
//! without more work here. Strings are borrowed from the text when they
//! have no escapes and copied once, into the record; dates are parsed once,
//! from the text.
//!
//! It reads the layout plan files are written in: tables in the order
//! they nest (`[[milestone]]` then its `[[milestone.update]]`s), plain
//! keys. Anything else TOML allows (dotted keys, a table defined after
//! its child, an array of tables interrupted by another table) is
//! [`Refused`], as is every problem: the caller then reads the file the
//! way that reports problems, so no finding changes.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::value::{BorrowedStrDeserializer, CowStrDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_spanned::de::{SpannedDeserializer, is_spanned};
use toml_datetime::de::is_datetime;
use toml_parser::decoder::{Encoding, ScalarKind};

use super::tape::{Event, Failed, Kind, with_events};

mod headers;
mod table;
mod value;

use headers::HeaderDe;
use table::Table;
use value::{KeyDe, ValueDe};

/// Why the one-pass read gave up on a file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Refused(msg.to_string())
    }
}

fn refused<T>(why: &str) -> Result<T, Refused> {
    Err(Refused(why.to_string()))
}

/// What the one-pass read gives: the value, and each string value that
/// holds a character never shown raw on a terminal (its span and that
/// character; see [`crate::text`]), found as the strings are read.
#[derive(Debug)]
pub(crate) struct Read<T> {
    pub value: T,
    pub unsafe_text: Vec<(Range<usize>, char)>,
}

/// Reads `text` as a `T` in one pass, or says why not.
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<Read<T>, Refused> {
    with_events(text, |tape| {
        let mut reader = Reader {
            text,
            events: tape.events,
            headers: tape.headers,
            pos: 0,
            keys: Vec::new(),
            children: Vec::new(),
            regions: Vec::new(),
            path: Vec::new(),
            unsafe_text: Vec::new(),
        };
        let value = T::deserialize(Root(&mut reader))?;
        if reader.pos != tape.events.len() {
            return refused("not every table was read");
        }
        Ok(Read {
            value,
            unsafe_text: reader.unsafe_text,
        })
    })
}

/// The state of one read: where it is in the events, and what is known
/// of the tables being read. Each table's keys, children and regions are
/// on stacks, its own above its parent's, let go when it is read.
struct Reader<'t, 'de> {
    text: &'de str,
    events: &'t [Event],
    headers: &'t [u32],
    pos: usize,
    /// The keys written in the bodies of the tables being read.
    keys: Vec<Cow<'de, str>>,
    /// The header tables below the tables being read, by key.
    children: Vec<Child<'de>>,
    /// Where each child's headers are: an array of tables may be written
    /// in several runs, between other tables (`[[commitment]]`, its
    /// `[[milestone]]`s, the next `[[commitment]]`, ...).
    regions: Vec<Region>,
    /// The keys of the header of the table being read.
    path: Vec<Cow<'de, str>>,
    /// String values holding a character never shown raw on a terminal.
    unsafe_text: Vec<(Range<usize>, char)>,
}

/// A table written with a header below the table being read.
struct Child<'de> {
    key: Cow<'de, str>,
    key_span: Range<usize>,
    /// Its (first) header's span.
    span: Range<usize>,
    is_array: bool,
    /// How many headers it has: tables in the array.
    count: usize,
}

/// A run of headers of one child: events `start..end`.
#[derive(Clone, Copy)]
struct Region {
    child: u32,
    start: u32,
    end: u32,
}

/// Where a header is, seen from a table `depth` keys deep.
enum Place<'de> {
    /// Its header names this table's child `key`...
    Child {
        key: Cow<'de, str>,
        key_span: Range<usize>,
    },
    /// ... or a table below that child's.
    Below { key: Cow<'de, str> },
    /// Not below this table.
    Outside,
}

impl<'de> Reader<'_, 'de> {
    fn peek(&self) -> Option<Event> {
        self.events.get(self.pos).copied()
    }

    fn key(&self, event: &Event) -> Result<Cow<'de, str>, Refused> {
        // A bare key of letters, digits, `-` and `_`, as nearly every key
        // is, is itself: the decoder would only check that it is.
        let raw = &self.text[event.span()];
        if event.encoding.is_none()
            && !raw.is_empty()
            && raw.bytes().fold(true, |ok, b| ok & bare(b))
        {
            return Ok(Cow::Borrowed(raw));
        }
        let mut out = Cow::Borrowed("");
        let mut failed = Failed::default();
        event.raw(self.text).decode_key(&mut out, &mut failed);
        if failed.0 {
            return refused("a key the parser cannot read");
        }
        Ok(out)
    }

    fn scalar(&mut self, event: &Event) -> Result<(ScalarKind, Cow<'de, str>), Refused> {
        // A quoted string of printable ASCII with no escape, as most are,
        // is what is between its quotes, with nothing unsafe in it.
        if event.encoding == Some(Encoding::BasicString)
            && let Some(inner) = self.text[event.span()]
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
            && inner.bytes().fold(true, |ok, b| ok & plain(b))
        {
            return Ok((ScalarKind::String, Cow::Borrowed(inner)));
        }
        let mut out = Cow::Borrowed("");
        let mut failed = Failed::default();
        let kind = event.raw(self.text).decode_scalar(&mut out, &mut failed);
        if failed.0 {
            return refused("a value the parser cannot read");
        }
        if kind == ScalarKind::String
            && let Some(c) = crate::text::first_unsafe(&out)
        {
            self.unsafe_text.push((event.span(), c));
        }
        Ok((kind, out))
    }

    /// Where the header at `at` is, seen from the table at `depth` (whose
    /// header keys are `path[..depth]`).
    fn place(&self, at: usize, depth: usize) -> Result<Place<'de>, Refused> {
        let header = self.events[at];
        // The header's keys: those before its closing bracket.
        let keys = self.events[at + 1..]
            .iter()
            .take_while(|e| e.kind == Kind::Key && e.end <= header.close);
        let mut child = None;
        let mut n = 0;
        for event in keys {
            if n < depth {
                if self.key(event)? != self.path[n] {
                    return Ok(Place::Outside);
                }
            } else if n == depth {
                child = Some((self.key(event)?, event.span()));
            }
            n += 1;
        }
        if n > super::tape::DEPTH_LIMIT as usize {
            return refused("tables nested too deep");
        }
        Ok(match child {
            Some((key, key_span)) if n == depth + 1 => Place::Child { key, key_span },
            Some((key, _)) => Place::Below { key },
            None => Place::Outside,
        })
    }

    /// The span of the value that starts here.
    fn value_span(&self) -> Result<Range<usize>, Refused> {
        match self.peek() {
            Some(e) if e.kind == Kind::Scalar => Ok(e.span()),
            Some(e) if matches!(e.kind, Kind::ArrayOpen | Kind::InlineOpen) => Ok(e.whole()),
            _ => refused("expected a value"),
        }
    }
}

/// A byte a bare key may hold.
fn bare(b: u8) -> bool {
    const BARE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            table[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
            b += 1;
        }
        table
    };
    BARE[usize::from(b)]
}

/// A byte a quoted string may hold as it is: printable ASCII but the
/// quote and the backslash.
fn plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) & (b != b'"') & (b != b'\\')
}

/// The whole file: the root table, spanning nothing (as in `toml`).
struct Root<'r, 't, 'de>(&'r mut Reader<'t, 'de>);

impl<'de> de::Deserializer<'de> for Root<'_, '_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        Table::new(self.0, 0, false).visit(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if is_spanned(name) {
            return visitor.visit_map(SpannedDeserializer::new(self, 0..0));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

impl<'r, 't, 'de> IntoDeserializer<'de, Refused> for Root<'r, 't, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}
