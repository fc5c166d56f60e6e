//! Reading a table written with a header, and the tables of an array of
//! tables, wherever their headers are in the file.

use super::*;

/// A child of a table: a table written with a header, or the tables of
/// an array of tables, in one run of headers or several.
pub(super) struct HeaderDe<'r, 't, 'de> {
    pub(super) r: &'r mut Reader<'t, 'de>,
    /// How many keys its header has.
    pub(super) depth: usize,
    /// Which child it is, and the parent's regions.
    pub(super) child: usize,
    pub(super) regions: Range<usize>,
}

/// The methods a deserializer of a table shares with every other: a
/// `Spanned` table spans its header and body, an option is there when
/// read, and a table is never an enum; the rest is `deserialize_any`.
/// Each type using it has a `span()`.
macro_rules! table_methods {
    () => {
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
    };
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

    table_methods!();
}

impl<'r, 't, 'de> IntoDeserializer<'de, Refused> for HeaderDe<'r, 't, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// The tables of one child, header by header, run by run.
pub(super) struct Tables<'r, 't, 'de> {
    pub(super) r: &'r mut Reader<'t, 'de>,
    pub(super) depth: usize,
    pub(super) child: u32,
    /// The parent's regions, from the next one to look at.
    pub(super) regions: Range<usize>,
    /// Where the run being read ends.
    pub(super) end: usize,
    /// How many tables are left to read.
    pub(super) left: usize,
    pub(super) done: bool,
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
pub(super) struct ElementDe<'r, 't, 'de> {
    pub(super) r: &'r mut Reader<'t, 'de>,
    pub(super) depth: usize,
    pub(super) span: Range<usize>,
}

impl ElementDe<'_, '_, '_> {
    fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

impl<'de> de::Deserializer<'de> for ElementDe<'_, '_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.r.pos += 1 + self.depth;
        Table::new(self.r, self.depth, false).visit(visitor)
    }

    table_methods!();
}

impl<'r, 't, 'de> IntoDeserializer<'de, Refused> for ElementDe<'r, 't, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}
