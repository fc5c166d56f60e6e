//! A measured value on its own: how reports print it, and how far it
//! falls short of a target in the direction that is better. The rating
//! and the checks on a measure's targets both stand on these.

use crate::model::Direction;

/// How far `value` falls short of `target` in the better direction; zero or
/// less when the target is met.
pub fn shortfall(direction: Direction, value: f64, target: f64) -> f64 {
    match direction {
        Direction::Higher => target - value,
        Direction::Lower => value - target,
    }
}

/// A measured value as reports print it: whole numbers without decimals,
/// others with up to two, trailing zeros dropped.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
