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

/// Reads a table: the keys of its body, then the header tables below it.
struct Table<'r, 't, 'de> {
    r: &'r mut Reader<'t, 'de>,
    /// How many keys its header has (0 for the root and inline tables).
    depth: usize,
    inline: bool,
    /// Where its own keys, children and regions start on the stacks.
    keys: usize,
    children: usize,
    regions: usize,
    /// The next child to give, once the body is read.
    next_child: Option<usize>,
    /// Where the table ends: the first header not below it.
    end: usize,
    pending: Pending<'de>,
    done: bool,
}

enum Pending<'de> {
    Nothing,
    Value,
    Child(usize, Cow<'de, str>),
}

impl<'r, 't, 'de> Table<'r, 't, 'de> {
    fn new(r: &'r mut Reader<'t, 'de>, depth: usize, inline: bool) -> Self {
        Table {
            depth,
            inline,
            keys: r.keys.len(),
            children: r.children.len(),
            regions: r.regions.len(),
            next_child: None,
            end: r.pos,
            pending: Pending::Nothing,
            done: false,
            r,
        }
    }

    /// Reads the table with `visitor`, which must read it to its end.
    fn visit<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Refused> {
        let value = visitor.visit_map(&mut self)?;
        if !self.done {
            return refused("a table not read to its end");
        }
        Ok(value)
    }

    fn written_twice(&self, key: &str) -> bool {
        self.r.keys[self.keys..].iter().any(|k| k == key)
            || self.r.children[self.children..]
                .iter()
                .any(|c| c.key == key)
    }

    /// Finds the header tables below this one, from the reader's place to
    /// the first header that is not below it, each child's runs of
    /// headers in order.
    fn find_children(&mut self) -> Result<(), Refused> {
        let r = &mut *self.r;
        let first = r.headers.partition_point(|&h| (h as usize) < r.pos);
        self.end = r.events.len();
        let mut current: Option<usize> = None;
        for &h in &r.headers[first..] {
            let h = h as usize;
            match r.place(h, self.depth)? {
                Place::Outside => {
                    self.end = h;
                    break;
                }
                Place::Below { key } => {
                    // `[a.b]` belongs to the `[a]` above it, and no other.
                    if current.is_none_or(|c| r.children[c].key != key) {
                        return refused("a table header that skips a level");
                    }
                }
                Place::Child { key, key_span } => {
                    let is_array = r.events[h].kind == Kind::ArrayTableOpen;
                    let known = r.children[self.children..]
                        .iter()
                        .position(|c| c.key == key)
                        .map(|i| i + self.children);
                    let child = match known {
                        // A table written twice, or both ways.
                        Some(c) if !is_array || !r.children[c].is_array => {
                            return refused("a key written twice");
                        }
                        Some(c) => {
                            r.children[c].count += 1;
                            c
                        }
                        None => {
                            if r.keys[self.keys..].contains(&key) {
                                return refused("a key written twice");
                            }
                            r.children.push(Child {
                                key,
                                key_span,
                                span: r.events[h].whole(),
                                is_array,
                                count: 1,
                            });
                            r.children.len() - 1
                        }
                    };
                    if current != Some(child) {
                        if let Some(last) = r.regions[self.regions..].last_mut() {
                            last.end = h as u32;
                        }
                        r.regions.push(Region {
                            child: child as u32,
                            start: h as u32,
                            end: h as u32,
                        });
                        current = Some(child);
                    }
                }
            }
        }
        if let Some(last) = r.regions[self.regions..].last_mut() {
            last.end = self.end as u32;
        }
        self.next_child = Some(self.children);
        Ok(())
    }

    /// Lets go of what was kept of this table, and moves past it.
    fn finish(&mut self) {
        self.r.keys.truncate(self.keys);
        self.r.children.truncate(self.children);
        self.r.regions.truncate(self.regions);
        if !self.inline {
            self.r.pos = self.end;
        }
        self.done = true;
    }
}

impl<'de> MapAccess<'de> for Table<'_, '_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        if self.done {
            return Ok(None);
        }
        if self.next_child.is_none() {
            match self.r.peek() {
                Some(event) if event.kind == Kind::Key => {
                    let key = self.r.key(&event)?;
                    self.r.pos += 1;
                    if self.r.peek().is_some_and(|e| e.kind == Kind::Key) {
                        return refused("a dotted key");
                    }
                    if self.written_twice(&key) {
                        return refused("a key written twice");
                    }
                    self.r.keys.push(key.clone());
                    self.pending = Pending::Value;
                    return seed
                        .deserialize(KeyDe {
                            key,
                            span: event.span(),
                        })
                        .map(Some);
                }
                Some(event) if self.inline && event.kind == Kind::InlineClose => {
                    self.r.pos += 1;
                    self.finish();
                    return Ok(None);
                }
                None if self.inline => return refused("an inline table not closed"),
                _ if self.inline => return refused("an event out of place"),
                _ => self.find_children()?,
            }
        }
        let next = self.next_child.unwrap_or(self.r.children.len());
        let Some(child) = self.r.children.get(next) else {
            self.finish();
            return Ok(None);
        };
        let (key, key_span) = (child.key.clone(), child.key_span.clone());
        self.next_child = Some(next + 1);
        self.pending = Pending::Child(next, key.clone());
        seed.deserialize(KeyDe {
            key,
            span: key_span,
        })
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Value => seed.deserialize(ValueDe { r: self.r }),
            Pending::Child(child, key) => {
                self.r.path.truncate(self.depth);
                self.r.path.push(key);
                let regions = self.regions..self.r.regions.len();
                let value = seed.deserialize(HeaderDe {
                    r: self.r,
                    depth: self.depth + 1,
                    child,
                    regions,
                })?;
                self.r.path.truncate(self.depth);
                Ok(value)
            }
            Pending::Nothing => refused("a value asked for before its key"),
        }
    }
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

