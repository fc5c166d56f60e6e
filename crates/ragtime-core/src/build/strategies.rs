//! Strategies (owner, period, boards, the decision that approved them),
//! and the strategy a priority or measure belongs to.

use crate::diag::{Code, Diagnostic};
use crate::model::{Decision, EntityRef, Kind, Strategy, StrategyIx};
use crate::raw::{RawFile, SpannedStr};
use crate::source::FileId;

use super::builder::Builder;
use super::prepare::Part;
use super::values::loc;

impl Builder<'_, '_> {
    pub(super) fn build_strategies(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            let Some(r) = &raw.strategy else { continue };
            let r = r.get_ref();
            let owner = self.owner(file, &r.owner);
            let start = self.date(file, &r.start);
            let end = self.date(file, &r.end);
            let boards = self.boards(file, &r.boards);
            let approved = match &r.approved {
                Some(a) => {
                    let a = a.get_ref();
                    let by = self.board(file, &a.by);
                    let on = self.date(file, &a.on);
                    by.zip(on).map(|(by, on)| Decision { by, on })
                }
                None => None,
            };
            let (Some(owner), Some(start), Some(end)) = (owner, start, end) else {
                continue;
            };
            if end < start {
                self.push(
                    Diagnostic::new(
                        Code::PeriodReversed,
                        loc(file, &r.end),
                        format!("strategy ends on {end}, before it starts on {start}"),
                    )
                    .label("end date")
                    .secondary(loc(file, &r.start), "start date")
                    .help("swap the dates, or correct the one that is wrong"),
                );
            }
            let ix = StrategyIx::from_usize(self.model.strategies.len());
            if self.register(&r.id, EntityRef::Strategy(ix), file) {
                self.model.strategies.push(Strategy {
                    id: r.id.get_ref().clone(),
                    title: r.title.get_ref().clone(),
                    start,
                    end,
                    owner,
                    boards,
                    approved,
                    summary: r.summary.clone(),
                    source: r.source.clone(),
                    closed: r.closed,
                    loc: loc(file, &r.id),
                });
            }
        }
    }

    /// The strategy a priority or measure belongs to: its own `strategy` key,
    /// or the `[strategy]` of its file.
    pub(super) fn owning_strategy(
        &mut self,
        file: FileId,
        raw: &RawFile,
        own: Option<&SpannedStr>,
        id: &SpannedStr,
    ) -> Option<StrategyIx> {
        let name = match (own, &raw.strategy) {
            (Some(name), _) => name.clone(),
            (None, Some(s)) => s.get_ref().id.clone(),
            (None, None) => {
                self.push(
                    Diagnostic::new(
                        Code::NoStrategy,
                        loc(file, id),
                        format!(
                            "`{}` does not say which strategy it belongs to",
                            id.get_ref()
                        ),
                    )
                    .label("no `strategy` key, and no `[strategy]` in this file")
                    .help("add `strategy = \"<strategy id>\"` to this table"),
                );
                return None;
            }
        };
        match self.lookup(file, &name, Kind::Strategy)? {
            EntityRef::Strategy(ix) => Some(ix),
            _ => None,
        }
    }
}
