//! The generator makes plan sets that Ragtime accepts, the same bytes for
//! the same seed, with the features the benchmarks rely on.

use ragtime_bench::{GenFile, Options, generate, write};
use ragtime_core::{Input, PlanSet, Severity};

fn load(files: &[GenFile]) -> PlanSet {
    let inputs = files
        .iter()
        .map(|f| Input::new(f.path.clone(), f.text.clone().into_bytes()))
        .collect();
    ragtime_core::load(inputs)
}

fn errors(plans: &PlanSet) -> Vec<String> {
    plans
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| format!("{}: {} {}", plans.source(d.file()).name, d.code, d.message))
        .collect()
}

#[test]
fn a_thousand_milestones_written_to_disk_load_without_errors() {
    let files = generate(&Options {
        milestones: 1000,
        seed: 1,
    });
    let dir = tempfile::tempdir().expect("temp dir");
    write(&files, dir.path()).expect("write");

    // Read back as `ragtime` would: every *.toml file, in path order.
    let paths = ragtime_bench::floor::discover(dir.path()).expect("discover");
    assert_eq!(paths.len(), files.len());
    let inputs = paths
        .iter()
        .map(|p| Input::new(p.to_string_lossy(), std::fs::read(p).expect("read")))
        .collect();
    let plans = ragtime_core::load(inputs);

    assert_eq!(errors(&plans), Vec::<String>::new());
    let m = &plans.model;
    assert_eq!(m.milestones.len(), 1000);
    assert!(m.strategies.len() > 1);
    assert!(
        m.measures
            .iter()
            .any(|x| x.actual.len() > 1 && !x.comparators.is_empty())
    );
    assert!(m.boards.iter().any(|b| b.reports_to.is_some()));
    assert!(
        m.milestones
            .iter()
            .any(|x| x.times_redated_as_of(chrono::NaiveDate::MAX) > 0)
    );
    // Dependencies reach across strategies, not only within one.
    assert!(m.milestones.iter().enumerate().any(|(i, x)| {
        x.depends_on.iter().any(|d| {
            m.strategy_of_milestone(*d)
                != m.strategy_of_milestone(ragtime_core::MilestoneIx(i as u32))
        })
    }));
    // Some strategies are folders of several files.
    assert!(files.iter().any(|f| f.path.ends_with("/plan.toml")));
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let a = generate(&Options {
        milestones: 1000,
        seed: 7,
    });
    let b = generate(&Options {
        milestones: 1000,
        seed: 7,
    });
    let c = generate(&Options {
        milestones: 1000,
        seed: 8,
    });
    assert!(a == b, "same seed, different output");
    // Councils are generated in parallel; the thread count must not matter.
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool")
        .install(|| {
            generate(&Options {
                milestones: 1000,
                seed: 7,
            })
        });
    assert!(a == one_thread, "output depends on the thread count");
    assert!(a != c, "different seeds, same output");
}

#[test]
fn any_size_is_exact_and_sound() {
    for milestones in [1, 2, 7, 333, 2500] {
        let files = generate(&Options {
            milestones,
            seed: 3,
        });
        let plans = load(&files);
        assert_eq!(
            errors(&plans),
            Vec::<String>::new(),
            "{milestones} milestones"
        );
        assert_eq!(plans.model.milestones.len(), milestones);
    }
}

#[test]
fn loading_in_parallel_gives_the_same_findings_as_one_thread() {
    let mut files = generate(&Options {
        milestones: 2000,
        seed: 5,
    });
    // Problems in several files, so findings come from several tasks.
    let mut broken = 0;
    for f in files
        .iter_mut()
        .filter(|f| f.text.contains("[[milestone]]"))
    {
        f.text = f
            .text
            .replacen("status = \"on-target\"", "status = \"on-targt\"", 1)
            .replacen("[[milestone]]\n", "[[milestone]]\nstauts = 1\n", 1);
        broken += 1;
    }
    assert!(broken > 2);
    let parallel = load(&files);
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool")
        .install(|| load(&files));
    assert!(parallel.error_count() >= 2 * broken);
    assert_eq!(parallel.diagnostics, single.diagnostics);
}