/// A child of a table: a table written with a header, or the tables of
/// an array of tables, in one run of headers or several.
struct HeaderDe<'r, 't, 'de> {
    r: &'r mut Reader<'t, 'de>,
    /// How many keys its header has.
    depth: usize,
    /// Which child it is, and the parent's regions.
    child: usize,
    regions: Range<usize>,
}

impl<'de> HeaderDe<'_, '_, 'de> {
    fn span(&self) -> Range<usize> {
        self.r.children[self.child].span.clone()
    }
}

impl<'de> de::Deserializer<'de> for HeaderDe<'_, '_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        let HeaderDe {
            r,
            depth,
            child,
            regions,
        } = self;
        let left = r.children[child].count;
        let mut tables = Tables {
            r,
            depth,
            child: child as u32,
            regions,
            end: 0,
            left,
            done: false,
        };
        if tables.r.children[child].is_array {
            let value = visitor.visit_seq(&mut tables)?;
            if !tables.done {
                return refused("an array of tables not read to its end");
            }
            return Ok(value);
        }
        match tables.next_table()? {
            Some(table) => table.visit(visitor),
            None => refused("a table with no header"),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if is_spanned(name) {
            let span = self.span();
            return visitor.visit_map(SpannedDeserializer::new(self, span));
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

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Refused> {
        refused("a table read as an enum")
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

impl<'r, 't, 'de> IntoDeserializer<'de, Refused> for HeaderDe<'r, 't, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// The tables of one child, header by header, run by run.
struct Tables<'r, 't, 'de> {
    r: &'r mut Reader<'t, 'de>,
    depth: usize,
    child: u32,
    /// The parent's regions, from the next one to look at.
    regions: Range<usize>,
    /// Where the run being read ends.
    end: usize,
    /// How many tables are left to read.
    left: usize,
    done: bool,
}

impl<'r, 't, 'de> Tables<'r, 't, 'de> {
    /// The next table: at the reader's place within the current run, or at
    /// the start of the child's next run. Every header in a run is one of
    /// the child's tables, the rest of the run being below them.
    fn next_table(&mut self) -> Result<Option<Table<'_, 't, 'de>>, Refused> {
        if self.r.pos >= self.end {
            let next = self.r.regions[self.regions.clone()]
                .iter()
                .position(|g| g.child == self.child);
            let Some(i) = next else {
                self.done = true;
                return Ok(None);
            };
            let region = self.r.regions[self.regions.start + i];
            self.regions.start += i + 1;
            self.r.pos = region.start as usize;
            self.end = region.end as usize;
        }
        // Past the header's brackets and keys, to its body.
        self.r.pos += 1 + self.depth;
        self.left = self.left.saturating_sub(1);
        Ok(Some(Table::new(self.r, self.depth, false)))
    }
}

impl<'de> SeqAccess<'de> for Tables<'_, '_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refused> {
        if self.done {
            return Ok(None);
        }
        let span = match self.next_table()? {
            Some(_) => {
                // Step back to the header, for the table's own reader.
                self.r.pos -= 1 + self.depth;
                self.r.events[self.r.pos].whole()
            }
            None => return Ok(None),
        };
        seed.deserialize(ElementDe {
            r: self.r,
            depth: self.depth,
            span,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// One table of an array of tables; the reader is at its header.
struct ElementDe<'r, 't, 'de> {
    r: &'r mut Reader<'t, 'de>,
    depth: usize,
    span: Range<usize>,
}

impl<'de> de::Deserializer<'de> for ElementDe<'_, '_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.r.pos += 1 + self.depth;
        Table::new(self.r, self.depth, false).visit(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(SpannedDeserializer::new(self, span));
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

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Refused> {
        refused("a table read as an enum")
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

impl<'r, 't, 'de> IntoDeserializer<'de, Refused> for ElementDe<'r, 't, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// A key, with its span for `Spanned` keys.
struct KeyDe<'de> {
    key: Cow<'de, str>,
    span: Range<usize>,
}

impl<'de> de::Deserializer<'de> for KeyDe<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.key {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if is_spanned(name) {
            return visitor.visit_map(SpannedDeserializer::new(self.key, self.span));
        }
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

/// A value after `key =`, or in an array: a scalar, an array or an
/// inline table.
struct ValueDe<'r, 't, 'de> {
    r: &'r mut Reader<'t, 'de>,
}

impl<'de> ValueDe<'_, '_, 'de> {
    /// Reads the value; a date is given to `date` (with its text), since
    /// the visitors that take one say so by name.
    fn read<V: Visitor<'de>>(
        self,
        visitor: V,
        date: impl FnOnce(V, Cow<'de, str>) -> Result<V::Value, Refused>,
    ) -> Result<V::Value, Refused> {
        let Some(event) = self.r.peek() else {
            return refused("expected a value");
        };
        self.r.pos += 1;
        match event.kind {
            Kind::Scalar => {
                let (kind, text) = self.r.scalar(&event)?;
                scalar(kind, text, visitor, date)
            }
            Kind::ArrayOpen => {
                let mut items = Items {
                    r: self.r,
                    done: false,
                };
                let value = visitor.visit_seq(&mut items)?;
                if !items.done {
                    return refused("an array not read to its end");
                }
                Ok(value)
            }
            Kind::InlineOpen => Table::new(self.r, 0, true).visit(visitor),
            _ => refused("expected a value"),
        }
    }
}

/// A scalar given to `visitor` as the `toml` crate gives it.
fn scalar<'de, V: Visitor<'de>>(
    kind: ScalarKind,
    text: Cow<'de, str>,
    visitor: V,
    date: impl FnOnce(V, Cow<'de, str>) -> Result<V::Value, Refused>,
) -> Result<V::Value, Refused> {
    match kind {
        ScalarKind::String => match text {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        },
        ScalarKind::Boolean(b) => visitor.visit_bool(b),
        ScalarKind::Integer(radix) => {
            let radix = radix.value();
            if let Ok(v) = i64::from_str_radix(&text, radix) {
                visitor.visit_i64(v)
            } else if let Ok(v) = u64::from_str_radix(&text, radix) {
                visitor.visit_u64(v)
            } else if let Ok(v) = i128::from_str_radix(&text, radix) {
                visitor.visit_i128(v)
            } else if let Ok(v) = u128::from_str_radix(&text, radix) {
                visitor.visit_u128(v)
            } else {
                refused("integer number overflowed")
            }
        }
        ScalarKind::Float => match text.parse::<f64>() {
            Ok(v) if !v.is_infinite() || text.contains("inf") => visitor.visit_f64(v),
            _ => refused("floating-point number overflowed"),
        },
        ScalarKind::DateTime => date(visitor, text),
    }
}

impl<'de> de::Deserializer<'de> for ValueDe<'_, '_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        // The `toml` crate shows a date to other visitors as a table with
        // a private key; rather than copy that, leave it to that crate.
        self.read(visitor, |_, _| {
            refused("a date where a date is not asked for")
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if is_spanned(name) {
            let span = self.r.value_span()?;
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        if is_datetime(name) {
            // A date is read from its text, once: the visitor asks for its
            // one field (the private key it names) and parses the text.
            let field = fields.first().copied().unwrap_or_default();
            return self.read(visitor, |visitor, text| {
                visitor.visit_map(DateAccess {
                    field,
                    text: Some(text),
                })
            });
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

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self.r.peek() {
            Some(event) if event.kind == Kind::Scalar => {
                let (kind, text) = self.r.scalar(&event)?;
                if !matches!(kind, ScalarKind::String) {
                    return refused("wanted string or table");
                }
                self.r.pos += 1;
                let text: CowStrDeserializer<'de, Refused> = text.into_deserializer();
                visitor.visit_enum(text)
            }
            _ => refused("an enum written as a table"),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        // As the `toml` crate does, a value set aside must still be one
        // it reads: its date parsed, its numbers in range.
        self.read(visitor, |visitor, text| {
            if text.parse::<toml_datetime::Datetime>().is_err() {
                return refused("not a date");
            }
            visitor.visit_unit()
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

impl<'r, 't, 'de> IntoDeserializer<'de, Refused> for ValueDe<'r, 't, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// The values of an array, up to its closing bracket.
struct Items<'r, 't, 'de> {
    r: &'r mut Reader<'t, 'de>,
    done: bool,
}

impl<'de> SeqAccess<'de> for Items<'_, '_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refused> {
        if self.done {
            return Ok(None);
        }
        match self.r.peek() {
            Some(e) if e.kind == Kind::ArrayClose => {
                self.r.pos += 1;
                self.done = true;
                Ok(None)
            }
            Some(_) => seed.deserialize(ValueDe { r: self.r }).map(Some),
            None => refused("an array not closed"),
        }
    }
}

/// A date as the `toml_datetime` crate reads one: a table of one private
/// field whose value is the date's text.
struct DateAccess<'de> {
    field: &'static str,
    text: Option<Cow<'de, str>>,
}

impl<'de> MapAccess<'de> for DateAccess<'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        if self.text.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(self.field))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        match self.text.take() {
            Some(Cow::Borrowed(s)) => seed.deserialize(BorrowedStrDeserializer::new(s)),
            Some(Cow::Owned(s)) => seed.deserialize(s.into_deserializer()),
            None => refused("a date's value asked for twice"),
        }
    }
}
