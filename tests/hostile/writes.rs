//! Hostile inputs: writes.

#[allow(unused_imports)]
use crate::support::*;
