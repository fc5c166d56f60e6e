//! The closed sets of words a key accepts (statuses, directions,
//! frequencies, trajectories, sectors, cadences), each parsed from the word
//! written in a plan file and printed back as it.

use std::fmt;
use std::str::FromStr;

/// Declares a closed set of words a key accepts, parsed with did-you-mean.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            /// Every value, in the order the documentation lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The word written in plan files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }

            /// The words written in plan files, in order.
            pub fn words() -> impl Iterator<Item = &'static str> + Clone {
                Self::ALL.iter().map(|v| v.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($word => Ok($name::$variant),)* _ => Err(()) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

word_enum! {
    /// A milestone's status, from the council's own reporting.
    Status {
        NotStarted = "not-started",
        OnTarget = "on-target",
        AtRisk = "at-risk",
        NotOnTarget = "not-on-target",
        Paused = "paused",
        Complete = "complete",
        Cancelled = "cancelled",
    }
}

impl Status {
    /// Words for tables: "on target", "not started".
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::OnTarget => "on target",
            Status::AtRisk => "at risk",
            Status::NotOnTarget => "not on target",
            Status::Paused => "paused",
            Status::Complete => "complete",
            Status::Cancelled => "cancelled",
        }
    }
}

word_enum! {
    /// Whether a higher or a lower value of a measure is better.
    Direction {
        Higher = "higher",
        Lower = "lower",
    }
}

word_enum! {
    /// How often a measure's value is reported. Each has a longest
    /// reporting period in days (see [`Frequency::period_days`]).
    Frequency {
        Monthly = "monthly",
        Quarterly = "quarterly",
        Termly = "termly",
        SixMonthly = "six-monthly",
        Annual = "annual",
    }
}

impl Frequency {
    /// The longest time between two values reported at this frequency, in
    /// days: the longest month, quarter (July to September), gap between
    /// school term ends (31 July to 31 December), half year (July to
    /// December) and year (a leap year). `docs/rag-rules.md` states the
    /// out-of-date rule built on it.
    pub fn period_days(self) -> u32 {
        match self {
            Frequency::Monthly => 31,
            Frequency::Quarterly => 92,
            Frequency::Termly => 153,
            Frequency::SixMonthly => 184,
            Frequency::Annual => 366,
        }
    }
}

word_enum! {
    /// The shape of a declared trajectory between a measure's dated targets:
    /// `linear` is a straight line between each two consecutive dated
    /// points (the baseline, the interim targets and the final target).
    Trajectory {
        Linear = "linear",
    }
}

word_enum! {
    /// The kind of organisation an owner belongs to.
    Sector {
        Council = "council",
        Nhs = "nhs",
        Police = "police",
        School = "school",
        Provider = "provider",
        Voluntary = "voluntary",
        Other = "other",
    }
}

word_enum! {
    /// How often a board meets.
    Cadence {
        Monthly = "monthly",
        SixWeekly = "six-weekly",
        Bimonthly = "bimonthly",
        Quarterly = "quarterly",
        Termly = "termly",
        TwiceYearly = "twice-yearly",
        Annually = "annually",
        AsNeeded = "as-needed",
    }
}
