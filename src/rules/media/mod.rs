//! Audio and video.

include!(concat!(env!("OUT_DIR"), "/rules/media.rs"));
