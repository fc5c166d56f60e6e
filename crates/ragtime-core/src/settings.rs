//! Rating settings: the plan set's `[settings]` table, with defaults that
//! work without it. `docs/rag-rules.md` explains each one.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Loc};

/// `[settings]` as written.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Settings")]
pub struct RawSettings {
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::ScaleWord>")]
    pub scale: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::RollupWord>")]
    pub rollup: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub stale_after_days: Option<Spanned<i64>>,
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub warn_within_days: Option<Spanned<i64>>,
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub green_at_least: Option<Spanned<i64>>,
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub red_below: Option<Spanned<i64>>,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::PercentOfWord>")]
    pub percent_of: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::RoundingWord>")]
    pub percent_rounding: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub out_of_date_grace_days: Option<Spanned<i64>>,
    /// Months the executive has to respond to a scrutiny recommendation.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 1, max = 24))]
    pub response_within_months: Option<Spanned<i64>>,
    /// A budget line is Green while its forecast overspend is at most this
    /// percentage of its budget (an underspend is Green).
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 0, max = 100))]
    pub overspend_green_within: Option<Spanned<i64>>,
    /// A budget line is Red when its forecast overspend is more than this
    /// percentage of its budget; Amber in between.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 0, max = 100))]
    pub overspend_red_above: Option<Spanned<i64>>,
    /// A cap is Amber once what is counted against it reaches this
    /// percentage of it; Red over it.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 1, max = 100))]
    pub cap_amber_from: Option<Spanned<i64>>,
}

/// The colour scale reports use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    /// Blue (complete), Red, Amber, Green.
    Brag,
    /// Red, Amber, Green: the government's three-point scale; complete
    /// items show as Green.
    Rag,
    /// The legacy five-point scale: Green, Amber/Green, Amber, Amber/Red, Red.
    FivePoint,
}

/// How a rollup's overall colour is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RollupRule {
    /// By the share of rated milestones that are Blue or Green.
    Thresholds,
    /// The worst colour of any live milestone.
    WorstOf,
}

/// What the percentage complete or on target is a share of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PercentOf {
    /// Complete, on target, at risk and not on target milestones: paused
    /// and not-started ones are left out.
    Rated,
    /// Every live milestone (all but the cancelled), as many councils
    /// publish: "174 milestones, 152 or 87% completed or on track".
    Live,
}

/// How the percentage is rounded, for showing and for the thresholds: the
/// thresholds are compared with the figure as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Down to a whole percent: 99.9% shows as 99%.
    Down,
    /// To the nearest whole percent, halves up: 87.5% shows as 88%.
    Nearest,
    /// To one decimal place, halves up: 87.36% shows as 87.4%.
    OneDecimal,
}

/// The rating rules in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub scale: Scale,
    pub rollup: RollupRule,
    /// A milestone not updated for more than this many days is stale (Amber).
    pub stale_after_days: u32,
    /// A not-started milestone due within this many days is Amber.
    pub warn_within_days: u32,
    /// Rollup is Green when at least this percentage of rated milestones
    /// (Blue, Green, Amber or Red) is Blue or Green and none is Red; 1 to 100.
    pub green_at_least: u8,
    /// Rollup is Red when under this percentage is Blue or Green.
    pub red_below: u8,
    /// The denominator of the percentage.
    pub percent_of: PercentOf,
    /// How the percentage is rounded.
    pub rounding: Rounding,
    /// Days added to a measure's reporting period before its latest value
    /// is out of date: the time a figure takes to come in.
    pub out_of_date_grace_days: u32,
    /// The executive responds to a scrutiny recommendation within this many
    /// months, beginning with the day it receives it.
    pub response_within_months: u32,
    /// A budget line's forecast overspend, as a percentage of its budget,
    /// up to which it is Green.
    pub overspend_green_within: u8,
    /// ... and above which it is Red.
    pub overspend_red_above: u8,
    /// A cap is Amber from this percentage used.
    pub cap_amber_from: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scale: Scale::Brag,
            rollup: RollupRule::Thresholds,
            stale_after_days: 92,
            warn_within_days: 30,
            green_at_least: 90,
            red_below: 70,
            percent_of: PercentOf::Rated,
            rounding: Rounding::Down,
            out_of_date_grace_days: 31,
            response_within_months: 2,
            overspend_green_within: 0,
            overspend_red_above: 2,
            cap_amber_from: 90,
        }
    }
}

