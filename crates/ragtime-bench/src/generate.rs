//! The synthetic plan-set generator: plan sets shaped like a region's worth of
//! council plans, any size, the same bytes for the same seed.
//!
//! A plan set is a folder per council, each with its owners and boards
//! registries (boards report to the council's cabinet) and a file or folder
//! per strategy: priorities, objectives, measures with dated series and
//! comparators, commitments, and milestones with update logs, re-dated due
//! dates and `depends-on` links to earlier milestones in the same or other
//! strategies. Links only ever point at milestones generated earlier, so
//! they never form a circle; dates are kept inside each strategy's period,
//! so the plan set passes `ragtime check`.
//!
//! Generation runs in two passes. The first, on one random stream, fixes the
//! shape (councils, strategies, how many milestones each commitment has)
//! until the requested number of milestones is reached. The second writes
//! each council's files from its own stream, so councils are generated in
//! parallel and the bytes still do not depend on the thread count.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Days, Months, NaiveDate};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::words::*;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Exactly this many milestones.
    pub milestones: usize,
    pub seed: u64,
}

/// One generated file: its path below the plan folder (with `/`), and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenFile {
    pub path: String,
    pub text: String,
}

/// Updates are dated no later than this, so output never depends on today.
fn as_at() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("a real date")
}

/// The shape of one strategy, fixed in the first pass.
struct StrategyShape {
    kind: usize,
    /// A folder of files rather than one file.
    folder: bool,
    /// For each priority, for each commitment, how many milestones.
    priorities: Vec<Vec<usize>>,
}

struct CouncilShape {
    code: String,
    place: String,
    strategies: Vec<StrategyShape>,
    milestones: usize,
}

impl CouncilShape {
    fn slug(&self) -> String {
        format!("{}-{}", self.code.to_lowercase(), slugify(&self.place))
    }

    fn strategy_id(&self, s: usize) -> String {
        format!("{}-{}", self.code, STRATEGIES[self.strategies[s].kind].0)
    }

    /// The id of a random milestone of strategy `s`.
    fn random_milestone(&self, s: usize, rng: &mut ChaCha8Rng) -> String {
        let shape = &self.strategies[s];
        let p = rng.random_range(0..shape.priorities.len());
        let c = rng.random_range(0..shape.priorities[p].len());
        let m = rng.random_range(0..shape.priorities[p][c]);
        format!("{}-P{}-C{}-M{}", self.strategy_id(s), p + 1, c + 1, m + 1)
    }
}

/// Generates the plan set in memory, files sorted by path.
pub fn generate(opts: &Options) -> Vec<GenFile> {
    let councils = shape(opts);
    let mut files = vec![GenFile {
        path: "settings.toml".to_string(),
        text: settings_file(opts.seed),
    }];
    let per_council: Vec<Vec<GenFile>> = (0..councils.len())
        .into_par_iter()
        .map(|i| council_files(&councils, i, opts.seed))
        .collect();
    files.extend(per_council.into_iter().flatten());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Writes generated files below `dir`, creating folders as needed.
pub fn write(files: &[GenFile], dir: &Path) -> std::io::Result<()> {
    files.par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &f.text)
    })
}

fn shape(opts: &Options) -> Vec<CouncilShape> {
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let mut remaining = opts.milestones;
    let mut councils = Vec::new();
    while remaining > 0 {
        let i = councils.len();
        let n_strategies = rng.random_range(8..=16);
        let mut kinds: Vec<usize> = (0..STRATEGIES.len()).collect();
        kinds.shuffle(&mut rng);
        kinds.truncate(n_strategies);
        let before = remaining;
        let mut strategies = Vec::new();
        for kind in kinds {
            if remaining == 0 {
                break;
            }
            let mut priorities = Vec::new();
            for _ in 0..rng.random_range(3..=6) {
                if remaining == 0 {
                    break;
                }
                let mut commitments = Vec::new();
                for _ in 0..rng.random_range(2..=6) {
                    if remaining == 0 {
                        break;
                    }
                    let n = rng.random_range(1..=8).min(remaining);
                    remaining -= n;
                    commitments.push(n);
                }
                priorities.push(commitments);
            }
            strategies.push(StrategyShape {
                kind,
                folder: rng.random_bool(0.15),
                priorities,
            });
        }
        councils.push(CouncilShape {
            code: format!("C{:04}", i + 1),
            place: place_name(i),
            strategies,
            milestones: before - remaining,
        });
    }
    councils
}

