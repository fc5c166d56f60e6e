//! A milestone's rating (Blue, Green, Amber, Red, or grey: paused, not
//! started, cancelled), its words, its place in "worse than", and the
//! colour it shows on the scale in use (BRAG, three-point, five-point);
//! the colours every report shows, and a direction of travel against an
//! earlier period (better, worse, the same).

use crate::settings::Scale;

/// A milestone's rating. Blue, Green, Amber and Red are colours; paused and
/// not-started items are shown as such (grey), and cancelled items are shown
/// apart and left out of every denominator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    /// Complete.
    Blue,
    /// On target, with recent evidence.
    Green,
    Amber,
    Red,
    Paused,
    /// Not started and not yet within the warning window of its due date.
    NotStarted,
    Cancelled,
}

impl Rating {
    /// Every rating, in the order tables list them.
    pub const ALL: [Rating; 7] = [
        Rating::Blue,
        Rating::Green,
        Rating::Amber,
        Rating::Red,
        Rating::Paused,
        Rating::NotStarted,
        Rating::Cancelled,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The BRAG name, or what a grey item is.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Blue => "Blue",
            Rating::Green => "Green",
            Rating::Amber => "Amber",
            Rating::Red => "Red",
            Rating::Paused => "Paused",
            Rating::NotStarted => "Not started",
            Rating::Cancelled => "Cancelled",
        }
    }

    /// What a milestone with this rating counts as in the summary tables.
    pub fn meaning(self) -> &'static str {
        match self {
            Rating::Blue => "complete",
            Rating::Green => "on target",
            Rating::Amber => "at risk",
            Rating::Red => "not on target",
            Rating::Paused => "paused",
            Rating::NotStarted => "not started",
            Rating::Cancelled => "cancelled",
        }
    }

    /// Blue, Green, Amber or Red: the ratings that count in a percentage.
    pub fn is_rated(self) -> bool {
        matches!(
            self,
            Rating::Blue | Rating::Green | Rating::Amber | Rating::Red
        )
    }

    /// How bad a rating is, for "worse than" comparisons: Blue 0, Green 1,
    /// paused and not started 2, Amber 3, Red 4. Cancelled items are apart
    /// and have no place in this order.
    pub fn badness(self) -> Option<u8> {
        match self {
            Rating::Blue => Some(0),
            Rating::Green => Some(1),
            Rating::Paused | Rating::NotStarted => Some(2),
            Rating::Amber => Some(3),
            Rating::Red => Some(4),
            Rating::Cancelled => None,
        }
    }

    /// The colour on the scale in use (see `docs/rag-rules.md`): on the
    /// three-point and five-point scales a complete item is Green.
    pub fn colour(self, scale: Scale) -> Colour {
        match (self, scale) {
            (Rating::Blue, Scale::Brag) => Colour::Blue,
            (Rating::Blue | Rating::Green, _) => Colour::Green,
            (Rating::Amber, _) => Colour::Amber,
            (Rating::Red, _) => Colour::Red,
            (Rating::Paused | Rating::NotStarted | Rating::Cancelled, _) => Colour::Grey,
        }
    }

    /// The words shown with the colour: "Red", "Green (complete)", "Paused".
    pub fn label(self, scale: Scale) -> String {
        match (self, scale) {
            (Rating::Blue, Scale::Brag) => "Blue".to_string(),
            (Rating::Blue, _) => "Green (complete)".to_string(),
            (r, _) => r.name().to_string(),
        }
    }
}

/// A display colour of the rating scale in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Colour {
    Blue,
    Green,
    AmberGreen,
    Amber,
    AmberRed,
    Red,
    /// Not coloured: not started, paused, cancelled, no data.
    Grey,
}

impl Colour {
    /// The colour in words, for text output and accessibility.
    pub fn name(self) -> &'static str {
        match self {
            Colour::Blue => "Blue",
            Colour::Green => "Green",
            Colour::AmberGreen => "Amber/Green",
            Colour::Amber => "Amber",
            Colour::AmberRed => "Amber/Red",
            Colour::Red => "Red",
            Colour::Grey => "Grey",
        }
    }
}

/// Direction of travel against an earlier period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Same,
    /// Not rated in the earlier period.
    New,
    /// Nothing to compare.
    None,
}

impl Trend {
    pub fn label(self) -> &'static str {
        match self {
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::Same => "same",
            Trend::New => "new",
            Trend::None => "-",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_mapping() {
        assert_eq!(Rating::Blue.colour(Scale::Brag), Colour::Blue);
        assert_eq!(Rating::Blue.colour(Scale::Rag), Colour::Green);
        assert_eq!(Rating::Blue.colour(Scale::FivePoint), Colour::Green);
        assert_eq!(Rating::Blue.label(Scale::Rag), "Green (complete)");
        assert_eq!(Rating::Paused.colour(Scale::Brag), Colour::Grey);
        assert_eq!(Rating::Amber.colour(Scale::FivePoint), Colour::Amber);
    }
}
