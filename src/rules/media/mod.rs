//! Audio and video.

pub mod video_captions_missing;