fn place_name(i: usize) -> String {
    let head = PLACE_HEADS[i % PLACE_HEADS.len()];
    let tail = PLACE_TAILS[(i / PLACE_HEADS.len()) % PLACE_TAILS.len()];
    let round = i / (PLACE_HEADS.len() * PLACE_TAILS.len());
    if round == 0 {
        format!("{head}{tail}")
    } else {
        format!("{head}{tail} {}", round + 1)
    }
}

fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() && c != '\'' {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A TOML basic string.
fn q(text: impl AsRef<str>) -> String {
    let text = text.as_ref();
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n))
        .expect("dates stay in range")
}

fn days_back(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n))
        .expect("dates stay in range")
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    items.choose(rng).expect("word lists are not empty")
}

fn header(out: &mut String, what: &str, seed: u64) {
    let _ = writeln!(out, "# {what}");
    let _ = writeln!(
        out,
        "# Synthetic plan made by ragtime-gen (seed {seed}); not a real council's.\n"
    );
}

fn settings_file(seed: u64) -> String {
    let mut out = String::new();
    header(&mut out, "Rating settings for the whole plan set.", seed);
    out.push_str(
        "[settings]\nscale = \"brag\"\nrollup = \"thresholds\"\nstale-after-days = 92\n\
         warn-within-days = 30\ngreen-at-least = 90\nred-below = 70\n",
    );
    out
}

/// Owners, boards and strategies of one council, as files.
struct Council<'a> {
    all: &'a [CouncilShape],
    index: usize,
    me: &'a CouncilShape,
    seed: u64,
    rng: ChaCha8Rng,
    owners: Vec<String>,
    /// Partnership boards; strategy `s` is overseen by `s % len`.
    boards: Vec<String>,
    milestones_so_far: usize,
}

fn council_files(all: &[CouncilShape], index: usize, seed: u64) -> Vec<GenFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // Stream 0 shaped the plan set; each council has its own stream.
    rng.set_stream(index as u64 + 1);
    let me = &all[index];
    let mut c = Council {
        all,
        index,
        me,
        seed,
        rng,
        owners: Vec::new(),
        boards: Vec::new(),
        milestones_so_far: 0,
    };
    let slug = me.slug();
    let mut files = vec![
        GenFile {
            path: format!("{slug}/owners.toml"),
            text: c.owners_file(),
        },
        GenFile {
            path: format!("{slug}/boards.toml"),
            text: c.boards_file(),
        },
    ];
    for s in 0..me.strategies.len() {
        files.extend(c.strategy_files(s, &slug));
    }
    files
}

