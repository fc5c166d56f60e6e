//! Reading a table: the keys of its body, then the tables written with
//! headers below it.

use super::*;

/// Reads a table: the keys of its body, then the header tables below it.
pub(super) struct Table<'r, 't, 'de> {
    pub(super) r: &'r mut Reader<'t, 'de>,
    /// How many keys its header has (0 for the root and inline tables).
    pub(super) depth: usize,
    pub(super) inline: bool,
    /// Where its own keys, children and regions start on the stacks.
    pub(super) keys: usize,
    pub(super) children: usize,
    pub(super) regions: usize,
    /// The next child to give, once the body is read.
    pub(super) next_child: Option<usize>,
    /// Where the table ends: the first header not below it.
    pub(super) end: usize,
    pub(super) pending: Pending<'de>,
    pub(super) done: bool,
}

pub(super) enum Pending<'de> {
    Nothing,
    Value,
    Child(usize, Cow<'de, str>),
}

impl<'r, 't, 'de> Table<'r, 't, 'de> {
    pub(super) fn new(r: &'r mut Reader<'t, 'de>, depth: usize, inline: bool) -> Self {
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
    pub(super) fn visit<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Refused> {
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
