//! Hostile inputs: assets.

#[allow(unused_imports)]
use crate::support::*;
