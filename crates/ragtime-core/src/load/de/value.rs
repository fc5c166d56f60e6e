//! Reading keys and values: strings borrowed or copied once, numbers,
//! dates parsed once from the text, inline arrays and tables.

use super::*;

/// A key, with its span for `Spanned` keys.
pub(super) struct KeyDe<'de> {
    pub(super) key: Cow<'de, str>,
    pub(super) span: Range<usize>,
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
pub(super) struct ValueDe<'r, 't, 'de> {
    pub(super) r: &'r mut Reader<'t, 'de>,
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
pub(super) fn scalar<'de, V: Visitor<'de>>(
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
pub(super) struct Items<'r, 't, 'de> {
    pub(super) r: &'r mut Reader<'t, 'de>,
    pub(super) done: bool,
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
pub(super) struct DateAccess<'de> {
    pub(super) field: &'static str,
    pub(super) text: Option<Cow<'de, str>>,
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
