//! Long notes said once per document: where several sections carry the
//! same explanation (how the counts are made, how a measure is read), the
//! first keeps it and the later ones point back to it, so a pack does not
//! print the same paragraph once per strategy.

use super::doc::Section;

/// A note at least this long, given word for word under an earlier
/// section, is not repeated. Shorter ones (the illustrative mark's legend,
/// a count) stay beside their own table, where they cost a line.
pub(crate) const REPEATED_NOTE_CHARS: usize = 200;

/// Replaces each long note already given under an earlier section with
/// one line, in place of the first such note, naming the sections where
/// they are: "How to read this table: see the notes under "2. Progress:
/// AUT ..." above."
pub(crate) fn say_once(sections: &mut [Section]) {
    // Each long note given so far, and the heading of the section it is
    // under.
    let mut given: Vec<(String, String)> = Vec::new();
    for section in sections.iter_mut() {
        let mut places: Vec<String> = Vec::new();
        let mut repeated = 0;
        let mut notes = Vec::with_capacity(section.notes.len());
        let mut pointer_at = None;
        for note in std::mem::take(&mut section.notes) {
            if note.chars().count() < REPEATED_NOTE_CHARS {
                notes.push(note);
                continue;
            }
            match given.iter().find(|(text, _)| *text == note) {
                Some((_, heading)) => {
                    repeated += 1;
                    if !places.contains(heading) {
                        places.push(heading.clone());
                    }
                    pointer_at.get_or_insert(notes.len());
                }
                None => {
                    given.push((note.clone(), section.heading.clone()));
                    notes.push(note);
                }
            }
        }
        if let Some(at) = pointer_at {
            notes.insert(at, pointer(repeated, &places));
        }
        section.notes = notes;
    }
}

fn pointer(repeated: usize, places: &[String]) -> String {
    let places: Vec<String> = places.iter().map(|h| format!("\"{h}\"")).collect();
    format!(
        "How to read this table: see the {} under {} above.",
        if repeated == 1 { "note" } else { "notes" },
        places.join(" and ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(heading: &str, notes: &[&str]) -> Section {
        Section {
            id: heading.to_lowercase(),
            heading: heading.to_string(),
            intro: Vec::new(),
            table: None,
            notes: notes.iter().map(|n| n.to_string()).collect(),
            chart: None,
            narratives: Vec::new(),
        }
    }

    #[test]
    fn a_long_note_is_given_once_and_pointed_back_to() {
        let long = "How the counts are made. ".repeat(10);
        let other = "How travel is worked out. ".repeat(10);
        let mut sections = vec![
            section("Headline", &[&long, "short"]),
            section("Progress: A", &[&long, &other, "short"]),
            section("Progress: B", &[&long, &other, "short", "only here"]),
        ];
        say_once(&mut sections);
        assert_eq!(sections[0].notes, [long.as_str(), "short"]);
        assert_eq!(
            sections[1].notes,
            [
                "How to read this table: see the note under \"Headline\" above.",
                other.as_str(),
                "short"
            ]
        );
        assert_eq!(
            sections[2].notes,
            [
                "How to read this table: see the notes under \"Headline\" and \
                 \"Progress: A\" above.",
                "short",
                "only here"
            ]
        );
    }

    #[test]
    fn short_and_different_notes_stay() {
        let a = "a".repeat(REPEATED_NOTE_CHARS);
        let b = "b".repeat(REPEATED_NOTE_CHARS);
        let short = "x".repeat(REPEATED_NOTE_CHARS - 1);
        let mut sections = vec![section("One", &[&a, &short]), section("Two", &[&b, &short])];
        let before = sections.clone();
        say_once(&mut sections);
        assert_eq!(sections, before);
    }
}
