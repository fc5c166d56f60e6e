//! Reading a filled return.