impl Council<'_> {
    fn lower(&self) -> String {
        self.me.code.to_lowercase()
    }

    fn owners_file(&mut self) -> String {
        // Enough owners to spread the work, and never more than there are
        // milestones, so every owner owns something.
        let n = (self.me.milestones / 20)
            .clamp(6, 80)
            .min(self.me.milestones);
        let mut out = String::new();
        header(
            &mut out,
            &format!("Owners in {}: roles, never named people.", self.me.place),
            self.seed,
        );
        let lower = self.lower();
        for k in 0..n {
            let (stem, role, sector) = ROLES[k % ROLES.len()];
            let round = k / ROLES.len();
            let (id, role) = if round == 0 {
                (format!("{lower}-{stem}"), role.to_string())
            } else {
                (
                    format!("{lower}-{stem}-{}", round + 1),
                    format!("{role} (locality {})", round + 1),
                )
            };
            let _ = writeln!(out, "[[owner]]\nid = {}\nrole = {}", q(&id), q(&role));
            let _ = writeln!(out, "org = {}", q(org(sector, &self.me.place)));
            let _ = writeln!(out, "sector = {}\n", q(sector));
            self.owners.push(id);
        }
        out
    }

    fn boards_file(&mut self) -> String {
        let lower = self.lower();
        let k = BOARDS.len().min(self.me.strategies.len());
        let mut out = String::new();
        header(
            &mut out,
            &format!(
                "Boards in {}: partnership boards report to Cabinet, delivery groups to their board.",
                self.me.place
            ),
            self.seed,
        );
        let cabinet = format!("{lower}-cabinet");
        let _ = writeln!(
            out,
            "[[board]]\nid = {}\nname = \"Cabinet\"\nmeets = \"monthly\"\nchair = \"Leader of the Council\"\n",
            q(&cabinet)
        );
        for (stem, name, meets, chair) in &BOARDS[..k] {
            let id = format!("{lower}-{stem}");
            let _ = writeln!(
                out,
                "[[board]]\nid = {}\nname = {}\nreports-to = {}\nmeets = {}\nchair = {}\n",
                q(&id),
                q(name),
                q(&cabinet),
                q(meets),
                q(chair)
            );
            let _ = writeln!(
                out,
                "[[board]]\nid = {}\nname = {}\nreports-to = {}\nmeets = {}\nchair = {}\nnote = \"Officers' group that prepares the board's reports.\"\n",
                q(format!("{id}-delivery")),
                q(format!("{name} Delivery Group")),
                q(&id),
                q(pick(&mut self.rng, CADENCES)),
                q(format!("Head of Service for {name}")),
            );
            self.boards.push(id);
        }
        out
    }

    fn random_owner(&mut self) -> String {
        pick(&mut self.rng, &self.owners).clone()
    }

    fn strategy_files(&mut self, s: usize, council_slug: &str) -> Vec<GenFile> {
        let shape = &self.me.strategies[s];
        let (abbr, kind_title) = STRATEGIES[shape.kind];
        let sid = self.me.strategy_id(s);
        let start = NaiveDate::from_ymd_opt(2022, 4, 1)
            .expect("a real date")
            .checked_add_months(Months::new(3 * self.rng.random_range(0..=11)))
            .expect("dates stay in range");
        let years = self.rng.random_range(3..=5);
        let end = days_back(
            start
                .checked_add_months(Months::new(12 * years))
                .expect("dates stay in range"),
            1,
        );
        let title = format!(
            "{} {} {}-{}",
            self.me.place,
            kind_title,
            start.format("%Y"),
            end.format("%Y")
        );
        let directors = self.owners.len().min(6);
        let owner = self.owners[(1 + s) % directors].clone();
        let board = self.boards[s % self.boards.len()].clone();
        let cabinet = format!("{}-cabinet", self.lower());

        let mut plan = String::new();
        header(&mut plan, &title, self.seed);
        let _ = writeln!(
            plan,
            "[strategy]\nid = {}\ntitle = {}\nstart = {start}\nend = {end}\nowner = {}\nboards = [{}]",
            q(&sid),
            q(&title),
            q(&owner),
            q(&board)
        );
        let _ = writeln!(
            plan,
            "approved = {{ by = {}, on = {} }}\nsummary = {}\nsource = {}\n",
            q(&cabinet),
            days_back(start, self.rng.random_range(10..=60)),
            q(format!(
                "How {} and its partners will deliver the {}.",
                self.me.place,
                kind_title.to_lowercase()
            )),
            q(format!("{title}, approved by Cabinet")),
        );

        // Priorities and their objectives.
        let n_pri = shape.priorities.len();
        let mut themes: Vec<usize> = (0..PRIORITIES.len()).collect();
        themes.shuffle(&mut self.rng);
        let mut objectives: Vec<Vec<String>> = Vec::new();
        let mut objective_text = String::new();
        for (p, &theme) in themes.iter().enumerate().take(n_pri) {
            let pid = format!("{sid}-P{}", p + 1);
            let (ptitle, outcome) = PRIORITIES[theme];
            let _ = writeln!(
                plan,
                "[[priority]]\nid = {}\ntitle = {}\noutcome = {}\nsource = {}\n",
                q(&pid),
                q(ptitle),
                q(outcome),
                q(format!("{title}, Priority {}", p + 1))
            );
            let mut ids = Vec::new();
            for o in 0..self.rng.random_range(2..=3) {
                let oid = format!("{pid}-O{}", o + 1);
                let _ = writeln!(
                    objective_text,
                    "[[objective]]\nid = {}\npriority = {}\nnumber = \"{}.{}\"\ntext = {}\n",
                    q(&oid),
                    q(&pid),
                    p + 1,
                    o + 1,
                    q(pick(&mut self.rng, OBJECTIVES))
                );
                ids.push(oid);
            }
            objectives.push(ids);
        }
        plan.push_str(&objective_text);

        // Measures, a few per priority.
        let mut measures: Vec<Vec<String>> = Vec::new();
        let mut n_measures = 0;
        for _ in 0..n_pri {
            let mut ids = Vec::new();
            for _ in 0..self.rng.random_range(1..=3) {
                n_measures += 1;
                let mid = format!("{sid}-M-{n_measures}");
                self.measure(&mut plan, &mid, start, end);
                ids.push(mid);
            }
            measures.push(ids);
        }

        // Commitments.
        for (p, commitments) in shape.priorities.iter().enumerate() {
            for c in 0..commitments.len() {
                let cid = format!("{sid}-P{}-C{}", p + 1, c + 1);
                let text = format!(
                    "We will {} {}.",
                    pick(&mut self.rng, VERBS),
                    pick(&mut self.rng, THINGS)
                );
                let _ = writeln!(
                    plan,
                    "[[commitment]]\nid = {}\npriority = {}\ntext = {}\nowner = {}",
                    q(&cid),
                    q(format!("{sid}-P{}", p + 1)),
                    q(&text),
                    q(self.random_owner())
                );
                let objective = pick(&mut self.rng, &objectives[p]).clone();
                let _ = writeln!(plan, "objectives = [{}]", q(&objective));
                let k = self.rng.random_range(0..=2).min(measures[p].len());
                let chosen: Vec<String> = measures[p]
                    .choose_multiple(&mut self.rng, k)
                    .map(q)
                    .collect();
                if !chosen.is_empty() {
                    let _ = writeln!(plan, "measures = [{}]", chosen.join(", "));
                }
                // Every delivery group oversees at least the first
                // commitment of its board's first strategy.
                let first = p == 0 && c == 0 && s < self.boards.len();
                if first || self.rng.random_bool(0.1) {
                    let _ = writeln!(plan, "boards = [{}]", q(format!("{board}-delivery")));
                }
                if chosen.is_empty() || self.rng.random_bool(0.4) {
                    let span = (end - start).num_days() as u64;
                    let due = days(start, self.rng.random_range(180..span));
                    let _ = writeln!(plan, "due = {due}");
                }
                let _ = writeln!(
                    plan,
                    "source = {}\n",
                    q(format!("{title}, Priority {}, We will", p + 1))
                );
            }
        }

        // Milestones: in the strategy file, or by due year in a folder.
        let mut by_year: std::collections::BTreeMap<i32, String> = Default::default();
        let mut single = String::new();
        for (p, commitments) in shape.priorities.iter().enumerate() {
            for (c, &count) in commitments.iter().enumerate() {
                let cid = format!("{sid}-P{}-C{}", p + 1, c + 1);
                for m in 0..count {
                    let (year, text) = self.milestone(s, &cid, m, start, end);
                    if shape.folder {
                        by_year.entry(year).or_default().push_str(&text);
                    } else {
                        single.push_str(&text);
                    }
                }
            }
        }

        let stem = format!("{}-{}", abbr.to_lowercase(), slugify(kind_title));
        if shape.folder {
            let mut files = vec![GenFile {
                path: format!("{council_slug}/{stem}/plan.toml"),
                text: plan,
            }];
            for (year, body) in by_year {
                let mut text = String::new();
                header(
                    &mut text,
                    &format!("{title}: milestones first due in {year}"),
                    self.seed,
                );
                text.push_str(&body);
                files.push(GenFile {
                    path: format!("{council_slug}/{stem}/milestones-{year}.toml"),
                    text,
                });
            }
            files
        } else {
            plan.push_str(&single);
            vec![GenFile {
                path: format!("{council_slug}/{stem}.toml"),
                text: plan,
            }]
        }
    }

    fn measure(&mut self, out: &mut String, id: &str, start: NaiveDate, end: NaiveDate) {
        let &(name, unit, direction, lo, hi) = pick(&mut self.rng, MEASURES);
        let base = self.rng.random_range(lo..hi);
        let better = if direction == "higher" { 1.0 } else { -1.0 };
        let gain = base * self.rng.random_range(0.05..0.2);
        let target = base + better * gain;
        let _ = writeln!(
            out,
            "[[measure]]\nid = {}\nname = {}\nunit = {}\ndirection = {}\nowner = {}",
            q(id),
            q(name),
            q(unit),
            q(direction),
            q(self.random_owner())
        );
        let _ = writeln!(
            out,
            "baseline = {{ date = {}, value = {base:.1} }}\ntarget = {{ date = {end}, value = {target:.1} }}\ntolerance = {:.1}",
            days_back(start, 1),
            gain / 4.0
        );
        // Quarterly actuals from the start of the period to the as-at date.
        let mut points = Vec::new();
        let mut value = base;
        for quarter in 1..=16 {
            let date = days_back(
                start
                    .checked_add_months(Months::new(3 * quarter))
                    .expect("dates stay in range"),
                1,
            );
            if date > as_at() {
                break;
            }
            value += better * gain / 8.0 * self.rng.random_range(-0.8..1.6);
            points.push(format!("  {{ date = {date}, value = {value:.1} }},"));
        }
        if !points.is_empty() {
            let _ = writeln!(out, "actual = [\n{}\n]", points.join("\n"));
        }
        let n = self.rng.random_range(0..=2);
        if n > 0 {
            let list: Vec<String> = COMPARATORS
                .choose_multiple(&mut self.rng, n)
                .map(|c| {
                    let v = base * self.rng.random_range(0.9..1.1);
                    format!(
                        "{{ name = {}, value = {v:.1}, date = {} }}",
                        q(c),
                        days_back(start, 1)
                    )
                })
                .collect();
            let _ = writeln!(out, "comparators = [{}]", list.join(", "));
        }
        out.push('\n');
    }

    /// One milestone and its update log; returns its baseline due year too.
    fn milestone(
        &mut self,
        s: usize,
        cid: &str,
        m: usize,
        start: NaiveDate,
        end: NaiveDate,
    ) -> (i32, String) {
        let rng = &mut self.rng;
        let id = format!("{cid}-M{}", m + 1);
        let owner = if self.milestones_so_far < self.owners.len() {
            self.owners[self.milestones_so_far].clone()
        } else {
            pick(rng, &self.owners).clone()
        };
        self.milestones_so_far += 1;
        let added = days(start, rng.random_range(0..=120));
        let latest = days_back(end, 30);
        let room = (latest - added).num_days().clamp(61, 900) as u64;
        let due = days(added, rng.random_range(60..room)).min(latest);

        // Links to earlier milestones only, so they never form a circle.
        let mut deps = Vec::new();
        if m > 0 && rng.random_bool(0.25) {
            deps.push(format!("{cid}-M{m}"));
        }
        if s > 0 && rng.random_bool(0.05) {
            let other = rng.random_range(0..s);
            deps.push(self.me.random_milestone(other, rng));
        }
        if self.index > 0 && rng.random_bool(0.005) {
            let council = &self.all[rng.random_range(0..self.index)];
            let other = rng.random_range(0..council.strategies.len());
            deps.push(council.random_milestone(other, rng));
        }

        let mut out = String::with_capacity(900);
        let _ = writeln!(
            out,
            "[[milestone]]\nid = {}\ncommitment = {}\ntitle = {}\nowner = {}\nadded = {added}\ndue = {due}",
            q(&id),
            q(cid),
            q(format!(
                "{} {}",
                pick(rng, ACTIONS),
                pick(rng, DELIVERABLES)
            )),
            q(&owner),
        );
        if !deps.is_empty() {
            let list: Vec<String> = deps.iter().map(q).collect();
            let _ = writeln!(out, "depends-on = [{}]", list.join(", "));
        }
        out.push('\n');

        let mut date = days(added, rng.random_range(20..=100));
        let mut current_due = due;
        let mut percent: u32 = 0;
        let mut n = 0;
        while date <= as_at() && n < 5 {
            n += 1;
            let by = if rng.random_bool(0.85) {
                owner.clone()
            } else {
                pick(rng, &self.owners).clone()
            };
            // The keys after `by`; the status is chosen below.
            let mut u = String::new();
            let mut done = false;
            let status;
            if days(date, 30) >= current_due {
                let new_due = days(current_due, rng.random_range(60..=180)).min(end);
                if rng.random_bool(0.6) || new_due <= current_due {
                    status = "complete";
                    let _ = writeln!(
                        u,
                        "  note = {}\n  percent = 100",
                        q(pick(rng, NOTES_COMPLETE))
                    );
                    done = true;
                } else {
                    status = "at-risk";
                    let _ = writeln!(
                        u,
                        "  note = {}\n  due = {new_due}\n  reason = {}\n  action = {}",
                        q(pick(rng, NOTES_AT_RISK)),
                        q(pick(rng, REASONS)),
                        q(pick(rng, REMEDIES))
                    );
                    current_due = new_due;
                }
            } else {
                match rng.random_range(0..100) {
                    0..10 if n == 1 => {
                        status = "not-started";
                        u.push_str("  note = \"Planning under way.\"\n");
                    }
                    70..85 => {
                        status = "at-risk";
                        let _ = writeln!(
                            u,
                            "  note = {}\n  action = {}",
                            q(pick(rng, NOTES_AT_RISK)),
                            q(pick(rng, REMEDIES))
                        );
                    }
                    // A re-date must move the date (E0408): not from the end.
                    85..92 if current_due < end => {
                        let new_due = days(current_due, rng.random_range(30..=120)).min(end);
                        status = "at-risk";
                        let _ = writeln!(
                            u,
                            "  note = {}\n  due = {new_due}\n  reason = {}",
                            q(pick(rng, NOTES_AT_RISK)),
                            q(pick(rng, REASONS))
                        );
                        current_due = new_due;
                    }
                    92..95 => {
                        status = "not-on-target";
                        let _ = writeln!(
                            u,
                            "  note = {}\n  action = {}",
                            q(pick(rng, NOTES_AT_RISK)),
                            q(pick(rng, REMEDIES))
                        );
                    }
                    95..98 => {
                        status = "paused";
                        u.push_str("  note = \"Paused while the service is restructured.\"\n");
                    }
                    98 => {
                        status = "cancelled";
                        let _ = writeln!(u, "  note = {}", q(pick(rng, NOTES_CANCELLED)));
                        done = true;
                    }
                    _ => {
                        status = "on-target";
                        let _ = writeln!(u, "  note = {}", q(pick(rng, NOTES_ON_TARGET)));
                        if rng.random_bool(0.5) {
                            percent = (percent + rng.random_range(5..=25)).min(95);
                            let _ = writeln!(u, "  percent = {percent}");
                        }
                    }
                }
            }
            let _ = writeln!(
                out,
                "  [[milestone.update]]\n  date = {date}\n  status = {}\n  by = {}\n{u}",
                q(status),
                q(&by)
            );
            if done {
                break;
            }
            date = days(date, rng.random_range(60..=150));
        }
        (chrono::Datelike::year(&due), out)
    }
}
