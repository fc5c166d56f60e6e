//! How wide text is in the printed pack, in points, without a font at
//! hand: the advance widths of Arial (metric-compatible with Liberation
//! Sans and Helvetica), scaled for the narrow face the tables print in.
//! Close enough to share a page's width among columns; the browser does
//! the real typesetting.

/// Advance widths of Arial for ASCII 32 (space) to 126 (`~`), in
/// thousandths of an em.
const ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// Anything else (accented letters, dashes, arrows) counts as a digit.
const OTHER: u16 = 556;

/// The narrow face (Arial Narrow, Liberation Sans Narrow) is Arial at 82%
/// of the width.
const NARROW: f64 = 0.82;

/// Bold is a little wider than regular.
const BOLD: f64 = 1.08;

/// A face at a size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Face {
    pub size_pt: f64,
    pub narrow: bool,
    pub bold: bool,
}

impl Face {
    /// The width of `text` set in this face, in points.
    pub fn width(self, text: &str) -> f64 {
        let ems: u32 = text
            .chars()
            .map(|c| {
                let code = c as u32;
                if (32..127).contains(&code) {
                    u32::from(ASCII[(code - 32) as usize])
                } else {
                    u32::from(OTHER)
                }
            })
            .sum();
        let mut width = f64::from(ems) / 1000.0 * self.size_pt;
        if self.narrow {
            width *= NARROW;
        }
        if self.bold {
            width *= BOLD;
        }
        width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font() {
        let face = Face {
            size_pt: 10.0,
            narrow: false,
            bold: false,
        };
        // Digits are all 0.556 em.
        assert!((face.width("0123456789") - 55.6).abs() < 1e-9);
        assert!(face.width("m") > face.width("i"));
        assert_eq!(face.width(""), 0.0);
        let narrow = Face {
            narrow: true,
            ..face
        };
        assert!((narrow.width("00") - 2.0 * 5.56 * 0.82).abs() < 1e-9);
        // Characters beyond ASCII are counted too.
        assert!(face.width("\u{2191} up") > face.width(" up"));
    }
}