impl Settings {
    /// Settings from the raw table, reporting bad values; a bad value keeps
    /// its default.
    pub(crate) fn from_raw(
        file: FileId,
        raw: &RawSettings,
        diags: &mut Vec<Diagnostic>,
    ) -> Settings {
        let mut s = Settings::default();
        let bad = |span: std::ops::Range<usize>, msg: String, help: &str| {
            Diagnostic::new(Code::BadValue, Loc::new(file, span), msg).help(help.to_string())
        };
        if let Some(v) = &raw.scale {
            match v.get_ref().as_str() {
                "brag" => s.scale = Scale::Brag,
                "rag" => s.scale = Scale::Rag,
                "five-point" => s.scale = Scale::FivePoint,
                other => diags.push(bad(
                    v.span(),
                    format!("`{other}` is not a colour scale"),
                    "expected `brag`, `rag` or `five-point`",
                )),
            }
        }
        if let Some(v) = &raw.rollup {
            match v.get_ref().as_str() {
                "thresholds" => s.rollup = RollupRule::Thresholds,
                "worst-of" => s.rollup = RollupRule::WorstOf,
                other => diags.push(bad(
                    v.span(),
                    format!("`{other}` is not a rollup rule"),
                    "expected `thresholds` or `worst-of`",
                )),
            }
        }
        if let Some(v) = &raw.percent_of {
            match v.get_ref().as_str() {
                "rated" => s.percent_of = PercentOf::Rated,
                "live" => s.percent_of = PercentOf::Live,
                other => diags.push(bad(
                    v.span(),
                    format!("`{other}` is not a denominator for the percentage"),
                    "expected `rated` (complete, on target, at risk and not on target) or `live` (all but cancelled)",
                )),
            }
        }
        if let Some(v) = &raw.percent_rounding {
            match v.get_ref().as_str() {
                "down" => s.rounding = Rounding::Down,
                "nearest" => s.rounding = Rounding::Nearest,
                "one-decimal" => s.rounding = Rounding::OneDecimal,
                other => diags.push(bad(
                    v.span(),
                    format!("`{other}` is not a way of rounding the percentage"),
                    "expected `down`, `nearest` or `one-decimal`",
                )),
            }
        }
        let days = |v: &Spanned<i64>, least: u32, diags: &mut Vec<Diagnostic>| match u32::try_from(
            *v.get_ref(),
        ) {
            Ok(d) if (least..=3660).contains(&d) => Some(d),
            _ => {
                diags.push(bad(
                    v.span(),
                    format!(
                        "{} is not a number of days from {least} to 3660",
                        v.get_ref()
                    ),
                    "write a whole number of days, e.g. 92 for a quarter",
                ));
                None
            }
        };
        if let Some(v) = &raw.stale_after_days {
            s.stale_after_days = days(v, 1, diags).unwrap_or(s.stale_after_days);
        }
        if let Some(v) = &raw.warn_within_days {
            s.warn_within_days = days(v, 1, diags).unwrap_or(s.warn_within_days);
        }
        if let Some(v) = &raw.out_of_date_grace_days {
            s.out_of_date_grace_days = days(v, 0, diags).unwrap_or(s.out_of_date_grace_days);
        }
        let pct = |v: &Spanned<i64>, diags: &mut Vec<Diagnostic>| match u8::try_from(*v.get_ref()) {
            Ok(p) if p <= 100 => Some(p),
            _ => {
                diags.push(bad(
                    v.span(),
                    format!("{} is not a percentage from 0 to 100", v.get_ref()),
                    "write a whole number, e.g. 90",
                ));
                None
            }
        };
        if let Some(v) = &raw.green_at_least {
            // Zero would make a rollup of only Amber milestones Green.
            if *v.get_ref() == 0 {
                diags.push(bad(
                    v.span(),
                    "`green-at-least` of 0 would rate a rollup with nothing on target Green"
                        .to_string(),
                    "write a whole number from 1 to 100, e.g. 90",
                ));
            } else {
                s.green_at_least = pct(v, diags).unwrap_or(s.green_at_least);
            }
        }
        if let Some(v) = &raw.red_below {
            s.red_below = pct(v, diags).unwrap_or(s.red_below);
        }
        if let Some(v) = &raw.response_within_months {
            match u32::try_from(*v.get_ref()) {
                Ok(m) if (1..=24).contains(&m) => s.response_within_months = m,
                _ => diags.push(bad(
                    v.span(),
                    format!("{} is not a number of months from 1 to 24", v.get_ref()),
                    "write a whole number of months, e.g. 2 (the statutory two months)",
                )),
            }
        }
        money(raw, &mut s, diags, &bad);
        if s.red_below > s.green_at_least {
            // Point at whichever of the two was written (one may be the
            // default).
            let span = raw
                .red_below
                .as_ref()
                .or(raw.green_at_least.as_ref())
                .map_or(0..0, |v| v.span());
            let default = |v: &Option<Spanned<i64>>| if v.is_some() { "" } else { ", the default" };
            diags.push(bad(
                span,
                format!(
                    "`red-below` ({}{}) is above `green-at-least` ({}{})",
                    s.red_below,
                    default(&raw.red_below),
                    s.green_at_least,
                    default(&raw.green_at_least)
                ),
                "Red must start below where Green starts",
            ));
            s.red_below = s.green_at_least;
        }
        s
    }
}

