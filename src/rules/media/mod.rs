//! Audio and video.

pub mod track_file_invalid;
pub mod video_captions_missing;
