//! What a filled return adds to the plans.
