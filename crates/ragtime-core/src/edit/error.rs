//! Why a file could not be edited.

/// Why a file could not be edited. Nothing is changed in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    #[error("the file is not valid TOML ({0}); run `ragtime check` to see where")]
    Syntax(String),
    #[error("no milestone in this file has the id `{0}`")]
    NotFound(String),
    #[error("milestone `{0}` is written more than once in this file")]
    Duplicate(String),
    #[error("the update log of `{id}` is {found}, not a list of updates")]
    LogNotAList { id: String, found: &'static str },
    #[error("milestone `{id}` cannot be edited safely: {why}")]
    Unsupported { id: String, why: String },
    #[error(
        "internal check failed: the edit of `{0}` would change more than its update log, so it was not made"
    )]
    Verify(String),
}