/// The money tolerances: whole percentages, Green within Red.
fn money(
    raw: &RawSettings,
    s: &mut Settings,
    diags: &mut Vec<Diagnostic>,
    bad: &dyn Fn(std::ops::Range<usize>, String, &str) -> Diagnostic,
) {
    let pct =
        |v: &Spanned<i64>, least: u8, diags: &mut Vec<Diagnostic>| match u8::try_from(*v.get_ref())
        {
            Ok(p) if (least..=100).contains(&p) => Some(p),
            _ => {
                diags.push(bad(
                    v.span(),
                    format!("{} is not a percentage from {least} to 100", v.get_ref()),
                    "write a whole number, e.g. 2",
                ));
                None
            }
        };
    if let Some(v) = &raw.overspend_green_within {
        s.overspend_green_within = pct(v, 0, diags).unwrap_or(s.overspend_green_within);
    }
    if let Some(v) = &raw.overspend_red_above {
        s.overspend_red_above = pct(v, 0, diags).unwrap_or(s.overspend_red_above);
    }
    if let Some(v) = &raw.cap_amber_from {
        s.cap_amber_from = pct(v, 1, diags).unwrap_or(s.cap_amber_from);
    }
    if s.overspend_green_within > s.overspend_red_above {
        let span = raw
            .overspend_green_within
            .as_ref()
            .or(raw.overspend_red_above.as_ref())
            .map_or(0..0, |v| v.span());
        diags.push(bad(
            span,
            format!(
                "`overspend-green-within` ({}) is above `overspend-red-above` ({})",
                s.overspend_green_within, s.overspend_red_above
            ),
            "Green must end at or below where Red starts",
        ));
        s.overspend_green_within = s.overspend_red_above;
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{PLAN, REGISTRY, found, load_files};

    fn with_settings(settings: &str) -> crate::PlanSet {
        load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("settings.toml", settings),
        ])
    }

    #[test]
    fn red_above_green_points_at_what_was_written() {
        let plans = with_settings("[settings]\ngreen-at-least = 50\n");
        assert_eq!(found(&plans), ["E0107 settings.toml:2:18"]);
        assert_eq!(
            plans.diagnostics[0].message,
            "`red-below` (70, the default) is above `green-at-least` (50)"
        );
        let plans = with_settings("[settings]\nred-below = 95\n");
        assert_eq!(found(&plans), ["E0107 settings.toml:2:13"]);
        assert_eq!(plans.settings.red_below, plans.settings.green_at_least);
    }

    #[test]
    fn bad_values_keep_their_defaults() {
        let plans = with_settings(
            "[settings]\nscale = \"traffic-lights\"\nstale-after-days = 0\nwarn-within-days = 30\n",
        );
        assert_eq!(
            found(&plans),
            ["E0107 settings.toml:2:9", "E0107 settings.toml:3:20"]
        );
        assert_eq!(plans.settings.scale, super::Scale::Brag);
        assert_eq!(plans.settings.stale_after_days, 92);
    }

    #[test]
    fn the_percentage_convention_is_read_and_bad_words_are_found() {
        let plans = with_settings(
            "[settings]\npercent-of = \"live\"\npercent-rounding = \"nearest\"\nout-of-date-grace-days = 0\n",
        );
        assert_eq!(found(&plans), Vec::<String>::new());
        assert_eq!(plans.settings.percent_of, super::PercentOf::Live);
        assert_eq!(plans.settings.rounding, super::Rounding::Nearest);
        assert_eq!(plans.settings.out_of_date_grace_days, 0);
        let plans = with_settings(
            "[settings]\npercent-of = \"all\"\npercent-rounding = \"up\"\nout-of-date-grace-days = -1\n",
        );
        assert_eq!(
            found(&plans),
            [
                "E0107 settings.toml:2:14",
                "E0107 settings.toml:3:20",
                "E0107 settings.toml:4:26"
            ]
        );
        assert_eq!(plans.settings, super::Settings::default());
    }

    #[test]
    fn the_response_window_is_whole_months_from_1_to_24() {
        let plans = with_settings("[settings]\nresponse-within-months = 3\n");
        assert_eq!(found(&plans), Vec::<String>::new());
        assert_eq!(plans.settings.response_within_months, 3);
        for bad in ["0", "25", "-2"] {
            let plans = with_settings(&format!("[settings]\nresponse-within-months = {bad}\n"));
            assert_eq!(found(&plans), ["E0107 settings.toml:2:26"], "{bad}");
            assert_eq!(plans.settings.response_within_months, 2);
        }
    }

    #[test]
    fn money_tolerances_are_percentages_with_green_within_red() {
        let plans = with_settings(
            "[settings]\noverspend-green-within = 1\noverspend-red-above = 5\ncap-amber-from = 95\n",
        );
        assert_eq!(found(&plans), Vec::<String>::new());
        assert_eq!(
            (
                plans.settings.overspend_green_within,
                plans.settings.overspend_red_above,
                plans.settings.cap_amber_from
            ),
            (1, 5, 95)
        );
        let plans = with_settings("[settings]\noverspend-green-within = 3\ncap-amber-from = 0\n");
        assert_eq!(
            found(&plans),
            ["E0107 settings.toml:2:26", "E0107 settings.toml:3:18"]
        );
        assert_eq!(plans.settings.overspend_green_within, 2);
        assert_eq!(plans.settings.cap_amber_from, 90);
    }
}
